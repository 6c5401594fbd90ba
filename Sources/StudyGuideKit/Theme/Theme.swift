internal import Foundation
internal import Mustache

/// A theme's templates and static files, gathered from a stack of layers (the site's
/// `layouts/` and `static/`, the theme folder, the built-in theme): the first layer that
/// has a file wins, file by file, as in Hugo.
struct Theme: Sendable {
    let library: MustacheLibrary
    /// Static files, sorted by output path.
    let staticFiles: [StaticFile]

    static let requiredTemplates = ["base", "home", "category", "question", "tag", "tags", "guide", "guides", "search", "404", "practice", "interview"]

    /// `layers` in lookup order, first wins; `missingDisplay` names the place a missing
    /// template should be added.
    static func load(layers: [ThemeLayer], missingDisplay: String) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: (display: String, text: String?)] = [:]
        var statics: [String: StaticFile.Source] = [:]
        for layer in layers.reversed() {
            templates.merge(layer.templates()) { _, nearer in nearer }
            statics.merge(layer.statics()) { _, nearer in nearer }
        }

        var library = MustacheLibrary()
        HTMLEscapingContentType.registered
        for name in templates.keys.sorted() {
            let (displayPath, text) = templates[name]!
            guard let text else {
                diagnostics.append(.error(at: .init(path: displayPath), "cannot read template as UTF-8", rule: "theme"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: HTMLEscapingContentType.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma line above the template is not the author's: count lines without it.
                diagnostics.append(.error(at: .init(path: displayPath, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                                          "template error: \(error.error)", rule: "theme"))
            } catch {
                diagnostics.append(.error(at: .init(path: displayPath), "template error: \(error)", rule: "theme"))
            }
        }
        for name in requiredTemplates where templates[name] == nil {
            diagnostics.append(.error(at: .init(path: missingDisplay), "missing template '\(name).mustache'", rule: "theme"))
        }
        let staticFiles = statics.keys.sorted().map { StaticFile(path: PagePath($0), source: statics[$0]!) }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Theme(library: library, staticFiles: staticFiles), diagnostics)
    }

    func render(_ view: Any, template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }
}
