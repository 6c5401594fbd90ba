internal import Yams

/// A front-matter value and where it starts in the YAML text: what `FieldReader` reads.
/// `SimpleFrontMatter` makes these for the plain layouts nearly every file uses; Yams for
/// everything else (`init(_:)` below), so both give the same tree for the same text.
indirect enum FrontMatterValue: Equatable {
    /// 1-based line and column in the YAML text; columns count Unicode scalars, as libyaml does.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Equatable {
        var text: String
        /// Unquoted: only plain scalars get an implicit type (`yes`, `12`, `~`).
        var isPlain: Bool
        /// From an explicit tag (`!!int 5`); nil without one.
        var explicitType: ScalarType? = nil

        var type: ScalarType { explicitType ?? (isPlain ? ScalarType(plain: text) : .string) }
    }

    struct Entry: Equatable {
        var key: FrontMatterValue
        var value: FrontMatterValue
    }

    case scalar(Scalar, at: Position?)
    case sequence([FrontMatterValue], at: Position?)
    case mapping([Entry], at: Position?)
    case alias(at: Position?)

    var position: Position? {
        switch self {
        case .scalar(_, let at), .sequence(_, let at), .mapping(_, let at), .alias(let at): at
        }
    }

    var scalar: Scalar? { if case .scalar(let scalar, _) = self { scalar } else { nil } }
    var sequence: [FrontMatterValue]? { if case .sequence(let items, _) = self { items } else { nil } }
    var mapping: [Entry]? { if case .mapping(let entries, _) = self { entries } else { nil } }

    /// The type of a scalar; nil for a list or a mapping.
    var scalarType: ScalarType? { scalar?.type }

    var kindName: String {
        switch self {
        case .scalar: "single value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    /// The same value from a node Yams composed.
    init(_ node: Node) {
        let at = node.mark.map { Position(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            let explicitType: ScalarType? = switch node.tag.rawValue {
            case Tag.Name.str.rawValue: nil
            case Tag.Name.null.rawValue: .null
            case Tag.Name.bool.rawValue: .bool
            case Tag.Name.int.rawValue: .int
            default: .string
            }
            self = .scalar(Scalar(text: scalar.string, isPlain: scalar.style == .plain, explicitType: explicitType), at: at)
        case .sequence(let sequence):
            self = .sequence(sequence.map(FrontMatterValue.init), at: at)
        case .mapping(let mapping):
            self = .mapping(mapping.map { Entry(key: FrontMatterValue($0.key), value: FrontMatterValue($0.value)) }, at: at)
        case .alias:
            self = .alias(at: at)
        }
    }
}

extension ScalarType {
    /// The number a plain integer scalar spells (`1_000`, `0x1F`, `1:30`), read by Yams'
    /// own constructor so every YAML 1.1 spelling means what Yams says it means.
    static func intValue(_ text: String) -> Int? {
        // Plain decimal without a leading zero (which YAML 1.1 reads as octal) needs no Yams.
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        if digits.first != UInt8(ascii: "0") || digits.count == 1, let value = Int(text) { return value }
        return Int.construct(from: Node.Scalar(text, Tag(.int), .plain))
    }
}
