/// A problem found in the input, with where it is. Stages return these as values;
/// only the CLI prints them.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A stable name for the rule that found the problem, such as `schema` or `unknown-key`.
    public var rule: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, rule: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
    }

    public static func error(at location: SourceLocation, _ message: String, rule: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, rule: rule)
    }

    public static func warning(at location: SourceLocation, _ message: String, rule: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message, rule: rule)
    }

    /// `path:line:col: error: message [rule]`, the format compilers use and editors understand.
    public var description: String { "\(location): \(severity.rawValue): \(message) [\(rule)]" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    var containsErrors: Bool { contains { $0.severity == .error } }
}
