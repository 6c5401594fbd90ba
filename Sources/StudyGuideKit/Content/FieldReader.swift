internal import Yams

/// Reads typed values out of a YAML front-matter mapping. Each problem becomes a
/// diagnostic at the line and column where the value starts, shifted into file coordinates;
/// reading goes on, so one run reports every problem of a file.
struct FieldReader {
    let path: String
    private let firstLine: Int
    private var entries: [String: (key: FrontMatterValue, value: FrontMatterValue)] = [:]
    private var keyOrder: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Composes the YAML; nil (with diagnostics) when it is not a readable mapping.
    static func parse(yaml: String, path: String, firstLine: Int) -> (FieldReader?, [Diagnostic]) {
        var reader = FieldReader(path: path, firstLine: firstLine)
        let parsed: FrontMatterValue?
        if let simple = SimpleFrontMatter.parse(yaml) {
            parsed = simple
        } else {
            if let (line, column) = firstAnchorOrAlias(in: yaml) {
                // Aliases can expand exponentially ("billion laughs"), and front-matter never needs them.
                return (nil, [.error(at: reader.location(line: line, column: column),
                                     "YAML anchors and aliases (&name, *name) are not allowed in front-matter", rule: "yaml")])
            }
            do {
                parsed = try Yams.compose(yaml: yaml, resolver, .default, .utf8).map(FrontMatterValue.init)
            } catch let error as YamlError {
                return (nil, [reader.diagnostic(for: error)])
            } catch {
                return (nil, [.error(at: reader.location(line: 1, column: 1), "unreadable front-matter: \(error)", rule: "yaml")])
            }
        }
        guard let node = parsed else { return (reader, []) }
        guard let mapping = node.mapping else {
            let message = "front-matter must be a mapping of 'key: value' lines, not a \(node.kindName)"
            return (nil, [.error(at: reader.location(of: node), message, rule: "yaml")])
        }
        reader.entries.reserveCapacity(mapping.count)
        reader.keyOrder.reserveCapacity(mapping.count)
        for entry in mapping {
            let (keyNode, value) = (entry.key, entry.value)
            guard let key = keyNode.scalar?.text else {
                reader.diagnostics.append(.error(at: reader.location(of: keyNode), "front-matter keys must be plain words", rule: "yaml"))
                continue
            }
            reader.entries[key] = (keyNode, value)
            reader.keyOrder.append(key)
        }
        return (reader, reader.diagnostics)
    }

    /// No implicit-type rules: Yams tries each rule's regular expression on every scalar (and on
    /// every key, when it looks for duplicates), which cost more than the rest of parsing.
    /// `ScalarType` types the few scalars the reader asks about instead, by the same rules.
    private static let resolver = Resolver.basic

    private init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    /// Where the front-matter starts: the place for "missing key" problems.
    var start: SourceLocation { .init(path: path, line: max(firstLine - 1, 1), column: 1) }

    /// Every key that is not allowed, with a did-you-mean from the allowed ones.
    mutating func rejectUnknownKeys(allowed: [String]) {
        for key in keyOrder where !allowed.contains(key) {
            let message = "unknown key '\(key)'\(Suggestion.hint(for: key, in: allowed))"
            diagnostics.append(.error(at: location(of: entries[key]!.key), message, rule: "unknown-key"))
        }
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    /// Every key, in the order written: for files whose keys are not a fixed schema (translations).
    var keys: [String] { keyOrder }

    /// The value of `key` as written, for readers of shapes the typed accessors do not cover.
    func node(_ key: String) -> FrontMatterValue? { entries[key]?.value }

    mutating func appendDiagnostics(_ more: [Diagnostic]) { diagnostics += more }

    func location(ofKey key: String) -> SourceLocation? { entries[key].map { location(of: $0.key) } }

    func location(ofValue key: String) -> SourceLocation? { entries[key].map { location(of: $0.value) } }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = scalarText(value, key: key, expected: "a string") else { return nil }
        if text.trimmingWhitespace().isEmpty {
            if required { report(value, "'\(key)' must not be empty", rule: "schema") }
            return nil
        }
        return text
    }

    mutating func located(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = entries[key]?.value, let text = string(key, required: required) else {
            if required, entries[key] == nil { _ = value(key, required: true) }
            return nil
        }
        return Located(text, at: location(of: node))
    }

    mutating func stringList(_ key: String) -> [Located<String>] {
        guard let value = value(key, required: false) else { return [] }
        if value.scalarType == .null { return [] }
        guard let sequence = value.sequence else {
            report(value, "'\(key)' must be a list of strings, like [a, b] or lines starting with '- '", rule: "schema")
            return []
        }
        var result: [Located<String>] = []
        result.reserveCapacity(sequence.count)  // held for the whole build: no room to grow
        for item in sequence {
            guard let text = scalarText(item, key: key, expected: "a string in the list") else { continue }
            if text.trimmingWhitespace().isEmpty {
                report(item, "'\(key)' contains an empty entry", rule: "schema")
                continue
            }
            result.append(Located(text, at: location(of: item)))
        }
        return result
    }

    mutating func int(_ key: String) -> Int? {
        guard let value = value(key, required: false) else { return nil }
        guard let scalar = value.scalar, scalar.type == .int, let number = ScalarType.intValue(scalar.text) else {
            report(value, "'\(key)' must be a whole number", rule: "schema")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key, required: false) else { return nil }
        guard let scalar = value.scalar, scalar.type == .bool, let flag = ScalarType.boolValue(scalar.text) else {
            report(value, "'\(key)' must be true or false", rule: "schema")
            return nil
        }
        return flag
    }

    mutating func date(_ key: String) -> ContentDate? {
        guard let value = value(key, required: false), let text = scalarText(value, key: key, expected: "a date") else {
            return nil
        }
        guard let date = ContentDate(text) else {
            report(value, "'\(key)' must be a date written YYYY-MM-DD, got '\(text)'", rule: "schema")
            return nil
        }
        return date
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool = true) -> Choice?
    where Choice.RawValue == String {
        guard let value = value(key, required: required) else { return nil }
        guard let text = scalarText(value, key: key, expected: "one word") else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let allowed = Choice.allCases.map(\.rawValue)
        let message = "'\(text)' is not a valid \(key)\(Suggestion.hint(for: text, in: allowed)); "
            + "use one of: \(allowed.joined(separator: ", "))"
        report(value, message, rule: "schema")
        return nil
    }

    // MARK: - Helpers

    private mutating func value(_ key: String, required: Bool) -> FrontMatterValue? {
        if let entry = entries[key] { return entry.value }
        if required {
            diagnostics.append(.error(at: start, "missing required key '\(key)'", rule: "schema"))
        }
        return nil
    }

    private mutating func scalarText(_ node: FrontMatterValue, key: String, expected: String) -> String? {
        guard let scalar = node.scalar else {
            report(node, "'\(key)' must be \(expected), not a \(node.kindName)", rule: "schema")
            return nil
        }
        if scalar.type == .null {
            report(node, "'\(key)' has no value", rule: "schema")
            return nil
        }
        return scalar.text
    }

    private mutating func report(_ node: FrontMatterValue, _ message: String, rule: String) {
        diagnostics.append(.error(at: location(of: node), message, rule: rule))
    }

    func location(of node: FrontMatterValue) -> SourceLocation {
        guard let position = node.position else { return start }
        return location(line: position.line, column: position.column)
    }

    /// Yams marks count from 1 within the YAML text; the YAML starts at `firstLine` of the file.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text), " } ?? ""
            return .error(at: location(line: mark.line, column: mark.column), "invalid YAML: \(detail)\(problem)", rule: "yaml")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: location(line: context.mark.line, column: context.mark.column),
                          "duplicate key \(keys) in front-matter", rule: "yaml")
        default:
            return .error(at: location(line: 1, column: 1), "invalid YAML: \(error)", rule: "yaml")
        }
    }
}

/// The position of the first `&anchor` or `*alias` outside quotes, if any. A YAML anchor or
/// alias starts a token: at the start of a value, after `- `, `[`, `{` or `,`.
func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
    guard yaml.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
    for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var quote: Character? = nil
        var previous: Character = " "
        var column = 0
        let characters = Array(line)
        for (offset, character) in characters.enumerated() {
            column += 1
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if previous == " " || previous == ":" || previous == "[" || previous == "{" || previous == "," || offset == 0 {
                    quote = character
                }
            } else if character == "#", previous == " " || offset == 0 {
                break
            } else if character == "&" || character == "*",
                      previous == " " || previous == "[" || previous == "{" || previous == "," || offset == 0,
                      offset + 1 < characters.count, characters[offset + 1].isLetter || characters[offset + 1].isNumber
                        || characters[offset + 1] == "_" || characters[offset + 1] == "-" {
                // `key: *alias`, `- &anchor`, `[*a, *b]`; but not `a * b` or `**bold**` inside text.
                let before = characters[..<offset].filter { $0 != " " }
                if before.isEmpty || before.last == ":" || before.last == "-" || before.last == "[" || before.last == "{" || before.last == "," {
                    return (index + 1, column)
                }
            }
            previous = character
        }
    }
    return nil
}

extension String {
    func trimmingWhitespace() -> String {
        // Nothing to trim at either end (nearly always): no Character work at all.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
