internal import Foundation

/// Edits to the theme: a static file (a stylesheet, a script, an image) is copied into the served
/// site at once, and a template rewrites the pages that render it. Pages made from question
/// templates need every answer, which the preview does not hold: an edit to one of those (the
/// base layout is one) is left to the full build, as are templates with problems.
extension LivePreview {
    /// Whether `path` (absolute) is a file of the theme: in the site's `layouts/`, `static/` or
    /// `i18n/`, or in the theme's folder.
    func isThemeFile(_ path: String) -> Bool {
        ([folder("layouts"), folder("static"), folder("i18n")] + [themeFolder]).contains { path.hasPrefix($0) }
    }

    private func folder(_ name: String) -> String { options.source.appendingPathComponent(name).path + "/" }
    private var themeFolder: String { options.themes.appendingPathComponent(site.config.theme).path + "/" }

    /// The template a changed file is, by name (`partials/card`), if it is one.
    private func templateName(of path: String) -> String? {
        guard path.hasSuffix(".mustache"),
              let folder = [folder("layouts"), themeFolder + "templates/"].first(where: { path.hasPrefix($0) }) else { return nil }
        return String(path.dropFirst(folder.count).dropLast(".mustache".count))
    }

    func restyle(_ changedPaths: Set<String>, into output: URL) -> Outcome {
        let (loaded, problems) = SiteBuilder.loadTheme(named: site.config.theme, language: site.config.language, options: options)
        guard let next = loaded, !problems.containsErrors else { return .needsFullBuild("the theme has problems") }
        // Words are on every page, question pages included.
        guard !changedPaths.contains(where: { $0.hasPrefix(folder("i18n")) || $0.hasPrefix(themeFolder + "i18n/") }) else {
            return .needsFullBuild("a translation table changed")
        }
        let templates = Set(changedPaths.compactMap(templateName))
        func renders(_ kind: String) -> Bool {
            !templates.isDisjoint(with: theme.templatesUsed(by: kind) + next.templatesUsed(by: kind))
        }
        guard !renders("question") else { return .needsFullBuild("a template of question pages changed") }

        var files: [OutputFile] = []
        if !templates.isEmpty {
            let pages = self.pages
            var listings: [(kind: String, make: @Sendable () -> OutputFile)] = [
                ("home", { pages.home(next) }), ("tags", { pages.tagsIndex(next) }), ("guides", { pages.guidesIndex(next) }),
                ("search", { pages.search(next) }), ("404", { pages.notFound(next) }), ("practice", { pages.practice(next) }),
                ("interview", { pages.interview(next) }),
            ]
            listings += site.categories.map { category in ("category", { pages.category(category, next) }) }
            listings += site.tags.map { tag in ("tag", { pages.tag(tag, next) }) }
            listings += site.guides.map { guide in ("guide", { pages.guide(guide, next) }) }
            files = parallelMap(listings.filter { renders($0.kind) }.map(\.make)) { $0() }
            guard !files.contains(where: \.bytes.isEmpty) else { return .needsFullBuild("a template rendered nothing") }
        }

        // Static files: the changed ones and any that a layer now provides or no longer does.
        let before = Dictionary(uniqueKeysWithValues: theme.staticFiles.map { ($0.path, $0.source) })
        var gone = Set(before.keys)
        for file in next.staticFiles {
            gone.remove(file.path)
            let edited = if case .file(let source) = file.source { changedPaths.contains(source) } else { false }
            guard edited || before[file.path] != file.source else { continue }
            switch file.source {
            case .file(let source):
                guard let data = FileManager.default.contents(atPath: source) else { return .needsFullBuild("cannot read \(source)") }
                files.append(OutputFile(path: file.path, bytes: [UInt8](data)))
            case .bytes(let bytes):
                files.append(OutputFile(path: file.path, bytes: bytes))
            }
        }
        for file in files {
            let folder = output.appendingPathComponent(file.path.path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        guard Self.write(files, into: output) else { return .needsFullBuild("cannot write the restyled pages") }
        for path in gone { unlink(output.appendingPathComponent(path.path).path) }
        theme = next
        return .written((files.map(\.path.path) + gone.map(\.path)).sorted())
    }
}
