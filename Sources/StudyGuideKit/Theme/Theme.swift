internal import Foundation
internal import Mustache

/// A theme's templates and static files, with the site's own `layouts/` and `static/`
/// laid over them file by file (Hugo's lookup order).
struct Theme: Sendable {
    let library: MustacheLibrary
    /// Static files: output path → absolute source path.
    let staticFiles: [(PagePath, String)]

    static let requiredTemplates = ["base", "home", "category", "question", "tag", "tags", "guide", "guides", "search", "404", "practice", "interview"]

    static func load(themeDirectory: URL, siteDirectory: URL, displayPrefix: String, themeDisplay: String) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: themeDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error(at: .init(path: themeDisplay), "theme folder not found", rule: "theme")])
        }

        // name → (display path, text); the site's layouts/ replace the theme's templates.
        var templates: [String: (String, String)] = [:]
        for (folder, display) in [(themeDirectory.appendingPathComponent("templates"), themeDisplay + "/templates"),
                                  (siteDirectory.appendingPathComponent("layouts"), displayPrefix + "layouts")] {
            for relative in files(under: folder) where relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                let displayPath = display + "/" + relative
                guard let data = fileManager.contents(atPath: folder.appendingPathComponent(relative).path),
                      let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error(at: .init(path: displayPath), "cannot read template as UTF-8", rule: "theme"))
                    continue
                }
                templates[name] = (displayPath, text)
            }
        }

        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            let (displayPath, text) = templates[name]!
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(at: .init(path: displayPath, line: error.context.lineNumber, column: error.context.columnNumber),
                                          "template error: \(error.error)", rule: "theme"))
            } catch {
                diagnostics.append(.error(at: .init(path: displayPath), "template error: \(error)", rule: "theme"))
            }
        }
        for name in requiredTemplates where templates[name] == nil {
            diagnostics.append(.error(at: .init(path: themeDisplay + "/templates"), "missing template '\(name).mustache'", rule: "theme"))
        }

        var statics: [String: String] = [:]
        for folder in [themeDirectory.appendingPathComponent("static"), siteDirectory.appendingPathComponent("static")] {
            for relative in files(under: folder) {
                statics[relative] = folder.appendingPathComponent(relative).path
            }
        }
        let staticFiles = statics.keys.sorted().map { (PagePath($0), statics[$0]!) }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Theme(library: library, staticFiles: staticFiles), diagnostics)
    }

    func render(_ view: Any, template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }

    /// Regular files below a folder, relative paths, sorted; hidden files and symlinks skipped.
    private static func files(under folder: URL) -> [String] {
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
