public import Foundation

/// A built site kept in memory by `serve`, so that an edit to a question shows at once: the pages
/// that show what changed are rendered again and written in place, in milliseconds, while a full
/// build (which also redoes the search index, study data, decks and feeds) follows behind.
///
/// It handles the common edit: a question's answer, summary, difficulty, kind, follow-ups, areas,
/// red flags, aliases, related pages or date, and its title when the new one keeps its place in
/// its lists. Anything that moves pages or changes what lists them (a new, deleted or renamed
/// file, a slug, category, weight, tag or draft flag, a title that reorders a list, a template,
/// `site.yml`), and any problem, is left to the full build, which reports problems as `build`
/// does. The pages it writes are the bytes the full build writes for them (a test).
///
/// Used from one task at a time (the preview session's actor), hence the unchecked Sendable.
public final class LivePreview: @unchecked Sendable {
    private let options: BuildOptions
    private var site: Site
    private let theme: Theme
    private let links: ContentLinks
    /// The bodies of categories, guides and introductions, which listings show.
    private let pageBodies: [String: RenderedBody]
    /// A question's file, as a path inside `content/` → its place in `site.questions`.
    private let placeOfFile: [String: Int]
    /// Slugs a `related` entry may name.
    private let knownSlugs: Set<String>
    private var pages: PageBuilder

    /// What `apply` did.
    public enum Outcome: Equatable, Sendable {
        /// These files of the output were written again (paths relative to it).
        case written([String])
        /// The edit is not one this preview can show alone; why.
        case needsFullBuild(String)
    }

    init(options: BuildOptions, site: Site, theme: Theme, links: ContentLinks, pageBodies: [String: RenderedBody]) {
        self.options = options
        self.site = site
        self.theme = theme
        self.links = links
        self.pageBodies = pageBodies
        placeOfFile = Dictionary(site.questions.enumerated().map { ($1.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
        knownSlugs = Set(site.questions.map(\.slug) + site.guides.map(\.slug))
        pages = PageBuilder(site: site, bodies: pageBodies)
    }

    /// The site as a build of `options` makes it now, without writing it; nil when it has errors.
    /// (`serve` takes it from its builds instead: `BuildOptions.keepsPreview`.)
    public static func load(_ options: BuildOptions) -> LivePreview? {
        var report = BuildReport()
        guard let site = SiteBuilder.load(options, report: &report), !report.diagnostics.containsErrors else { return nil }
        let (theme, problems) = SiteBuilder.loadTheme(named: site.config.theme, options: options)
        guard let theme, !problems.containsErrors else { return nil }
        let links = ContentLinks(site: site)
        let (bodies, unreadable) = BodyRenderer.render(site.pageDocuments, links: links, rawHTML: site.config.rawHTML, paragraphs: false)
        guard unreadable.isEmpty else { return nil }
        return LivePreview(options: options, site: site, theme: theme, links: links, pageBodies: bodies)
    }

    /// Applies edits to the files at `changedPaths` (absolute) and writes the pages that show them
    /// into `output`, or writes nothing and says why a full build is needed.
    public func apply(_ changedPaths: Set<String>, into output: URL) -> Outcome {
        let contentFolder = options.source.appendingPathComponent("content").path + "/"
        var edits: [(place: Int, question: Question, body: RenderedBody)] = []
        for path in changedPaths.sorted() {
            guard path.hasPrefix(contentFolder), let place = placeOfFile[String(path.dropFirst(contentFolder.count))] else {
                return .needsFullBuild("\(path) is not a question's file")
            }
            switch reread(site.questions[place], from: path) {
            case .success(let edit): edits.append((place, edit.0, edit.1))
            case .failure(let reason): return .needsFullBuild(reason.description)
            }
        }
        guard !edits.isEmpty else { return .written([]) }
        let retitled = edits.filter { site.questions[$0.place].title != $0.question.title }
        if retitled.count > 1 || retitled.contains(where: { !keepsPlace($0.question, at: $0.place) }) {
            return .needsFullBuild("a new title moves a question in its lists")
        }

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
            for (place, question) in site.questions.enumerated() where question.related.contains(where: { relatedChanged.contains($0.value) }) {
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
            let tags = Set(listed.flatMap { site.questions[$0].tags.map(\.value) })
            for tag in site.tags where tags.contains(tag.name) { files.append(pages.tag(tag, theme)) }
        }
        for file in files where !Self.write(file, into: output) {
            return .needsFullBuild("cannot write \(file.path.path)")
        }
        return .written(files.map(\.path.path))
    }

    /// Whether `question`, retitled, keeps its place among its neighbours in its category (by
    /// weight, title, slug) and in each of its tags (by title, slug): then no list changes order.
    private func keepsPlace(_ question: Question, at place: Int) -> Bool {
        func before(_ a: Question, _ b: Question) -> Bool { (a.weight, a.title, a.slug) < (b.weight, b.title, b.slug) }
        guard let category = site.categories.first(where: { $0.members.contains(place) }) else { return false }
        if category.members.contains(place - 1), !before(site.questions[place - 1], question) { return false }
        if category.members.contains(place + 1), !before(question, site.questions[place + 1]) { return false }
        let names = Set(question.tags.map(\.value))
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

    /// Why an edit cannot be shown alone.
    private struct NotLocal: Error, CustomStringConvertible {
        let description: String
    }

    /// The question in `path` as it is now, and its rendered body, if it still parses cleanly and
    /// lists where it did before.
    private func reread(_ old: Question, from path: String) -> Result<(Question, RenderedBody), NotLocal> {
        let display = old.location.path
        guard let raw = ContentLoader.readFile(path, expectedSize: 4096), raw.count <= ContentLoader.maximumFileBytes else {
            return .failure(.init(description: "\(display) cannot be read"))
        }
        let (text, problems) = SourceText.decode(raw, path: display)
        guard let text, !problems.containsErrors else { return .failure(.init(description: "\(display) has problems")) }
        let (document, more) = ContentDocument.parse(text, contentPath: old.contentPath)
        guard case .question(let question)? = document, !more.containsErrors else {
            return .failure(.init(description: "\(display) has problems"))
        }
        guard question.slug == old.slug, question.category == old.category,
              question.weight == old.weight, question.draft == old.draft, question.tags.map(\.value) == old.tags.map(\.value) else {
            return .failure(.init(description: "\(display) moved or changes what lists it"))
        }
        guard question.related.allSatisfy({ knownSlugs.contains($0.value) }) else {
            return .failure(.init(description: "\(display) names a related page that does not exist"))
        }
        let body = RenderedBody.render(question.body, path: display, rawHTML: site.config.rawHTML,
                                       rewrite: links.rewriter(from: question.contentPath, page: question.path), paragraphs: false)
        // Links to another page's heading need every heading of the site: the full build checks them.
        guard !body.links.contains(where: { LinkRule.needsOtherHeadings($0, in: question.contentPath) }) else {
            return .failure(.init(description: "\(display) links to a heading of another page"))
        }
        let linkProblems = LinkRule().check([question.document], bodies: [question.contentPath: body],
                                            against: LinkRule.Targets(site: site, links: links))
        guard !linkProblems.containsErrors else { return .failure(.init(description: "\(display) has a broken link")) }
        return .success((question.with(body: question.body.detached(from: path, normalised: text.normalised)), body))
    }

    /// The body of an unedited question whose page shows an edited one.
    private func render(_ question: Question) -> RenderedBody? {
        BodyRenderer.render([question.document], links: links, rawHTML: site.config.rawHTML, paragraphs: false).0[question.contentPath]
    }

    /// Replaces one file of the served site at once: written beside it, then renamed over it.
    private static func write(_ file: OutputFile, into output: URL) -> Bool {
        let target = output.appendingPathComponent(file.path.path).path
        let temporary = target + ".studyguide-\(getpid())-partial"
        let complete = (try? StagingFolder.write([file.bytes], to: temporary)) != nil
        guard complete, rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
