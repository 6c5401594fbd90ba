/// The render stage, streamed. Question bodies are rendered a batch at a time, and each batch is
/// written out (question pages, study cards, Anki notes) and counted for search before the next
/// batch is rendered, so the HTML of no more than one batch is ever held: memory grows with the
/// site's metadata and search index, not with the text of its answers. Then come the pages that
/// list questions (they need no answers), the link checks, the search index and the feeds.
/// Every file goes to `output` as soon as it is made.
enum SiteRenderer {
    struct Output {
        var diagnostics: [Diagnostic]
        var stages: [BuildReport.Stage]
        /// HTML pages written.
        var pages: Int
        /// The bodies of categories, guides and introductions.
        var pageBodies: [String: RenderedBody]
        /// Every content file some page links to (when asked: the preview needs it to tell
        /// whether a file may go without breaking a link).
        var linkTargets: Set<String> = []
        /// How many answers the search postings were updated for (`SearchIndexBuilder.updatedAnswers`).
        var searchUpdatedAnswers: Int?
    }

    /// Questions rendered and written together: a multiple of the study data's chunk, so no chunk
    /// of cards spans two batches. Small enough to bound memory, large enough to keep every core busy.
    /// Five hundred: a batch's bodies, pages and notes were most of a 10,000-question build's peak
    /// (2,000 a batch: 94 MiB; 500: 74 MiB), and the cores stay as busy (cold builds took as long).
    static let batchSize = 10 * StudyDataBuilder.chunkSize

    /// Markdown bodies were let go after parsing (see `MarkdownBody`): each batch reads its bodies
    /// again, and its HTML is let go once written.
    static func render(_ site: Site, theme: Theme, links: ContentLinks, rawHTML: Bool, into output: StagingFolder,
                       collectingLinkTargets: Bool = false, cache: BodyCache? = nil,
                       fingerprints: PageFingerprints? = nil) -> Output {
        var stages = StageTimes()
        let batchSize = BuildContext.current.questionBatch ?? Self.batchSize
        precondition(batchSize > 0 && batchSize % StudyDataBuilder.chunkSize == 0, "a batch holds whole chunks of cards")
        let questions = site.questions
        // Question bodies in site order, rendered in batches; the rest (introductions, guides) at once.
        let others = site.pageDocuments
        let files = cache == nil ? nil : site.sources?.files
        let (checked, pageProblems) = BodyRenderer.render(others, links: links, rawHTML: rawHTML, paragraphs: false, cache: cache, files: files)
        var unreadable = pageProblems
        stages.lap("markdown")

        // A cancelled build's output is thrown away: it stops making it between steps.
        let cancellation = BuildContext.current.cancellation
        var cancelled: Bool { cancellation?.isCancelled == true }
        func stopped() -> Output { Output(diagnostics: [], stages: stages.stages, pages: 0, pageBodies: checked) }
        let pages = PageBuilder(site: site, bodies: checked, recordsInputs: output.recordsInputs)
        let counter = PageCounter(total: site.pageCount)
        let study = StudyDataBuilder(site: site, questions: questions)
        study.writeDeck(to: output)
        let decks = AnkiExport.writeHeaders(for: site, to: output, fingerprints: fingerprints, cache: cache)
        let reuse: (@Sendable (PagePath, OutputLedger.Fingerprint) -> Int?)? = fingerprints == nil ? nil : { @Sendable path, fingerprint in
            output.reusedSize(path, fingerprint: fingerprint)
        }
        var search = SearchIndexBuilder(site: site, emit: output.write, cache: cache, reuse: reuse)
        // An update of the index is written beside the listing pages and the link checks; no job
        // outlives the render.
        let searchLane = SideLane(stage: "search")
        defer {
            decks.lane.wait()
            searchLane.wait()
        }
        var emptyPages: Set<PagePath> = []
        let linkTargets = LinkRule.Targets(site: site, links: links)
        let verdicts = LinkVerdicts(cache: cache, site: site, links: links)
        var diagnostics: [Diagnostic] = []
        // Introductions and guides keep every link for the end; questions only those that wait.
        var laterLinks = checked.mapValues { $0.forLinkChecks(links: $0.links, headings: false) }
        var laterDocuments = others
        var linkedHeadings = LinkedHeadings()
        for (path, body) in checked { linkedHeadings.want(body.links, from: path) }
        var linkedFiles: Set<String> = []
        if collectingLinkTargets { linkedFiles = LinkTargets.of(checked) }

        for start in stride(from: 0, to: questions.count, by: batchSize) {
            if cancelled { return stopped() }
            let range = start ..< min(start + batchSize, questions.count)
            let batchDocuments = questions[range].map(\.document)
            let (bodies, problems) = BodyRenderer.render(batchDocuments, links: links, rawHTML: rawHTML, paragraphs: false, cache: cache,
                                                         files: files, lazily: true)
            unreadable += problems
            // Read once from the spill file for the page, the study card and the search entry: with
            // a cache, only for those made again.
            let notes = BatchNotes(questions[range], lazily: cache != nil)
            stages.lap("markdown")
            if cancelled { return stopped() }

            let empty = parallelMap(Array(range)) { index -> PagePath? in
                defer { counter.pageDone() }
                if cancellation?.isCancelled == true { return nil }  // thrown away
                let question = questions[index]
                let (category, place) = placement(of: index, in: site)
                // A page made from the same files as the previous output's is linked from there.
                let fingerprint = fingerprints.map { pages.fingerprint(ofQuestion: question, in: site.categories[category], at: place, $0) }
                if let fingerprint, output.reuse(question.path, fingerprint: fingerprint) { return nil }
                let contentPath = question.contentPath
                var file = pages.question(question, in: site.categories[category], at: place,
                                          body: bodies[contentPath], notes: notes.of(question), theme)
                file.fingerprint = fingerprint
                output.write(file)
                return file.bytes.isEmpty ? file.path : nil
            }
            emptyPages.formUnion(empty.compactMap { $0 })
            stages.lap("pages")
            if cancelled { return stopped() }
            study.writeChunks(of: range, bodies: bodies, notes: notes, to: output, fingerprints: fingerprints)
            stages.lap("study")
            AnkiExport.appendNotes(for: questions[range], site: site, bodies: bodies, questionNotes: notes, decks: decks, to: output)
            stages.lap("anki")
            search.add(questions[range], bodies: bodies, notes: notes)
            stages.lap("search")
            // Links are checked now, but those to a heading of another page, which may come in a later
            // batch: only they and whether each such heading exists stay until the end.
            if collectingLinkTargets { linkedFiles.formUnion(LinkTargets.of(bodies)) }
            // An answer whose links checked out in an earlier build, against the same pages, is not
            // checked again; one checked now without a problem is marked for the next build.
            var now: [String: RenderedBody] = [:]
            var markable: [String] = []
            for (path, body) in bodies {
                if verdicts?.checkedClean(body) == true { continue }
                var local: [RenderedBody.Link] = [], later: [RenderedBody.Link] = []
                for link in body.links {
                    if LinkRule.needsOtherHeadings(link, in: path) { later.append(link) } else { local.append(link) }
                }
                now[path] = body.forLinkChecks(links: local)
                if !later.isEmpty {
                    linkedHeadings.want(later, from: path)
                    laterLinks[path] = body.forLinkChecks(links: later, headings: false)
                } else if verdicts != nil {
                    markable.append(path)
                }
            }
            linkedHeadings.look(in: bodies)
            laterDocuments += batchDocuments.filter { laterLinks[$0.contentPath] != nil }
            let linkProblems = LinkRule().check(batchDocuments, bodies: now, against: linkTargets)
            if let verdicts, !markable.isEmpty {
                let troubled = Set(linkProblems.map(\.location.path))
                let places = Dictionary(batchDocuments.map { ($0.contentPath, $0.location.path) }, uniquingKeysWith: { first, _ in first })
                for path in markable where !troubled.contains(places[path] ?? "") { verdicts.noteClean(bodies[path]!) }
            }
            diagnostics += linkProblems
            stages.lap("links")
        }

        // Postings updated from the last build's are written beside the listing pages and the last
        // link checks. Made whole, they hold the index's largest buffers, which beside the largest
        // listing pages (8 MB each at 100,000 questions) made the build's peak: they come after.
        let searching = SearchWrite(consume search)
        let besideListings = searching.builder.update != nil
        if besideListings { searchLane.run { searching.run() } }
        // Each listing with its path and fingerprint when it may be linked from the previous output.
        // A category's or tag's list is rendered straight into its file (`ListingPage`).
        enum Made {
            case file(OutputFile)
            case listing(ListingPage)
        }
        typealias Listing = (reusable: (PagePath, PageFingerprints.Fingerprint)?, make: @Sendable () -> Made)
        var listing: [Listing] = pages.fixedPages(theme).map { make in (nil, { .file(make()) }) }
        for category in site.categories {
            listing.append((fingerprints.map { (category.path, pages.fingerprint(ofCategory: category, $0)) },
                            { .listing(pages.categoryListing(category, theme)) }))
        }
        for tag in site.tags {
            listing.append((fingerprints.map { (tag.path, pages.fingerprint(ofTag: tag, $0)) }, { .listing(pages.tagListing(tag, theme)) }))
        }
        for guide in site.guides { listing.append((nil, { .file(pages.guide(guide, theme)) })) }
        if cancelled { return stopped() }
        let emptyListings = parallelMap(listing) { job -> PagePath? in
            defer { counter.pageDone() }
            if cancellation?.isCancelled == true { return nil }  // thrown away
            if let (path, fingerprint) = job.reusable, output.reuse(path, fingerprint: fingerprint) { return nil }
            switch job.make() {
            case .file(var file):
                file.fingerprint = job.reusable?.1
                output.write(file)
                return file.bytes.isEmpty ? file.path : nil
            case .listing(let page):
                // A template that renders nothing for it leaves an empty file, reported as for any page.
                return output.writeStreamed(page, fingerprint: job.reusable?.1) == 0 ? page.path : nil
            }
        }
        emptyPages.formUnion(emptyListings.compactMap { $0 })
        stages.lap("pages")
        if cancelled { return stopped() }

        // The same link rule as `check`, so the two never disagree about a link.
        linkedHeadings.finish { paths in
            let (headings, problems) = headingIDs(of: paths, site: site, pageBodies: checked, links: links, rawHTML: rawHTML,
                                                  cache: cache, files: files)
            // A page changed or gone since its batch is reported as such, not as a missing anchor.
            unreadable += problems
            return headings
        }
        let linked = linkedHeadings
        // Introductions and guides keep their own bodies to the end; the other pages' anchors were looked up.
        let anchors = AnchorTargets(contains: { id, path in
            checked[path].map { $0.headings.contains { $0.id == id } } ?? linked.contains(id, in: path)
        }) { path in
            // Only for a suggestion under a broken anchor: the page is rendered again.
            guard let document = site.documents.first(where: { $0.contentPath == path }) else { return [] }
            return (BodyRenderer.render([document], links: links, rawHTML: rawHTML, paragraphs: false).0[path]?.headings ?? []).map(\.id)
        }
        diagnostics = unreadable + diagnostics + LinkRule().check(laterDocuments, bodies: laterLinks, against: linkTargets, anchors: anchors)
        stages.lap("links")
        stages.join(decks.lane)
        AnkiExport.noteComplete(decks, to: output, cache: cache)
        if besideListings {
            stages.join(searchLane)
        } else if !cancelled {
            searching.run()
            stages.lap("search")
        }
        if cancelled { return stopped() }
        diagnostics += searching.problems
        let searchUpdatedAnswers = searching.builder.updatedAnswers
        if let baseURL = site.config.baseURL {
            Syndication.files(for: site, pages: site.pagePaths, baseURL: baseURL).forEach(output.write)
            stages.lap("feeds")
        }
        if !emptyPages.isEmpty {
            diagnostics.append(.error(at: .init(path: "themes/\(site.config.theme)"), "a template rendered nothing", rule: "theme"))
        }
        return Output(diagnostics: diagnostics, stages: stages.stages, pages: site.pageCount, pageBodies: checked,
                      linkTargets: linkedFiles, searchUpdatedAnswers: searchUpdatedAnswers)
    }

    /// The heading ids of the pages at `paths`, for links to pages rendered before them: introductions
    /// and guides are at hand, questions are rendered again, a batch at a time; with the problems of
    /// rendering them again (a file that changed since).
    private static func headingIDs(of paths: [String], site: Site, pageBodies: [String: RenderedBody], links: ContentLinks,
                                   rawHTML: Bool, cache: BodyCache?, files: [String: BodyCache.Key]?)
        -> ([String: [String]], [Diagnostic]) {
        var result: [String: [String]] = [:]
        var problems: [Diagnostic] = []
        var asked: Set<String> = []
        for path in paths {
            if let body = pageBodies[path] { result[path] = body.headings.map(\.id) } else { asked.insert(path) }
        }
        guard !asked.isEmpty else { return (result, problems) }
        let documents = site.questions.lazy.filter { asked.contains($0.contentPath) }.map(\.document)
        let batchSize = BuildContext.current.questionBatch ?? Self.batchSize
        var batch: [Site.Document] = []
        func render() {
            let (bodies, more) = BodyRenderer.render(batch, links: links, rawHTML: rawHTML, paragraphs: false, cache: cache,
                                                     files: files, lazily: true)
            for (path, body) in bodies { result[path] = body.headings.map(\.id) }
            problems += more.filter { $0.rule == "io" }  // the rest was reported when the page first rendered
            batch.removeAll(keepingCapacity: true)
        }
        for document in documents {
            batch.append(document)
            if batch.count == batchSize { render() }
        }
        if !batch.isEmpty { render() }
        return (result, problems)
    }

    /// The category of the question at `index` in site order, and its place there: categories hold
    /// consecutive ranges of questions, so a binary search finds it (no table as long as the site).
    private static func placement(of index: Int, in site: Site) -> (category: Int, place: Int) {
        var low = 0, high = site.categories.count
        while low < high {
            let middle = (low + high) / 2
            if site.categories[middle].members.upperBound <= index { low = middle + 1 } else { high = middle }
        }
        return (low, index - site.categories[low].members.lowerBound)
    }
}

/// The search index's last step, run on a side lane: the builder moves into it whole.
private final class SearchWrite: @unchecked Sendable {
    private(set) var builder: SearchIndexBuilder
    private(set) var problems: [Diagnostic] = []

    init(_ builder: consuming SearchIndexBuilder) {
        self.builder = builder
    }

    func run() {
        problems = builder.write()
    }
}

/// Stage times for stages that take turns (a batch is rendered, written, counted, then the
/// next): each lap adds to its stage, and stages are listed in the order they first ran.
struct StageTimes {
    private var clock = StageClock()
    private(set) var stages: [BuildReport.Stage] = []

    mutating func lap(_ name: String) {
        stages.add(clock.lap(name))
    }

    /// Waits for the jobs of `lane`: the wait is a lap of its stage, which also tells how long
    /// the jobs ran beside the others.
    mutating func join(_ lane: SideLane) {
        lane.wait()
        lap(lane.stage)
        if let index = stages.firstIndex(where: { $0.name == lane.stage }) { stages[index].secondsBeside = lane.secondsBeside }
    }
}
