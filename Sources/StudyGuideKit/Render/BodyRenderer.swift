/// Renders every Markdown body of a site once, on all cores; pages, search and checks share the result.
enum BodyRenderer {
    /// Content path → rendered body. `paragraphs`: also each paragraph's text, which only the
    /// lint rules of `check` read.
    static func render(_ site: Site, paragraphs: Bool) -> [String: RenderedBody] {
        render(site.documents, links: ContentLinks(site: site), rawHTML: site.config.rawHTML, paragraphs: paragraphs)
    }

    /// Renders documents, letting go of each one's Markdown as soon as its body is rendered (the
    /// build hands over the only references, so the sources are freed while rendering goes on).
    static func render(_ documents: consuming [Site.Document], links: ContentLinks, rawHTML: Bool,
                       paragraphs: Bool) -> [String: RenderedBody] {
        let contentPaths = documents.map(\.contentPath)
        let rendered = parallelMapReleasing(consume documents) { document in
            RenderedBody.render(document.body, path: document.location.path, rawHTML: rawHTML,
                                rewrite: links.rewriter(from: document.contentPath, page: document.page), paragraphs: paragraphs)
        }
        return Dictionary(uniqueKeysWithValues: zip(contentPaths, rendered))
    }
}
