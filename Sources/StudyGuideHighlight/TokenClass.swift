/// The small, stable set of token kinds a highlighted code block is marked up with: each is a
/// CSS class of the same name on a `<span>`, styled by the theme (`.keyword`, `.string`, …).
/// Grammars name their captures in far more detail (`function.method.builtin`); `init(capture:)`
/// folds those names into this set.
public enum TokenClass: UInt8, CaseIterable, Sendable {
    case keyword = 1, type, function, string, escape, number, constant, comment, `operator`,
         punctuation, variable, property, attribute, prompt, output

    /// The class attribute's value.
    public var name: String {
        switch self {
        case .keyword: "keyword"
        case .type: "type"
        case .function: "function"
        case .string: "string"
        case .escape: "escape"
        case .number: "number"
        case .constant: "constant"
        case .comment: "comment"
        case .operator: "operator"
        case .punctuation: "punctuation"
        case .variable: "variable"
        case .property: "property"
        case .attribute: "attribute"
        case .prompt: "prompt"
        case .output: "output"
        }
    }
}

/// What one capture of a highlights query does to the text it covers.
enum CaptureStyle: Equatable {
    /// Mark it with a class.
    case token(TokenClass)
    /// Clear any class an enclosing capture gave it (`@embedded`: code inside a string).
    case plain
    /// A plain identifier (`@variable`): no class, and it yields to any other capture of the
    /// same text, whatever the pattern order.
    case weak
    /// Not for highlighting (`@spell`, `@_name` used only by predicates).
    case ignored

    init(capture name: Substring) {
        if name.isEmpty || name.first == "_" { self = .ignored; return }
        switch name {
        case "variable": self = .weak; return
        case "string.special.key", "variable.member": self = .token(.property); return
        case "string.special.symbol": self = .token(.constant); return
        case "string.escape": self = .token(.escape); return
        case "type.qualifier", "keyword.operator": self = .token(.keyword); return
        default: break
        }
        let head = name.prefix { $0 != "." }
        switch head {
        case "keyword", "conditional", "repeat", "include", "exception", "storageclass": self = .token(.keyword)
        case "type", "constructor", "module", "namespace", "tag": self = .token(.type)
        case "function", "method": self = .token(.function)
        case "string", "character": self = .token(.string)
        case "escape": self = .token(.escape)
        case "number", "float": self = .token(.number)
        case "boolean", "constant": self = .token(.constant)
        case "comment": self = .token(.comment)
        case "operator": self = .token(.operator)
        case "punctuation": self = .token(.punctuation)
        case "variable", "parameter": self = .token(.variable)
        case "property", "field": self = .token(.property)
        case "attribute", "label": self = .token(.attribute)
        case "embedded": self = .plain
        default: self = .ignored
        }
    }
}
