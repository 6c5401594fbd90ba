/// Renders every Markdown body of a site once, on all cores; pages, search and checks share the result.
enum BodyRenderer {
    /// Content path → rendered body. `paragraphs`: also each paragraph's text, which only the
    /// lint rules of `check` read.
    static func render(_ site: Site, paragraphs: Bool) -> [String: RenderedBody] {
        let links = ContentLinks(site: site)
        var jobs: [(String, MarkdownBody, String, PagePath)] = []
        for category in site.categories {
            let c = category.category
            jobs.append((c.contentPath, c.body, c.location.path, category.path))
            for question in category.questions {
                jobs.append((question.contentPath, question.body, question.location.path, question.path))
            }
        }
        for guide in site.guides { jobs.append((guide.contentPath, guide.body, guide.location.path, guide.path)) }
        if let intro = site.homeIntro { jobs.append(("_index.md", intro.body, intro.location.path, .home)) }
        if let intro = site.guidesIntro { jobs.append(("guides/_index.md", intro.body, intro.location.path, .guidesIndex)) }
        let rawHTML = site.config.rawHTML
        let rendered = parallelMap(jobs) { job in
            RenderedBody.render(job.1, path: job.2, rawHTML: rawHTML, rewrite: links.rewriter(from: job.0, page: job.3),
                                paragraphs: paragraphs)
        }
        return Dictionary(uniqueKeysWithValues: zip(jobs.map(\.0), rendered))
    }
}
