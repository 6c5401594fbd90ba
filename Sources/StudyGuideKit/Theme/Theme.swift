internal import Foundation

/// A theme's templates, static files and words, gathered from a stack of layers (the site's
/// `layouts/`, `static/` and `i18n/`, the theme folder, the built-in theme): the first layer that
/// has a file wins, file by file, and a translation table key by key, as in Hugo.
struct Theme: Sendable {
    let library: TemplateLibrary
    /// Static files, sorted by output path.
    let staticFiles: [StaticFile]
    /// The theme's words in the site's language; templates have theirs already.
    let strings: ThemeStrings
    /// A hash of every template and translation table: what pages take from the theme
    /// (`PageFingerprints`). Static files are copied, not shown in pages.
    let identity: BodyCache.Key

    static let requiredTemplates = ["base", "home", "category", "question", "tag", "tags", "guide", "guides", "search", "404", "practice", "interview"]

    /// `layers` in lookup order, first wins; `language` is the site's; `missingDisplay` names the
    /// place a missing template should be added.
    static func load(layers: [ThemeLayer], language: String = "en", missingDisplay: String) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: (display: String, text: String?)] = [:]
        var statics: [String: StaticFile.Source] = [:]
        for layer in layers.reversed() {
            templates.merge(layer.templates()) { _, nearer in nearer }
            statics.merge(layer.statics()) { _, nearer in nearer }
        }

        var parsed: [String: Template] = [:]
        for name in templates.keys.sorted() {
            let (displayPath, text) = templates[name]!
            guard let text else {
                diagnostics.append(.error(at: .init(path: displayPath), "cannot read template as UTF-8", rule: "theme"))
                continue
            }
            do {
                parsed[name] = try TemplateParser.parse(text)
            } catch {
                diagnostics.append(.error(at: .init(path: displayPath, line: error.line, column: error.column),
                                          "template error: \(error.message)", rule: "theme"))
            }
        }
        // A partial that does not exist would render as nothing; say so instead.
        for name in parsed.keys.sorted() {
            for partial in Set(parsed[name]!.partialNames).sorted() where templates[partial] == nil {
                diagnostics.append(.error(at: .init(path: templates[name]!.display),
                                          "template uses partial '\(partial)', but there is no '\(partial).mustache'", rule: "theme"))
            }
        }
        let translations = layers.flatMap { $0.translations() }
        var identity = StableHash()
        identity.add(Array(language.utf8))
        for name in templates.keys.sorted() {
            identity.add(Array(name.utf8))
            identity.add(Array((templates[name]!.text ?? "").utf8))
        }
        for source in translations {
            identity.add(Array("\(source.language) \(source.origin)".utf8))
            identity.add(Array((source.text ?? "").utf8))
        }
        let (strings, translationProblems) = ThemeStrings.resolve(
            language: language, sources: translations,
            usedKeys: parsed.values.reduce(into: Set<String>()) { $0.formUnion($1.translationKeys) })
        diagnostics += translationProblems
        for name in parsed.keys.sorted() {
            let (translated, missing) = parsed[name]!.translated(strings)
            parsed[name] = translated
            for key in Set(missing).sorted() {
                diagnostics.append(.error(at: .init(path: templates[name]!.display),
                                          "template uses translation '\(key)', but no i18n table defines it", rule: "theme"))
            }
        }
        for name in requiredTemplates where templates[name] == nil {
            diagnostics.append(.error(at: .init(path: missingDisplay), "missing template '\(name).mustache'", rule: "theme"))
        }
        if let script = strings.scriptTable { statics[ThemeStrings.scriptPath] = .bytes(script) }
        let staticFiles = statics.keys.sorted().map { StaticFile(path: PagePath($0), source: statics[$0]!) }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Theme(library: TemplateLibrary(templates: parsed), staticFiles: staticFiles, strings: strings,
                      identity: identity.key), diagnostics)
    }

    func render(_ view: any TemplateView, template: String, expectedSize: Int = 0) -> [UInt8] {
        library.render(view, template: template, expectedSize: expectedSize)
    }

    /// Renders to `sink` a piece at a time; returns the page's size (`TemplateLibrary`).
    func render(_ view: any TemplateView, template: String, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        library.render(view, template: template, to: sink)
    }

    /// `template` and the partials it renders.
    func templatesUsed(by template: String) -> [String] {
        library.templatesUsed[template] ?? []
    }
}
