/// Reads a highlights query (tree-sitter's S-expression language) into a syntax tree of its own,
/// one `QueryForm` per top-level pattern, so that the patterns `TreePattern` can match by itself
/// need no `TSQuery`, whose compilation costs more than all of a small site's highlighting.
/// Anything it cannot read makes the form `nil`; tree-sitter then compiles that form as before.
enum QueryExpression {
    /// `(name children…)`; `name` is nil for the named wildcard `(_)`.
    case node(name: [UInt8]?, children: [QueryChild])
    /// `"text"`: an anonymous node.
    case literal([UInt8])
    /// `_`: any node, named or not.
    case anyNode
    /// `[a b …]`: any one of the alternatives.
    case alternation([QueryPattern])
    /// `(a b …)`: patterns side by side, with the predicates written inside the parentheses.
    case group([QueryChild])
}

/// An expression with what follows it: a quantifier and captures.
struct QueryPattern {
    enum Quantifier: UInt8 {
        case one, optional, zeroOrMore, oneOrMore
    }

    var expression: QueryExpression
    var quantifier = Quantifier.one
    var captures: [[UInt8]] = []
}

/// What may appear inside a node's or a group's parentheses.
enum QueryChild {
    case pattern(field: [UInt8]?, QueryPattern)
    /// `.`: the next (or previous) pattern matches an immediate, named sibling.
    case anchor
    /// `!field`: the node has no child in that field.
    case negatedField([UInt8])
    /// `(#name? operands…)`.
    case predicate(QueryPredicateForm)
}

/// A predicate as written: its name and its operands, each a capture or a string.
struct QueryPredicateForm {
    enum Operand {
        case capture([UInt8])
        case text([UInt8])
    }

    let name: [UInt8]
    let operands: [Operand]
}

/// One top-level pattern of a query: the bytes it spans and, when this reader understands it,
/// its syntax.
struct QueryForm {
    let source: Range<Int>
    let pattern: QueryPattern?
}

struct QueryReader {
    private let bytes: [UInt8]
    private var index = 0

    /// The top-level patterns of `source`, each with the comments and space before it.
    static func forms(of source: [UInt8]) -> [QueryForm] {
        QuerySource.topLevelForms(in: source).compactMap { range in
            var reader = QueryReader(bytes: Array(source[range]))
            // Comments alone, before the first pattern.
            reader.skipSpace()
            if reader.index == reader.bytes.count { return nil }
            var pattern = reader.expression().flatMap { reader.suffixed($0) }
            reader.skipSpace()
            if reader.index != reader.bytes.count { pattern = nil }
            return QueryForm(source: range, pattern: pattern)
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The quantifier and captures after an expression.
    private mutating func suffixed(_ expression: QueryExpression) -> QueryPattern? {
        var pattern = QueryPattern(expression: expression)
        skipSpace()
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "?"): pattern.quantifier = .optional; index += 1
            case UInt8(ascii: "*"): pattern.quantifier = .zeroOrMore; index += 1
            case UInt8(ascii: "+"): pattern.quantifier = .oneOrMore; index += 1
            default: break
            }
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "@") else { break }
            index += 1
            let name = identifier()
            guard !name.isEmpty else { return nil }
            pattern.captures.append(name)
        }
        return pattern
    }

    private mutating func expression() -> QueryExpression? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string().map { .literal($0) }
        case UInt8(ascii: "["):
            index += 1
            var alternatives: [QueryPattern] = []
            while true {
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                guard let alternative = expression().flatMap({ suffixed($0) }) else { return nil }
                alternatives.append(alternative)
            }
            return .alternation(alternatives)
        case UInt8(ascii: "("):
            index += 1
            skipSpace()
            guard index < bytes.count else { return nil }
            let first = bytes[index]
            if first == UInt8(ascii: "(") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") {
                return children().map { .group($0) }
            }
            let name = identifier()
            guard !name.isEmpty, name.first != UInt8(ascii: "#") else { return nil }
            skipSpace()
            // A supertype's subtype (`expression/identifier`) and MISSING nodes are left to tree-sitter.
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { return nil }
            if name == Array("MISSING".utf8) { return nil }
            return children().map { .node(name: name == [UInt8(ascii: "_")] ? nil : name, children: $0) }
        default:
            let name = identifier()
            return name == [UInt8(ascii: "_")] ? .anyNode : nil
        }
    }

    /// What follows a node's name or a group's opening parenthesis, through the closing one.
    private mutating func children() -> [QueryChild]? {
        var children: [QueryChild] = []
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: ")") {
                index += 1
                return children
            }
            if byte == UInt8(ascii: ".") {
                index += 1
                children.append(.anchor)
                continue
            }
            if byte == UInt8(ascii: "!") {
                index += 1
                let field = identifier()
                guard !field.isEmpty else { return nil }
                children.append(.negatedField(field))
                continue
            }
            if byte == UInt8(ascii: "("), let predicate = predicate() {
                children.append(.predicate(predicate))
                continue
            }
            var field: [UInt8]?
            let mark = index
            let name = identifier()
            if !name.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                field = name
            } else {
                index = mark
            }
            guard let pattern = expression().flatMap({ suffixed($0) }) else { return nil }
            children.append(.pattern(field: field, pattern))
        }
    }

    /// `(#name operands…)` at the reader's position, or nil (and the position kept) if there is none.
    private mutating func predicate() -> QueryPredicateForm? {
        let mark = index
        index += 1
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#") else {
            index = mark
            return nil
        }
        index += 1
        let name = identifier()
        var operands: [QueryPredicateForm.Operand] = []
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: ")"):
                index += 1
                return QueryPredicateForm(name: name, operands: operands)
            case UInt8(ascii: "@"):
                index += 1
                operands.append(.capture(identifier()))
            case UInt8(ascii: "\""):
                guard let text = string() else { return nil }
                operands.append(.text(text))
            default:
                let word = identifier()
                guard !word.isEmpty else { return nil }
                operands.append(.text(word))
            }
        }
    }

    /// A string literal's contents, with tree-sitter's escapes read.
    private mutating func string() -> [UInt8]? {
        index += 1
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return text }
            guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                text.append(byte)
                continue
            }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "0"): text.append(0)
            default: text.append(escaped)
            }
        }
        return nil
    }

    /// A run of identifier bytes: names, fields, captures and predicate names.
    private mutating func identifier() -> [UInt8] {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isName = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "#") || byte >= 0x80
            // A `.` or `?` right after a name is an anchor or quantifier only when it starts a token.
            if !isName || (index == start && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!"))) { break }
            index += 1
        }
        return Array(bytes[start ..< index])
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                index += 1
            } else {
                return
            }
        }
    }
}
