/// A theme's templates, compiled; renders a view with one of them into UTF-8 bytes.
struct TemplateLibrary: Sendable {
    private let compiled: CompiledTemplates
    /// Each template with the partials it renders, directly or through others: sorted.
    let templatesUsed: [String: [String]]

    /// The parsed templates by name; only their compiled form is kept.
    init(templates: [String: Template]) {
        compiled = CompiledTemplates(templates)
        var used: [String: [String]] = [:]
        for name in templates.keys {
            var seen: Set<String> = [name]
            var next = [name]
            var dynamic = false
            while let current = next.popLast() {
                guard let template = templates[current] else { continue }
                dynamic = dynamic || template.usesDynamicPartials
                for partial in template.partialNames where seen.insert(partial).inserted { next.append(partial) }
            }
            used[name] = dynamic ? templates.keys.sorted() : seen.filter { templates[$0] != nil }.sorted()
        }
        templatesUsed = used
    }

    /// Room a page is rendered in first: most pages fit.
    static let pageCapacity = 32 * 1024

    /// Renders straight into the page's array; a page that outgrows it is copied once, into one that fits.
    /// `expectedSize`: room for a page known to be large (a list of thousands of questions), so that
    /// it is not grown by doubling and then copied: at 100,000 questions those copies of the two
    /// category pages rendering at once were a build's peak.
    func render(_ view: any TemplateView, template name: String, expectedSize: Int = 0) -> [UInt8] {
        guard let body = compiled.bodies[name] else { return [] }
        var grown: [UInt8]?
        let page = [UInt8](unsafeUninitializedCapacity: max(Self.pageCapacity, expectedSize)) { region, count in
            var renderer = TemplateRenderer(compiled: compiled, into: region)
            renderer.push(.view(view))
            renderer.render(body, TemplateRenderer.Context())
            if renderer.out.hasGrown { grown = renderer.out.bytes } else { count = renderer.out.count }
        }
        return grown ?? page
    }

    /// Room a page rendered to a sink is made in, a piece at a time.
    static let pieceCapacity = 64 * 1024

    /// Renders to `sink` a piece at a time (`pieceCapacity`, or `pieceSize` for tests), so that
    /// a page of any length is never held whole. Returns how many bytes the page has.
    func render(_ view: any TemplateView, template name: String, pieceSize: Int = Self.pieceCapacity,
                to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        guard let body = compiled.bodies[name] else { return 0 }
        let region = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(pieceSize, 1))
        defer { region.deallocate() }
        var renderer = TemplateRenderer(compiled: compiled, into: region, sink: sink)
        renderer.push(.view(view))
        renderer.render(body, TemplateRenderer.Context())
        renderer.out.finish()
        return renderer.out.count
    }
}

/// One rendering: the output buffer and the stack of values that names are looked up in,
/// innermost last. Sections push and pop in place instead of copying a context per value.
struct TemplateRenderer: ~Copyable {
    /// What a stretch of template renders with besides the stack (swift-mustache's context).
    struct Context {
        /// The current item's place in the list being iterated, for `{{#first()}}`.
        var position: ListPosition?
        /// Written at the start of each line a standalone partial or block renders.
        var indentation: [UInt8]?
        /// Block overrides from `{{< layout}}`; the first definition of a block wins.
        var blocks: [String: Range<Int32>]?

        func entering(indentation more: [UInt8]?, blocks overrides: [String: Range<Int32>]?) -> Context {
            var inner = Context(position: nil, indentation: indentation, blocks: blocks)
            if let more { inner.indentation = (indentation ?? []) + more }
            if let overrides {
                inner.blocks = blocks.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            return inner
        }
    }

    let compiled: CompiledTemplates
    var out: TemplateOutput
    private(set) var stack: [TemplateValue] = []
    /// The views of `stack`, nil where a value is not a view: names are looked up here, in place,
    /// without copying each value on the way out.
    private var views: [(any TemplateView)?] = []

    /// Renders into `region` (and past it, into memory of its own: `TemplateOutput`), or through
    /// it to `sink`.
    init(compiled: CompiledTemplates, into region: UnsafeMutableBufferPointer<UInt8>,
         sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.compiled = compiled
        out = TemplateOutput(region: region, sink: sink)
    }

    /// Renders the instructions in `range`, each with its body.
    mutating func render(_ range: Range<Int32>, _ context: Context) {
        var at = range.lowerBound
        guard let indentation = context.indentation, !indentation.isEmpty else {
            while at < range.upperBound { at = render(at: at, context) }
            return
        }
        // An instruction that starts a new line of this stretch's output, and writes something, is
        // indented: the indentation is written first, and taken back if the instruction wrote nothing.
        let start = out.count
        while at < range.upperBound {
            let before = out.count
            let atLineStart = before > start && out[before - 1] == 0x0A && !(before - 2 >= start && out[before - 2] == 0x0D)
            if atLineStart { out.appendTentatively(indentation) }
            let indented = out.count
            at = render(at: at, context)
            if atLineStart && out.count == indented { out.retract(to: before) }
        }
    }

    /// Renders the instruction at `index` and returns the index of the one after its body.
    private mutating func render(at index: Int32, _ context: Context) -> Int32 {
        switch compiled.instructions[Int(index)] {
        case .text(let start, let end):
            out.append(UnsafeBufferPointer(rebasing: compiled.text[Int(start) ..< Int(end)]))
            return index + 1

        case .variable(let name, let escaped):
            switch lookup(name, context) {
            case .text(let text)?:
                if escaped { out.appendMarkup(text) } else { out.append(text) }
            case .number(let number)?: out.appendDecimal(number)
            case .flag(let flag)?: out.appendASCII(flag ? "true" : "false")
            case .list?, .madeList?, .view?, nil: break
            }
            return index + 1

        case .section(let name, let inverted, let end):
            let value = lookup(name, context)
            let body = index + 1 ..< end
            if inverted { renderInverted(value, body, context) } else { renderSection(value, body, context) }
            return end

        case .partial(let number):
            let partial = compiled.partials[Int(number)]
            var body = partial.body
            if let dynamicName = partial.dynamicName, case .text(let named)? = lookup(dynamicName, context) {
                body = compiled.bodies[named]
            }
            if let body { render(body, context.entering(indentation: partial.indentation, blocks: partial.blocks)) }
            return index + 1

        case .block(let number, let end):
            let block = compiled.blocks[Int(number)]
            render(context.blocks?[block.name] ?? index + 1 ..< end, context.entering(indentation: block.indentation, blocks: nil))
            return end

        case .skip(let end):
            return end

        case .counted(let name, let text):
            if case .number(let count)? = lookup(name, context) { compiled.counted[Int(text)].write(count, to: &out) }
            return index + 1
        }
    }

    mutating func push(_ value: TemplateValue) {
        stack.append(value)
        if case .view(let view) = value { views.append(view) } else { views.append(nil) }
    }

    private mutating func pop() {
        stack.removeLast()
        views.removeLast()
    }

    private mutating func renderSection(_ value: TemplateValue?, _ body: Range<Int32>, _ context: Context) {
        switch value {
        case .list(let items)?:
            var inner = context
            for (index, item) in items.enumerated() {
                inner.position = ListPosition(first: index == 0, last: index == items.count - 1, index: index)
                push(item)
                render(body, inner)
                pop()
            }
        case .madeList(let list)?:
            var inner = context
            for index in 0 ..< list.count {
                inner.position = ListPosition(first: index == 0, last: index == list.count - 1, index: index)
                push(list[index])
                render(body, inner)
                pop()
            }
        case .flag(let flag)?:
            if flag { render(body, context) }
        case let value?:
            var inner = context
            inner.position = nil
            push(value)
            render(body, inner)
            pop()
        case nil:
            break
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ body: Range<Int32>, _ context: Context) {
        switch value {
        case .list?, .madeList?:
            if case .list(let items)? = value, !items.isEmpty { return }
            if case .madeList(let list)? = value, list.count > 0 { return }
            var inner = context
            inner.position = nil
            push(.list([]))
            render(body, inner)
            pop()
        case .flag(let flag)?:
            if !flag { render(body, context) }
        case .some:
            break
        case nil:
            render(body, context)
        }
    }

    /// Finds a name as Mustache does: its first part in the innermost value that has it, the other
    /// parts inside that; then the transforms.
    private func lookup(_ number: Int32, _ context: Context) -> TemplateValue? {
        let name = compiled.names[Int(number)]
        var transforms = name.transforms
        var value: TemplateValue?
        if name.isCurrent {
            value = stack.last
        } else if name.keys.isEmpty, !transforms.isEmpty {
            guard let position = context.position else { return nil }
            value = compiled.transforms[Int(transforms.lowerBound)].apply(to: position)
            transforms = transforms.dropFirst()
        } else if name.keys.isEmpty {
            value = stack.last
        } else if name.isAnchored {
            value = stack.last.flatMap { child(name.keys, of: $0) }
        } else {
            value = nil
            // A name no view has is found nowhere.
            guard let first = compiled.keys[Int(name.keys.lowerBound)] else { return nil }
            var level = views.count - 1
            while level >= 0 {
                if let found = views[level]?.value(first) {
                    // Most names are one key: no walk down, and no copy of the value on the way.
                    value = name.keys.count == 1 ? found : child(name.keys.dropFirst(), of: found)
                    break
                }
                level -= 1
            }
        }
        for transform in transforms {
            guard let current = value else { return nil }
            value = compiled.transforms[Int(transform)].apply(to: current)
        }
        return value
    }

    private func child(_ keys: Range<Int32>, of value: TemplateValue) -> TemplateValue? {
        var current = value
        for key in keys {
            guard let key = compiled.keys[Int(key)], case .view(let view) = current, let next = view.value(key) else { return nil }
            current = next
        }
        return current
    }
}
