public import Foundation

/// A built site kept in memory by `serve`, so that an edit to a question shows at once: the pages
/// that show what changed are rendered again and written in place, in milliseconds, while a full
/// build (which also redoes the search index, study data, decks and feeds) follows behind.
///
/// The common edit (a question's answer, summary, difficulty, kind, follow-ups, areas, red flags,
/// aliases, related pages or date, or a title that keeps its place) rewrites the page and what
/// shows its card. An edit that moves pages or changes what lists them (a new, deleted or renamed
/// question, a slug, category, weight, tag or draft flag, a title that reorders a list) resolves
/// the site again and rewrites every page whose content changed (`LivePreview+Restructure`).
/// Theme edits rewrite what renders them (`LivePreview+Theme`). `site.yml`, categories, guides,
/// question templates and any problem are left to the full build, which
/// reports problems as `build` does. The pages it writes are the bytes the full build writes for
/// them, and it misses none (a property test).
///
/// Used from one task at a time (the preview session's actor), hence the unchecked Sendable.
public final class LivePreview: @unchecked Sendable {
    let options: BuildOptions
    var site: Site
    var theme: Theme
    var links: ContentLinks
    /// The bodies of categories, guides and introductions, which listings show.
    var pageBodies: [String: RenderedBody]
    /// A question's file, as a path inside `content/` → its place in `site.questions`.
    var placeOfFile: [String: Int]
    var pages: PageBuilder
    /// Content files some page links to: one of them may not go without a full build's check.
    /// (It only grows: a link an edit removed keeps its file here, which asks for a full build
    /// that was not needed, never the reverse.)
    var linkTargets: Set<String>

    /// What `apply` did.
    public enum Outcome: Equatable, Sendable {
        /// These files of the output were written again (paths relative to it).
        case written([String])
        /// The edit is not one this preview can show alone; why.
        case needsFullBuild(String)
    }

    init(options: BuildOptions, site: Site, theme: Theme, links: ContentLinks, pageBodies: [String: RenderedBody],
         linkTargets: Set<String>) {
        self.options = options
        self.site = site
        self.theme = theme
        self.links = links
        self.pageBodies = pageBodies
        self.linkTargets = linkTargets
        placeOfFile = Self.places(of: site)
        pages = PageBuilder(site: site, bodies: pageBodies)
    }

    static func places(of site: Site) -> [String: Int] {
        Dictionary(site.questions.enumerated().map { ($1.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a `related` entry may name `slug`: a question's or a guide's.
    func knows(_ slug: String) -> Bool {
        pages.questionsBySlug[slug] != nil || site.guides.contains { $0.slug == slug }
    }

    /// The site as a build of `options` makes it now, without writing it; nil when it has errors.
    /// (`serve` takes it from its builds instead: `BuildOptions.keepsPreview`.)
    public static func load(_ options: BuildOptions) -> LivePreview? {
        var report = BuildReport()
        guard let site = SiteBuilder.load(options, report: &report), !report.diagnostics.containsErrors else { return nil }
        let (theme, problems) = SiteBuilder.loadTheme(named: site.config.theme, language: site.config.language, options: options)
        guard let theme, !problems.containsErrors else { return nil }
        let links = ContentLinks(site: site)
        let (bodies, unreadable) = BodyRenderer.render(site.pageDocuments, links: links, rawHTML: site.config.rawHTML, paragraphs: false)
        guard unreadable.isEmpty else { return nil }
        // What the pages link to, a few hundred bodies at a time (the build collects it as it renders).
        var linkTargets = LinkTargets.of(bodies)
        for start in stride(from: 0, to: site.questions.count, by: 500) {
            let batch = site.questions[start ..< min(start + 500, site.questions.count)].map(\.document)
            linkTargets.formUnion(LinkTargets.of(BodyRenderer.render(batch, links: links, rawHTML: site.config.rawHTML, paragraphs: false).0))
        }
        return LivePreview(options: options, site: site, theme: theme, links: links, pageBodies: bodies, linkTargets: linkTargets)
    }

    /// Applies edits to the files at `changedPaths` (absolute) and writes the pages that show them
    /// into `output`, or writes nothing and says why a full build is needed.
    public func apply(_ changedPaths: Set<String>, into output: URL) -> Outcome {
        BuildContext.highlighting(site.config.highlightCode) { applyEdits(changedPaths, into: output) }
    }

    private func applyEdits(_ changedPaths: Set<String>, into output: URL) -> Outcome {
        if !changedPaths.isEmpty, changedPaths.allSatisfy(isThemeFile) { return restyle(changedPaths, into: output) }
        if changedPaths.count == 1, let path = changedPaths.first, let outcome = reintroduce(path, into: output) { return outcome }
        let contentFolder = options.source.appendingPathComponent("content").path + "/"
        var edits: [(place: Int, question: Question, body: RenderedBody)] = []
        for path in changedPaths.sorted() {
            // A new or deleted file, or one that is not a question's, changes what the site holds.
            guard path.hasPrefix(contentFolder), let place = placeOfFile[String(path.dropFirst(contentFolder.count))],
                  FileManager.default.fileExists(atPath: path) else {
                return restructure(changedPaths, into: output)
            }
            switch reread(site.questions[place], from: path) {
            case .success(let edit): edits.append((place, edit.0, edit.1))
            case .failure(let reason):
                return reason.moves ? restructure(changedPaths, into: output) : .needsFullBuild(reason.description)
            }
        }
        guard !edits.isEmpty else { return .written([]) }
        let retitled = edits.filter { site.questions[$0.place].title != $0.question.title }
        if retitled.count > 1 || retitled.contains(where: { !keepsPlace($0.question, at: $0.place) }) {
            return restructure(changedPaths, into: output)
        }
        for edit in edits { linkTargets.formUnion(LinkTargets.of([edit.question.contentPath: edit.body])) }

        // What else shows an edited question: lists show its card (summary, difficulty, kind, date),
        // related links its difficulty. Its title and place are as they were.
        var shown: Set<Int> = []
        var listed: Set<Int> = []
        var relatedChanged: Set<String> = []
        for (place, question, _) in edits {
            let old = site.questions[place]
            if old.summary != question.summary || old.difficulty != question.difficulty || old.kind != question.kind
                || old.updated != question.updated || old.title != question.title {
                listed.insert(place)
            }
            if old.difficulty != question.difficulty || old.title != question.title { relatedChanged.insert(question.slug) }
            if old.title != question.title, let category = site.categories.first(where: { $0.members.contains(place) }) {
                // Its neighbours link to it by title.
                for neighbour in [place - 1, place + 1] where category.members.contains(neighbour) { shown.insert(neighbour) }
            }
            site.replaceQuestion(at: place, with: question)
            shown.insert(place)
        }
        if !relatedChanged.isEmpty {
            for (place, question) in site.questions.enumerated() where question.related.contains(where: relatedChanged.contains) {
                shown.insert(place)
            }
        }
        pages = pages.replacing(site)

        let bodies = Dictionary(edits.map { (site.questions[$0.place].contentPath, $0.body) }, uniquingKeysWith: { first, _ in first })
        var files: [OutputFile] = []
        for place in shown.sorted() {
            guard let category = site.categories.first(where: { $0.members.contains(place) }) else { continue }
            let question = site.questions[place]
            guard let body = bodies[question.contentPath] ?? render(question) else {
                return .needsFullBuild("\(question.location.path) could not be read again")
            }
            files.append(pages.question(question, in: category, at: place - category.members.lowerBound, body: body, theme))
        }
        if !listed.isEmpty {
            files.append(pages.home(theme))
            for category in site.categories where listed.contains(where: { category.members.contains($0) }) {
                files.append(pages.category(category, theme))
            }
            let tags = Set(listed.flatMap { site.questions[$0].tags })
            for tag in site.tags where tags.contains(tag.name) { files.append(pages.tag(tag, theme)) }
        }
        guard Self.write(files, into: output) else { return .needsFullBuild("cannot write the edited pages") }
        return .written(files.map(\.path.path))
    }

    /// Whether `question`, retitled, keeps its place among its neighbours in its category (by
    /// weight, title, slug) and in each of its tags (by title, slug): then no list changes order.
    private func keepsPlace(_ question: Question, at place: Int) -> Bool {
        func before(_ a: Question, _ b: Question) -> Bool { (a.weight, a.title, a.slug) < (b.weight, b.title, b.slug) }
        guard let category = site.categories.first(where: { $0.members.contains(place) }) else { return false }
        if category.members.contains(place - 1), !before(site.questions[place - 1], question) { return false }
        if category.members.contains(place + 1), !before(question, site.questions[place + 1]) { return false }
        let names = Set(question.tags)
        for tag in site.tags where names.contains(tag.name) {
            guard let index = tag.members.firstIndex(of: place) else { return false }
            if index > 0 {
                let previous = site.questions[tag.members[index - 1]]
                guard (previous.title, previous.slug) < (question.title, question.slug) else { return false }
            }
            if index + 1 < tag.members.count {
                let next = site.questions[tag.members[index + 1]]
                guard (question.title, question.slug) < (next.title, next.slug) else { return false }
            }
        }
        return true
    }

    /// Why an edit cannot be shown alone: a problem, or (`moves`) a change to what lists the question.
    struct NotLocal: Error, CustomStringConvertible {
        let description: String
        var moves = false
    }

    /// The question in `path` as it is now, and its rendered body, if it still parses cleanly and
    /// lists where it did before.
    private func reread(_ old: Question, from path: String) -> Result<(Question, RenderedBody), NotLocal> {
        let display = old.location.path
        let question: Question, normalised: Bool
        switch Self.read(path, contentPath: old.contentPath, display: display) {
        case .success(let read): (question, normalised) = read
        case .failure(let reason): return .failure(reason)
        }
        guard question.slug == old.slug, question.category == old.category,
              question.weight == old.weight, question.draft == old.draft, question.tags == old.tags else {
            return .failure(.init(description: "\(display) moved or changes what lists it", moves: true))
        }
        guard question.related.allSatisfy(knows) else {
            return .failure(.init(description: "\(display) names a related page that does not exist"))
        }
        switch Self.renderChecked(question.document, rawHTML: site.config.rawHTML, against: LinkRule.Targets(site: site, links: links)) {
        case .success(let body): return .success((question.with(body: question.body.detached(from: path, normalised: normalised)), body))
        case .failure(let reason): return .failure(reason)
        }
    }

    /// A parsed question's body rendered with the links of `targets`' site, when every link
    /// checks out. A link to another page's heading is checked against that page's body,
    /// rendered again for it (the preview keeps no page's headings).
    static func renderChecked(_ document: Site.Document, rawHTML: Bool, against targets: LinkRule.Targets) -> Result<RenderedBody, NotLocal> {
        let display = document.location.path
        let body = RenderedBody.render(document.body, path: display, rawHTML: rawHTML,
                                       links: targets.links.links(from: document.contentPath, page: document.page),
                                       paragraphs: false, codeBlocks: BuildContext.current.codeHighlighter)
        var bodies = [document.contentPath: body]
        let linked = Set(body.links.lazy.filter { LinkRule.needsOtherHeadings($0, in: document.contentPath) }
            .compactMap { $0.content?.contentPath })
        if !linked.isEmpty {
            let documents = targets.site.pageDocuments.filter { linked.contains($0.contentPath) }
                + targets.site.questions.lazy.filter { linked.contains($0.contentPath) }.map(\.document)
            let (others, unreadable) = BodyRenderer.render(documents, links: targets.links, rawHTML: rawHTML, paragraphs: false)
            guard unreadable.isEmpty else { return .failure(.init(description: "\(display) links to a page that cannot be read")) }
            bodies.merge(others) { own, _ in own }
        }
        let problems = LinkRule().check([document], bodies: [document.contentPath: body], against: targets,
                                        anchors: .headings(of: bodies))
        guard !problems.containsErrors else { return .failure(.init(description: "\(display) has a broken link")) }
        return .success(body)
    }

    /// The question in the file at `path` (its body still held), and whether its text was normalised.
    static func read(_ path: String, contentPath: String, display: String) -> Result<(Question, Bool), NotLocal> {
        read(document: path, contentPath: contentPath, display: display).flatMap { document, normalised in
            guard case .question(let question) = document else { return .failure(.init(description: "\(display) is not a question")) }
            return .success((question, normalised))
        }
    }

    /// The content file at `path`, parsed (its body still held), if it has no problem, and whether
    /// its text was normalised.
    static func read(document path: String, contentPath: String, display: String) -> Result<(ContentDocument, Bool), NotLocal> {
        guard let raw = ContentLoader.readFile(path, expectedSize: 4096), raw.count <= ContentLoader.maximumFileBytes else {
            return .failure(.init(description: "\(display) cannot be read"))
        }
        let (text, problems) = SourceText.decode(raw, path: display)
        guard let text, !problems.containsErrors else { return .failure(.init(description: "\(display) has problems")) }
        let (document, more) = ContentDocument.parse(text, contentPath: contentPath)
        guard let document, !more.containsErrors else { return .failure(.init(description: "\(display) has problems")) }
        return .success((document, text.normalised))
    }

    /// The body of an unedited question whose page shows an edited one.
    func render(_ question: Question, links: ContentLinks? = nil) -> RenderedBody? {
        BodyRenderer.render([question.document], links: links ?? self.links, rawHTML: site.config.rawHTML,
                            paragraphs: false).0[question.contentPath]
    }

    /// Replaces files of the served site: each written beside the one it replaces, then all renamed
    /// over them together, so that a reader does not find a new page listed by an old one.
    static func write(_ files: [OutputFile], into output: URL) -> Bool {
        var written: [(temporary: String, target: String)] = []
        for (number, file) in files.enumerated() {
            let target = output.appendingPathComponent(file.path.path).path
            let temporary = target + ".studyguide-\(getpid())-\(number)-partial"
            written.append((temporary, target))
            guard (try? StagingFolder.write([file.bytes], to: temporary)) != nil else {
                for (temporary, _) in written { unlink(temporary) }
                return false
            }
        }
        for (number, (temporary, target)) in written.enumerated() where rename(temporary, target) != 0 {
            for (temporary, _) in written[number...] { unlink(temporary) }
            return false
        }
        return true
    }
}
