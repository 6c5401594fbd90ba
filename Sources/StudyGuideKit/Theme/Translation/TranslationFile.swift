/// One translation file, `i18n/<language>.yml`: flat `key: text` pairs, where a counted text is
/// a mapping of plural forms. Parsing takes text, so tests are strings; `ThemeStrings` reads files.
struct TranslationFile: Sendable {
    /// Every entry, with where its key is written.
    let entries: [(key: Located<String>, translation: Translation)]

    static func parse(_ text: String, path: String) -> (TranslationFile, [Diagnostic]) {
        let (parsed, problems) = FieldReader.parse(yaml: text, path: path, firstLine: 1)
        guard var reader = parsed else { return (TranslationFile(entries: []), problems) }
        var entries: [(key: Located<String>, translation: Translation)] = []
        for key in reader.keys {
            let location = reader.location(ofKey: key)!
            guard let node = reader.node(key), let translation = translation(node, key: key, reader: &reader) else { continue }
            entries.append((Located(key, at: location), translation))
        }
        return (TranslationFile(entries: entries), reader.diagnostics)
    }

    /// A text, or a mapping of plural forms that has at least `other`.
    private static func translation(_ node: FrontMatterValue, key: String, reader: inout FieldReader) -> Translation? {
        if let scalar = node.scalar {
            guard scalar.type != .null else {
                reader.appendDiagnostics([.error(at: reader.location(of: node), "translation '\(key)' has no text", rule: "i18n")])
                return nil
            }
            return .text(scalar.text)
        }
        guard let mapping = node.mapping else {
            reader.appendDiagnostics([.error(at: reader.location(of: node),
                "translation '\(key)' must be a text or plural forms (one: …, other: …), not a \(node.kindName)", rule: "i18n")])
            return nil
        }
        var forms: [PluralCategory: String] = [:]
        var valid = true
        for entry in mapping {
            let name = entry.key.scalar?.text ?? ""
            guard let category = PluralCategory(rawValue: name) else {
                let names = PluralCategory.allCases.map(\.rawValue)
                reader.appendDiagnostics([.error(at: reader.location(of: entry.key),
                    "unknown plural form '\(name)' in '\(key)'\(Suggestion.hint(for: name, in: names)); forms are \(names.joined(separator: ", "))",
                    rule: "i18n")])
                valid = false
                continue
            }
            guard let text = entry.value.scalar?.text, entry.value.scalar?.type != .null else {
                reader.appendDiagnostics([.error(at: reader.location(of: entry.value), "plural form '\(name)' of '\(key)' must be a text", rule: "i18n")])
                valid = false
                continue
            }
            forms[category] = text
        }
        if valid && forms[.other] == nil {
            reader.appendDiagnostics([.error(at: reader.location(of: node), "translation '\(key)' needs an 'other' form", rule: "i18n")])
            valid = false
        }
        return valid ? .plural(forms) : nil
    }
}
