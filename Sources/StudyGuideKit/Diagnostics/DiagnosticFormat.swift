/// The ways diagnostics can be printed: for people, for GitHub Actions, for programs.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, github, json

    /// The whole listing in this format (one line per diagnostic, or one JSON document).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return diagnostics.map { $0.description + "\n" }.joined()
        case .github:
            return diagnostics.map(Self.annotation).joined()
        case .json:
            let items = diagnostics.map { diagnostic -> JSONValue in
                .object([
                    ("path", .string(diagnostic.location.path)),
                    ("line", .number(diagnostic.location.line)),
                    ("column", .number(diagnostic.location.column)),
                    ("severity", .string(diagnostic.severity.rawValue)),
                    ("rule", .string(diagnostic.rule)),
                    ("message", .string(diagnostic.message)),
                ])
            }
            let errors = diagnostics.filter { $0.severity == .error }.count
            return JSONValue.object([
                ("errors", .number(errors)),
                ("warnings", .number(diagnostics.count - errors)),
                ("diagnostics", .array(items)),
            ]).serialized + "\n"
        }
    }

    /// `::error file=…,line=…,col=…,title=…::message`, escaped as the Actions runner expects.
    private static func annotation(_ diagnostic: Diagnostic) -> String {
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ text: String) -> String {
            data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        let location = diagnostic.location
        return "::\(diagnostic.severity == .error ? "error" : "warning") file=\(property(location.path)),line=\(location.line),"
            + "col=\(location.column),title=\(property(diagnostic.rule))::\(data(diagnostic.message))\n"
    }
}
