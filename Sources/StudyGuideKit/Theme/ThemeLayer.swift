internal import Foundation

/// One place theme files come from. A build stacks them in Hugo's lookup order — the site's
/// `layouts/` and `static/`, then `themes/<name>/`, then the built-in theme — and the first
/// layer that has a file wins, file by file.
enum ThemeLayer: Sendable {
    /// Folders on disk: templates in one, static files in the other, with the paths that
    /// diagnostics show for them.
    case folders(templates: URL, templatesDisplay: String, statics: URL)
    case builtin

    /// A site's own `layouts/` and `static/`.
    static func site(_ directory: URL, displayPrefix: String) -> ThemeLayer {
        .folders(templates: directory.appendingPathComponent("layouts"), templatesDisplay: displayPrefix + "layouts",
                 statics: directory.appendingPathComponent("static"))
    }

    /// A theme folder: `templates/` and `static/`.
    static func theme(_ directory: URL, display: String) -> ThemeLayer {
        .folders(templates: directory.appendingPathComponent("templates"), templatesDisplay: display + "/templates",
                 statics: directory.appendingPathComponent("static"))
    }

    /// Template name → (display path, text, or nil when the file is not UTF-8).
    func templates() -> [String: (display: String, text: String?)] {
        var result: [String: (display: String, text: String?)] = [:]
        switch self {
        case let .folders(folder, display, _):
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
        case let .folders(_, _, folder):
            return Dictionary(uniqueKeysWithValues: Self.files(under: folder).map {
                ($0, StaticFile.Source.file(folder.appendingPathComponent($0).path))
            })
        case .builtin:
            return Dictionary(uniqueKeysWithValues: BuiltinTheme.files(in: "static").map {
                ($0.relative, StaticFile.Source.bytes(Array($0.text.utf8)))
            })
        }
    }

    /// Regular files below a folder, relative paths, sorted; hidden files and symlinks skipped.
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else {
            return []
        }
        let base = folder.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            let relative = String(path.dropFirst(base.count + 1))
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            result.append(relative)
        }
        return result.sorted()
    }
}
