/// Renders every Markdown body of a site once, on all cores; pages, search and checks share the result.
enum BodyRenderer {
    /// Content path → rendered body, and a problem for each body that could not be read again.
    /// `paragraphs`: also each paragraph's text, which only the lint rules of `check` read.
    static func render(_ site: Site, paragraphs: Bool) -> ([String: RenderedBody], [Diagnostic]) {
        render(site.documents, links: ContentLinks(site: site), rawHTML: site.config.rawHTML, paragraphs: paragraphs)
    }

    /// Renders documents on all cores; a body let go after parsing is read again first.
    static func render(_ documents: [Site.Document], links: ContentLinks, rawHTML: Bool,
                       paragraphs: Bool) -> ([String: RenderedBody], [Diagnostic]) {
        let rendered = parallelMap(documents) { document -> (RenderedBody, Diagnostic?) in
            guard let bytes = document.body.load() else {
                let problem = Diagnostic.error(at: document.location, "the file changed or vanished while the site was being built; build again", rule: "io")
                return (RenderedBody(html: "", headings: [], plainText: "", links: [], paragraphs: []), problem)
            }
            var body = document.body
            body.bytes = bytes
            return (RenderedBody.render(body, path: document.location.path, rawHTML: rawHTML,
                                        rewrite: links.rewriter(from: document.contentPath, page: document.page),
                                        paragraphs: paragraphs), nil)
        }
        return (Dictionary(uniqueKeysWithValues: zip(documents.map(\.contentPath), rendered.map(\.0))), rendered.compactMap(\.1))
    }
}
