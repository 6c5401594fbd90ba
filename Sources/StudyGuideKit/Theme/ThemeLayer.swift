internal import Foundation

/// One place theme files come from. A build stacks them in Hugo's lookup order — the site's
/// `layouts/` and `static/`, then `themes/<name>/`, then the built-in theme — and the first
/// layer that has a file wins, file by file.
enum ThemeLayer: Sendable {
    /// Folders on disk: templates, static files and translation tables, with the paths that
    /// diagnostics show for them.
    case folders(templates: URL, templatesDisplay: String, statics: URL, translations: URL, translationsDisplay: String,
                 origin: ThemeStrings.Origin)
    case builtin

    /// A site's own `layouts/`, `static/` and `i18n/`.
    static func site(_ directory: URL, displayPrefix: String) -> ThemeLayer {
        .folders(templates: directory.appendingPathComponent("layouts"), templatesDisplay: displayPrefix + "layouts",
                 statics: directory.appendingPathComponent("static"),
                 translations: directory.appendingPathComponent("i18n"), translationsDisplay: displayPrefix + "i18n", origin: .site)
    }

    /// A theme folder: `templates/`, `static/` and `i18n/`.
    static func theme(_ directory: URL, display: String) -> ThemeLayer {
        .folders(templates: directory.appendingPathComponent("templates"), templatesDisplay: display + "/templates",
                 statics: directory.appendingPathComponent("static"),
                 translations: directory.appendingPathComponent("i18n"), translationsDisplay: display + "/i18n", origin: .theme)
    }

    /// Template name → (display path, text, or nil when the file is not UTF-8).
    func templates() -> [String: (display: String, text: String?)] {
        var result: [String: (display: String, text: String?)] = [:]
        switch self {
        case let .folders(folder, display, _, _, _, _):
            for relative in Self.files(under: folder) where relative.hasSuffix(".mustache") {
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
                result[String(relative.dropLast(".mustache".count))] =
                    (display + "/" + relative, data.flatMap { String(data: $0, encoding: .utf8) })
            }
        case .builtin:
            for (relative, text) in BuiltinTheme.files(in: "templates") where relative.hasSuffix(".mustache") {
                result[String(relative.dropLast(".mustache".count))] = (BuiltinTheme.displayName + "/templates/" + relative, text)
            }
        }
        return result
    }

    /// Output path → where the static file's bytes come from.
    func statics() -> [String: StaticFile.Source] {
        switch self {
        case let .folders(_, _, folder, _, _, _):
            return Dictionary(uniqueKeysWithValues: Self.files(under: folder).map {
                ($0, StaticFile.Source.file(folder.appendingPathComponent($0).path))
            })
        case .builtin:
            return Dictionary(uniqueKeysWithValues: BuiltinTheme.allFiles.filter { $0.path.hasPrefix("static/") }.map {
                (String($0.path.dropFirst("static/".count)), StaticFile.Source.bytes($0.bytes))
            })
        }
    }

    /// The layer's translation tables, `i18n/<language>.yml`.
    func translations() -> [ThemeStrings.Source] {
        switch self {
        case let .folders(_, _, _, folder, display, origin):
            return Self.files(under: folder).filter { $0.hasSuffix(".yml") && !$0.contains("/") }.map { relative in
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
                return ThemeStrings.Source(language: String(relative.dropLast(".yml".count)), display: display + "/" + relative,
                                           text: data.flatMap { String(data: $0, encoding: .utf8) }, origin: origin)
            }
        case .builtin:
            return BuiltinTheme.files(in: "i18n").filter { $0.relative.hasSuffix(".yml") }.map {
                ThemeStrings.Source(language: String($0.relative.dropLast(".yml".count)),
                                    display: BuiltinTheme.displayName + "/i18n/" + $0.relative, text: $0.text, origin: .builtin)
            }
        }
    }

    /// Regular files below a folder, relative paths, sorted; hidden files and symlinks skipped.
    /// (Foundation's enumerator, asked for each file's type, cost more than parsing the templates.)
    static func files(under folder: URL) -> [String] {
        FolderListing.regularFiles(under: folder.path)
    }
}
