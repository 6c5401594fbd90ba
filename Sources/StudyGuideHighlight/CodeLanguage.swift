/// The languages code blocks are highlighted in, found by the first word of a fence's info
/// string (` ```ts `), case-insensitively, through their usual aliases.
public enum CodeLanguage: String, CaseIterable, Sendable {
    case sql, javascript, typescript, python, go, java, bash, json, yaml, dockerfile, http

    public init?(fenceName: some StringProtocol) {
        let name = fenceName.lowercased()
        if let language = CodeLanguage(rawValue: name) {
            self = language
            return
        }
        switch name {
        case "js", "jsx", "mjs", "cjs", "node": self = .javascript
        case "ts", "mts", "cts": self = .typescript
        case "py", "python3": self = .python
        case "golang": self = .go
        case "sh", "shell", "zsh", "console", "shell-session", "shellsession": self = .bash
        case "yml": self = .yaml
        case "docker", "containerfile": self = .dockerfile
        case "https": self = .http
        case "postgres", "postgresql", "psql", "mysql", "sqlite", "plsql", "pgsql": self = .sql
        case "jsonc", "json5": self = .json
        default: return nil
        }
    }

    /// The tree-sitter grammar that parses it; HTTP has none (`HTTPLexer` reads it).
    var grammarName: String? {
        self == .http ? nil : rawValue
    }
}
