/// Resolving the table a build uses from every translation file its theme layers hold.
extension ThemeStrings {
    /// One `i18n/<language>.yml` of one theme layer.
    struct Source: Sendable {
        /// The file's name without `.yml`: `de`, `de-AT`.
        let language: String
        /// How diagnostics name the file.
        let display: String
        /// nil when the file is not UTF-8.
        let text: String?
        let origin: Origin
    }

    /// Which layer a table comes from, which decides what its keys may be.
    enum Origin: Sendable {
        /// The built-in theme: its English table is the words the scripts carry.
        case builtin
        /// A theme folder: its files define keys.
        case theme
        /// A site's own `i18n/`: it may only set keys the theme or the site's templates use.
        case site
    }

    /// The table for `language` from `sources` (in layer lookup order, nearest first). Every site
    /// file is checked, not only the ones this language reads, so that a mistyped key in any of
    /// them is reported. A site may set the keys of the theme's tables it reads and `usedKeys`,
    /// the keys the templates name.
    static func resolve(language: String, sources: [Source], usedKeys: Set<String>) -> (ThemeStrings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parsed: [(source: Source, file: TranslationFile)] = []
        var themeFiles: [String: TranslationFile] = [:]
        let chain = ["en"] + LanguageTag.chain(for: language).reversed().filter { $0.lowercased() != "en" }
        let read = Set(chain.map { $0.lowercased() })
        // A theme's tables for other languages are not read: English names every key a theme has.
        for source in sources where source.origin == .site || read.contains(source.language.lowercased()) {
            guard let text = source.text else {
                diagnostics.append(.error(at: .init(path: source.display), "cannot read translation file as UTF-8", rule: "i18n"))
                continue
            }
            // A theme folder that is a copy of the built-in theme holds the same tables: read once.
            if source.origin != .site, let same = themeFiles[text] {
                parsed.append((source, same))
                continue
            }
            let (file, problems) = TranslationFile.parse(text, path: source.display)
            diagnostics += problems
            parsed.append((source, file))
            if source.origin != .site { themeFiles[text] = file }
        }

        var known = usedKeys
        for (source, file) in parsed where source.origin != .site { known.formUnion(file.entries.map(\.key.value)) }
        for (source, file) in parsed where source.origin == .site {
            for entry in file.entries where !known.contains(entry.key.value) {
                diagnostics.append(.error(at: entry.key.location,
                    "unknown translation key '\(entry.key.value)'\(Suggestion.hint(for: entry.key.value, in: known.sorted()))",
                    rule: "i18n"))
            }
        }

        func table(_ chain: [String], from files: [(source: Source, file: TranslationFile)]) -> [String: Translation] {
            var entries: [String: Translation] = [:]
            for tag in chain {
                // Farthest layer first, so the nearest one's entry is the one kept.
                for (source, file) in files.reversed() where source.language.lowercased() == tag.lowercased() {
                    for entry in file.entries { entries[entry.key.value] = entry.translation }
                }
            }
            return entries
        }
        let english = table(["en"], from: parsed.filter { $0.source.origin == .builtin })
        return (ThemeStrings(language: language, entries: table(chain, from: parsed), english: english), diagnostics)
    }
}
