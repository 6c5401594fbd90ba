/// The render stage: Markdown bodies to HTML (in parallel), then one view per page
/// rendered through the theme, plus the search index and, with a base URL, the feeds.
struct SiteRenderer {
    let site: Site
    let theme: Theme

    struct Output {
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
        var bodies: [String: RenderedBody]
        var stages: [BuildReport.Stage]
    }

    func render() -> Output {
        var clock = StageClock()
        var stages: [BuildReport.Stage] = []
        let bodies = BodyRenderer.render(site)
        stages.append(clock.lap("markdown"))
        var diagnostics = linkWarnings(bodies)
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
        var files = parallelMap(jobs) { job in
            defer { counter.pageDone() }
            return job()
        }
        stages.append(clock.lap("pages"))
        files += SearchIndexBuilder(site: site, bodies: bodies).files()
        stages.append(clock.lap("search"))
        files += StudyDataBuilder(site: site, bodies: bodies).files()
        stages.append(clock.lap("study"))
        files += AnkiExport.files(for: site, bodies: bodies)
        stages.append(clock.lap("anki"))
        if let baseURL = site.config.baseURL {
            files += Syndication.files(for: site, pages: files.map(\.path).filter { $0.path.hasSuffix(".html") }, baseURL: baseURL)
            stages.append(clock.lap("feeds"))
        }
        if files.contains(where: { $0.bytes.isEmpty }) {
            diagnostics.append(.error(at: .init(path: "themes/\(site.config.theme)"), "a template rendered nothing", rule: "theme"))
        }
        return Output(files: files, diagnostics: diagnostics, bodies: bodies, stages: stages)
    }

    /// Markdown links to `.md` files that are not pages of the site.
    private func linkWarnings(_ bodies: [String: RenderedBody]) -> [Diagnostic] {
        let links = ContentLinks(site: site)
        var diagnostics: [Diagnostic] = []
        for contentPath in bodies.keys.sorted() {
            for link in bodies[contentPath]!.links {
                guard let (target, _) = ContentLinks.resolve(link.destination, from: contentPath) else { continue }
                if links.pages[target] == nil {
                    diagnostics.append(.warning(at: link.location, "link to '\(link.destination)' names no page of the site", rule: "broken-link"))
                }
            }
        }
        return diagnostics
    }
}
