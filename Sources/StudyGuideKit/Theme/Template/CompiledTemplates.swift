/// A theme's templates compiled into flat arrays: instructions that step over their bodies by
/// index, names made into view keys, all text in one buffer. Rendering reads them through
/// pointers and retains nothing; walking the tree of `Template.Node`s retained every node and
/// name it visited, on objects both cores share, and those retains were most of the cost of pages.
final class CompiledTemplates: @unchecked Sendable {
    /// One step of a template. Payloads are integers, so reading one never retains.
    enum Instruction {
        /// `text[start ..< end]`.
        case text(start: Int32, end: Int32)
        case variable(name: Int32, escaped: Bool)
        /// The section's body is the instructions after it, up to `end`.
        case section(name: Int32, inverted: Bool, end: Int32)
        case partial(Int32)
        /// A layout's block; its default body is the instructions after it, up to `end`.
        case block(Int32, end: Int32)
        /// A block's override, written inside `{{< layout}}`: rendered only where the layout's block is.
        case skip(end: Int32)
        /// `counted[text]` in the plural form of the number `name` holds.
        case counted(name: Int32, text: Int32)
    }

    /// A tag's name: `keys[keys]` are its dotted parts (nil: no view has that name), and
    /// `transforms[transforms]` apply innermost first.
    struct Name {
        var keys: Range<Int32>
        var transforms: Range<Int32>
        var isCurrent: Bool
        var isAnchored: Bool
    }

    struct Partial {
        /// The partial's instructions; nil for a dynamic partial, or one that does not exist.
        var body: Range<Int32>?
        /// `{{>*name}}`: the name whose value names the partial.
        var dynamicName: Int32?
        var indentation: [UInt8]?
        /// Blocks overridden by `{{< layout}}…{{/layout}}`, by name.
        var blocks: [String: Range<Int32>]?
    }

    struct Block {
        var name: String
        var indentation: [UInt8]
    }

    let instructions: UnsafeBufferPointer<Instruction>
    let text: UnsafeBufferPointer<UInt8>
    let names: UnsafeBufferPointer<Name>
    let keys: UnsafeBufferPointer<TemplateKey?>
    let transforms: UnsafeBufferPointer<TemplateTransform>
    let partials: [Partial]
    let blocks: [Block]
    let counted: [CountedText]
    /// Each template's instructions, by template name.
    let bodies: [String: Range<Int32>]

    init(_ templates: [String: Template]) {
        var compiler = Compiler()
        // Partials may name templates compiled after them: their bodies are filled in at the end.
        var pending: [(partial: Int, template: String)] = []
        var bodies: [String: Range<Int32>] = [:]
        for name in templates.keys.sorted() {
            let start = Int32(compiler.instructions.count)
            compiler.compile(templates[name]!.nodes, pendingPartials: &pending)
            bodies[name] = start ..< Int32(compiler.instructions.count)
        }
        for (partial, template) in pending { compiler.partials[partial].body = bodies[template] }
        self.bodies = bodies
        instructions = Self.copied(compiler.instructions)
        text = Self.copied(compiler.text)
        names = Self.copied(compiler.names)
        keys = Self.copied(compiler.keys)
        transforms = Self.copied(compiler.transforms)
        partials = compiler.partials
        blocks = compiler.blocks
        counted = compiler.counted
    }

    deinit {
        instructions.deallocate()
        text.deallocate()
        names.deallocate()
        keys.deallocate()
        transforms.deallocate()
    }

    private static func copied<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[..<array.count])
    }

    private struct Compiler {
        var instructions: [Instruction] = []
        var text: [UInt8] = []
        var names: [Name] = []
        var keys: [TemplateKey?] = []
        var transforms: [TemplateTransform] = []
        var partials: [Partial] = []
        var blocks: [Block] = []
        var counted: [CountedText] = []

        mutating func compile(_ nodes: [Template.Node], pendingPartials: inout [(partial: Int, template: String)]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    let start = Int32(text.count)
                    text += bytes
                    instructions.append(.text(start: start, end: Int32(text.count)))
                case .variable(let name, let escaped):
                    instructions.append(.variable(name: intern(name), escaped: escaped))
                case .section(let name, let inverted, let children):
                    let name = intern(name)
                    let at = opening()
                    compile(children, pendingPartials: &pendingPartials)
                    instructions[at] = .section(name: name, inverted: inverted, end: Int32(instructions.count))
                case .partial(let name, let dynamic, let indentation, let overrides):
                    var blocks: [String: Range<Int32>]?
                    if let overrides {
                        blocks = [:]
                        for blockName in overrides.keys.sorted() {
                            let at = opening()
                            compile(overrides[blockName]!, pendingPartials: &pendingPartials)
                            instructions[at] = .skip(end: Int32(instructions.count))
                            blocks?[blockName] = Int32(at + 1) ..< Int32(instructions.count)
                        }
                    }
                    let dynamicName = dynamic ? intern(Template.Name(name)) : nil
                    if !dynamic { pendingPartials.append((partials.count, name)) }
                    partials.append(Partial(body: nil, dynamicName: dynamicName, indentation: indentation, blocks: blocks))
                    instructions.append(.partial(Int32(partials.count - 1)))
                case .block(let name, let children, let indentation):
                    blocks.append(Block(name: name, indentation: indentation))
                    let block = Int32(blocks.count - 1)
                    let at = opening()
                    compile(children, pendingPartials: &pendingPartials)
                    instructions[at] = .block(block, end: Int32(instructions.count))
                case .blockDefinition:
                    break  // collected into its layout's blocks by the parser
                case .counted(let name, let text):
                    counted.append(text)
                    instructions.append(.counted(name: intern(name), text: Int32(counted.count - 1)))
                case .translation:
                    break  // replaced by the theme's words before templates are compiled (`Template.translated`)
                }
            }
        }

        /// A placeholder for an instruction whose body follows; it is written once the body is.
        private mutating func opening() -> Int {
            instructions.append(.skip(end: 0))
            return instructions.count - 1
        }

        private mutating func intern(_ name: Template.Name) -> Int32 {
            let keyStart = Int32(keys.count)
            keys += name.parts.map { TemplateKey(rawValue: $0) }
            let transformStart = Int32(transforms.count)
            transforms += name.transforms
            names.append(Name(keys: keyStart ..< Int32(keys.count), transforms: transformStart ..< Int32(transforms.count),
                              isCurrent: name.isCurrent, isAnchored: name.isAnchored))
            return Int32(names.count - 1)
        }
    }
}
