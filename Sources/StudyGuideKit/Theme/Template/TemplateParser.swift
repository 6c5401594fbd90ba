/// Parses Mustache text into a `Template`, rule for rule as swift-mustache's parser does, so
/// existing themes render byte for byte as before: a line holding only a section, comment,
/// partial or block tag disappears with its line break; a standalone partial indents its lines;
/// block text inside `{{< parent}}` loses the indentation of its first line.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private struct Failure: Error {
        let message: String
    }

    static func parse(_ text: String) throws(TemplateError) -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            return Template(nodes: try parser.parse(State()))
        } catch {
            throw parser.located(error.message)
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func located(_ message: String) -> TemplateError {
        var line = 1, lineStart = 0
        for index in 0 ..< min(position, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart ..< min(position, bytes.count)], as: UTF8.self).count + 1
        return TemplateError(line: line, column: column, message: message)
    }

    private mutating func parse(_ initial: State) throws(Failure) -> [Template.Node] {
        var nodes: [Template.Node] = []
        var state = initial
        var whiteSpaceBefore: ArraySlice<UInt8> = []
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore))) }
            whiteSpaceBefore = []
        }

        while position < bytes.count {
            if state.newLine {
                let whiteSpace = read(while: { $0 == 0x20 || $0 == 0x09 })
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent)
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let (text, newline) = readUntilDelimiterOrNewline(state)
            if newline > 0 {
                nodes.append(.text(Array(whiteSpaceBefore) + text + bytes[position ..< position + newline]))
                state.newLine = true
                position += newline
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(whiteSpaceBefore) + text))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if position >= bytes.count { break }

            var setNewLine = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let nameStart = position
                let (name, transforms) = try parseName(state)
                let resolved = try resolve(name, transforms, at: nameStart)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let children = try parse(state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(resolved, inverted: inverted, children))

            case UInt8(ascii: "/"):
                position += 1
                let start = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = start
                    let open = state.sectionName.map { "; the open section is '\($0)'" } ?? "; no section is open"
                    throw Failure(message: "closing tag '\(name)' does not match\(open)")
                }
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close, from: position) else { throw Failure(message: "comment is not closed") }
                position = end + state.close.count
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[position] == UInt8(ascii: "{")
                flushWhiteSpace()
                position += 1
                let nameStart = position
                let (name, transforms) = try parseName(state)
                if triple {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { throw Failure(message: "unfinished tag: '{{{' needs '}}}'") }
                    position += 1
                }
                if let translation = try translation(name, transforms, escaped: false, at: nameStart) {
                    nodes.append(translation)
                } else {
                    nodes.append(.variable(try resolve(name, transforms, at: nameStart), escaped: false))
                }

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try parsePartialName(state)
                // The indentation is written before the partial and also handed to it for its other lines.
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore))) }
                let indentation: [UInt8]? = isStandalone(state) ? Array(whiteSpaceBefore) : nil
                if indentation != nil { setNewLine = true }
                nodes.append(.partial(name, dynamic: dynamic, indentation: indentation, blocks: nil))
                whiteSpaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                let children = try parse(state.withInheritancePartial(sectionName))
                var blocks: [String: [Template.Node]] = [:]
                for child in children {
                    switch child {
                    case .blockDefinition(let name, let body): blocks[name] = body
                    case .text: break
                    default: throw Failure(message: "only {{$block}} tags and text may appear inside {{<\(sectionName)}}")
                    }
                }
                nodes.append(.partial(dynamic ? String(sectionName.dropFirst()) : sectionName, dynamic: dynamic,
                                      indentation: Array(whiteSpaceBefore), blocks: blocks))
                whiteSpaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw Failure(message: "a block cannot have a transform") }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, children))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, children, indentation: Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }

            case UInt8(ascii: "="):
                position += 1
                state = try parseDelimiters(state)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                // A pragma (swift-mustache's CONTENT_TYPE): every theme renders HTML, so it is read and ignored.
                position += 1
                guard let end = find(state.close, from: position) else { throw Failure(message: "unfinished pragma") }
                position = end + state.close.count
                setNewLine = isStandalone(state)

            default:
                flushWhiteSpace()
                let nameStart = position
                let (name, transforms) = try parseName(state)
                if let translation = try translation(name, transforms, escaped: true, at: nameStart) {
                    nodes.append(translation)
                } else {
                    nodes.append(.variable(try resolve(name, transforms, at: nameStart), escaped: true))
                }
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw Failure(message: "section '\(open)' is not closed: add {{/\(open)}}")
        }
        return nodes
    }

    // MARK: Names

    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()".utf8)
    private static let nameBytesWithoutBrackets = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)
    private static let partialNameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/".utf8)

    /// A tag's name and transforms: `empty(tags)` is `tags` with `["empty"]`.
    private mutating func parseName(_ state: State) throws(Failure) -> (String, [String]) {
        skipWhitespace()
        let text = read(while: { Self.nameBytes.contains($0) })
        skipWhitespace()
        guard readString(state.close) else { throw Failure(message: "unfinished tag: expected '\(String(decoding: state.close, as: UTF8.self))'") }

        var index = text.startIndex
        func readName() -> String {
            let start = index
            while index < text.endIndex, Self.nameBytesWithoutBrackets.contains(text[index]) { index += 1 }
            return String(decoding: text[start ..< index], as: UTF8.self)
        }
        let first = readName()
        if index == text.endIndex { return (first, []) }
        let malformed = Failure(message: "malformed transform in '\(String(decoding: text, as: UTF8.self))'")
        guard text[index] == UInt8(ascii: "(") else { throw malformed }
        index += 1
        var transforms = [first]
        while true {
            let name = readName()
            guard index < text.endIndex else { throw malformed }
            if text[index] == UInt8(ascii: ")") {
                var closing = 0
                while index < text.endIndex, text[index] == UInt8(ascii: ")") { closing += 1; index += 1 }
                guard closing == transforms.count, index == text.endIndex else { throw malformed }
                return (name, transforms)
            }
            guard text[index] == UInt8(ascii: "(") else { throw malformed }
            index += 1
            transforms.append(name)
        }
    }

    /// The name a tag wrote; an unknown transform is reported where the name starts.
    private mutating func resolve(_ text: String, _ transforms: [String], at start: Int) throws(Failure) -> Template.Name {
        do {
            return try Self.name(text, transforms)
        } catch {
            position = start
            throw error
        }
    }

    /// `{{i18n.key}}`, or `{{i18n.key(count)}}` whose argument is a name like any other
    /// (`i18n.categories(count(categories))`); nil for a tag that is not a translation.
    private mutating func translation(_ text: String, _ transforms: [String], escaped: Bool,
                                      at start: Int) throws(Failure) -> Template.Node? {
        let prefix = "i18n."
        if let outermost = transforms.first, outermost.hasPrefix(prefix) {
            let key = String(outermost.dropFirst(prefix.count))
            guard !key.isEmpty else { position = start; throw Failure(message: "a translation needs a key: {{i18n.key}}") }
            return .translation(key, count: try resolve(text, Array(transforms.dropFirst()), at: start), escaped: escaped)
        }
        guard transforms.isEmpty, text.hasPrefix(prefix) else { return nil }
        let key = String(text.dropFirst(prefix.count))
        guard !key.isEmpty, !key.contains(".") else {
            position = start
            throw Failure(message: "a translation key is one word: {{i18n.key}}")
        }
        return .translation(key, count: nil, escaped: escaped)
    }

    private static func name(_ text: String, _ transforms: [String]) throws(Failure) -> Template.Name {
        var known: [TemplateTransform] = []
        for transform in transforms.reversed() {
            guard let value = TemplateTransform(rawValue: transform) else {
                throw Failure(message: "unknown transform '\(transform)'")
            }
            known.append(value)
        }
        return Template.Name(text, transforms: known)
    }

    private mutating func parsePartialName(_ state: State) throws(Failure) -> String {
        skipWhitespace()
        let text = read(while: { Self.partialNameBytes.contains($0) })
        skipWhitespace()
        guard readString(state.close) else { throw Failure(message: "unfinished partial tag") }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func parseDelimiters(_ state: State) throws(Failure) -> State {
        let invalid = Failure(message: "malformed delimiter change: write {{=<% %>=}}")
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09 ... 0x0D).contains(byte) }
        skipWhitespace()
        let open = read(while: { !isSpace($0) })
        guard position < bytes.count else { throw invalid }
        skipWhitespace()
        let close = read(while: { !isSpace($0) && $0 != UInt8(ascii: "=") })
        guard position < bytes.count else { throw invalid }
        skipWhitespace()
        guard readString(Array("=".utf8)), readString(state.close), !open.isEmpty, !close.isEmpty else { throw invalid }
        var changed = state
        changed.open = Array(open)
        changed.close = Array(close)
        changed.isPartialDefinitionTopLevel = false
        return changed
    }

    // MARK: Reading

    /// Text up to a line break (left unread; its length returned) or the next tag (whose opening
    /// delimiter is consumed).
    private mutating func readUntilDelimiterOrNewline(_ state: State) -> (ArraySlice<UInt8>, newline: Int) {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { return (bytes[start ..< position], 1) }
            if byte == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { return (bytes[start ..< position], 2) }
            if byte == state.open[0], matches(state.open, at: position) {
                let text = bytes[start ..< position]
                position += state.open.count
                return (text, 0)
            }
            position += 1
        }
        return (bytes[start ..< position], 0)
    }

    /// Only spaces or tabs up to the end of the line, on a line where nothing else was written:
    /// the tag's line disappears, line break included.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position == bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == 0x0A { position = index + 1; return true }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { position = index + 2; return true }
        return false
    }

    private mutating func read(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, predicate(bytes[position]) { position += 1 }
        return bytes[start ..< position]
    }

    private mutating func skipWhitespace() {
        _ = read(while: { $0 == 0x20 || (0x09 ... 0x0D).contains($0) })
    }

    private mutating func readString(_ expected: [UInt8]) -> Bool {
        guard matches(expected, at: position) else { return false }
        position += expected.count
        return true
    }

    private func matches(_ expected: [UInt8], at index: Int) -> Bool {
        guard index + expected.count <= bytes.count else { return false }
        for offset in 0 ..< expected.count where bytes[index + offset] != expected[offset] { return false }
        return true
    }

    private func find(_ expected: [UInt8], from index: Int) -> Int? {
        var at = index
        while at + expected.count <= bytes.count {
            if matches(expected, at: at) { return at }
            at += 1
        }
        return nil
    }
}
