/// The render stage: one view per page rendered through the theme (bodies already rendered),
/// then study data, Anki decks, the search index and, with a base URL, the feeds. Every file goes
/// to `output` as soon as it is made, and the bodies' HTML is let go once the last stage that
/// reads it is done, so the search index is built beside text only.
enum SiteRenderer {
    struct Output {
        var diagnostics: [Diagnostic]
        var stages: [BuildReport.Stage]
        /// HTML pages written.
        var pages: Int
    }

    /// `bodies` is consumed: the caller must keep no other reference for the HTML to be freed.
    static func render(_ site: Site, theme: Theme, bodies: consuming [String: RenderedBody],
                       into output: StagingFolder) -> Output {
        var clock = StageClock()
        var stages: [BuildReport.Stage] = []
        var bodies = consume bodies
        // The same link rule as `check`, so the two never disagree about a link.
        var diagnostics = LinkRule().check(CheckInput(site: site, bodies: bodies))
        let written = pages(site, theme: theme, bodies: bodies, into: output)
        stages.append(clock.lap("pages"))
        StudyDataBuilder(site: site, bodies: bodies).write(to: output)
        stages.append(clock.lap("study"))
        AnkiExport.write(for: site, bodies: bodies, to: output)
        stages.append(clock.lap("anki"))
        // Only the search index is left, and it reads text and headings, not HTML.
        bodies = bodies.mapValues { $0.withoutHTML() }
        SearchIndexBuilder(site: site, bodies: bodies).write(output.write)
        stages.append(clock.lap("search"))
        if let baseURL = site.config.baseURL {
            Syndication.files(for: site, pages: written.map(\.path), baseURL: baseURL).forEach(output.write)
            stages.append(clock.lap("feeds"))
        }
        if written.contains(where: \.empty) {
            diagnostics.append(.error(at: .init(path: "themes/\(site.config.theme)"), "a template rendered nothing", rule: "theme"))
        }
        return Output(diagnostics: diagnostics, stages: stages, pages: written.count)
    }

    /// Every HTML page, rendered and written on all cores; returns each page's path and whether
    /// its template rendered nothing.
    private static func pages(_ site: Site, theme: Theme, bodies: [String: RenderedBody],
                              into output: StagingFolder) -> [(path: PagePath, empty: Bool)] {
        let pages = PageBuilder(site: site, bodies: bodies)
        var jobs: [@Sendable () -> OutputFile] = [
            { pages.home(theme) }, { pages.tagsIndex(theme) }, { pages.guidesIndex(theme) },
            { pages.search(theme) }, { pages.notFound(theme) }, { pages.practice(theme) }, { pages.interview(theme) },
        ]
        for category in site.categories {
            jobs.append { pages.category(category, theme) }
            for (index, question) in category.questions.enumerated() {
                jobs.append { pages.question(question, in: category, at: index, theme) }
            }
        }
        for tag in site.tags { jobs.append { pages.tag(tag, theme) } }
        for guide in site.guides { jobs.append { pages.guide(guide, theme) } }

        let counter = PageCounter(total: jobs.count)
        return parallelMap(jobs) { job -> (path: PagePath, empty: Bool) in
            defer { counter.pageDone() }
            let file = job()
            output.write(file)
            return (file.path, file.bytes.isEmpty)
        }
    }
}
