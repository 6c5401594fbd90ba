/// Renders every Markdown body of a site once, on all cores; pages, search and checks share the result.
enum BodyRenderer {
    /// Content path → rendered body. `paragraphs`: also each paragraph's text, which only the
    /// lint rules of `check` read.
    static func render(_ site: Site, paragraphs: Bool) -> [String: RenderedBody] {
        let links = ContentLinks(site: site)
        let documents = site.documents
        let rawHTML = site.config.rawHTML
        let rendered = parallelMap(documents) { document in
            RenderedBody.render(document.body, path: document.location.path, rawHTML: rawHTML,
                                rewrite: links.rewriter(from: document.contentPath, page: document.page), paragraphs: paragraphs)
        }
        return Dictionary(uniqueKeysWithValues: zip(documents.map(\.contentPath), rendered))
    }
}
