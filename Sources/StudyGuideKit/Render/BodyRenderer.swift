internal import StudyGuideHighlight

/// Renders every Markdown body of a site once, on all cores; pages, search and checks share the result.
enum BodyRenderer {
    /// Content path → rendered body, and a problem for each body that could not be read again.
    /// `paragraphs`: also each paragraph's text, which only the lint rules of `check` read.
    static func render(_ site: Site, paragraphs: Bool) -> ([String: RenderedBody], [Diagnostic]) {
        render(site.documents, links: ContentLinks(site: site), rawHTML: site.config.rawHTML, paragraphs: paragraphs)
    }

    /// Renders documents on all cores; a body let go after parsing is read again first.
    /// With a `cache`, a body rendered by an earlier build from the same bytes is taken from it
    /// (not for `paragraphs`, which only `check` asks for).
    /// `files`: each content file's hash from parsing (`SourceHashes`); with it, a body is looked
    /// up by its file's hash, and its file is read again only when the cache does not hold it.
    /// `lazily`: a body from the cache reads its HTML and text back only when first asked for
    /// (bodies that outlive the build must not: they would hold the cache open).
    static func render(_ documents: [Site.Document], links: ContentLinks, rawHTML: Bool,
                       paragraphs: Bool, cache: BodyCache? = nil, files: [String: BodyCache.Key]? = nil,
                       lazily: Bool = false) -> ([String: RenderedBody], [Diagnostic]) {
        let cache = paragraphs ? nil : cache
        let cancellation = BuildContext.current.cancellation
        // Read here: the task-local context does not reach the worker threads.
        let highlighter = paragraphs ? nil : BuildContext.current.codeHighlighter
        let rendered = parallelMap(documents) { document -> (RenderedBody, Diagnostic?) in
            // A cancelled build's output is thrown away: its remaining bodies are left empty.
            if cancellation?.isCancelled == true { return (RenderedBody(html: "", headings: [], plainText: "", links: [], paragraphs: []), nil) }
            let bodyLinks = links.links(from: document.contentPath, page: document.page)
            // The file's bytes, hashed when it was parsed, decide its body: no need to read it again.
            let fileKey = files?[document.contentPath].flatMap { file in
                cache.map { _ in
                    BodyCache.key(file: file, contentPath: document.contentPath, page: document.page.path,
                                  firstLine: document.body.firstLine, rawHTML: rawHTML, highlighted: highlighter != nil)
                }
            }
            let render = lazily ? rendering(document, links: bodyLinks, rawHTML: rawHTML, highlighter: highlighter, cache: cache) : nil
            if let cache, let fileKey,
               let kept = cache.body(for: fileKey, path: document.location.path, links: bodyLinks, lazily: render, keeping: !lazily) {
                return (kept, nil)
            }
            guard let bytes = document.body.load(contentPath: document.contentPath) else {
                let problem = Diagnostic.error(at: document.location, "the file changed or vanished while the site was being built; build again", rule: "io")
                return (RenderedBody(html: "", headings: [], plainText: "", links: [], paragraphs: []), problem)
            }
            var body = document.body
            body.bytes = bytes
            let key = fileKey ?? cache.map { _ in
                BodyCache.key(bytes: bytes, contentPath: document.contentPath, page: document.page.path,
                              firstLine: body.firstLine, rawHTML: rawHTML, highlighted: highlighter != nil)
            }
            if fileKey == nil, let cache, let key, let kept = cache.body(for: key, path: document.location.path, links: bodyLinks) {
                return (kept, nil)
            }
            var rendered = RenderedBody.render(body, path: document.location.path, rawHTML: rawHTML, links: bodyLinks,
                                               paragraphs: paragraphs, codeBlocks: highlighter)
            if let cache, let key {
                cache.store(rendered, for: key, links: bodyLinks)
                rendered.cacheKey = key
            }
            return (rendered, nil)
        }
        // Bodies found lazily are counted and kept for the next build here, a batch under one lock.
        if lazily, let cache {
            cache.keep(hits: rendered.compactMap { $0.0.isFromCache ? $0.0.cacheKey : nil }, shape: links.shape)
        }
        return (Dictionary(uniqueKeysWithValues: zip(documents.map(\.contentPath), rendered.map(\.0))), rendered.compactMap(\.1))
    }

    /// Renders `document` again from its file, for a kept body whose text or headings do not read
    /// back; a file that cannot be read either is noted in `cache`, which fails the build.
    private static func rendering(_ document: Site.Document, links: BodyLinks, rawHTML: Bool, highlighter: CodeHighlighter?,
                                  cache: BodyCache?) -> @Sendable () -> RenderedBody {
        {
            guard let bytes = document.body.load(contentPath: document.contentPath) else {
                cache?.noteLostText(of: document.location.path)
                return RenderedBody(html: "", headings: [], plainText: "", links: [], paragraphs: [])
            }
            var body = document.body
            body.bytes = bytes
            return RenderedBody.render(body, path: document.location.path, rawHTML: rawHTML, links: links,
                                       paragraphs: false, codeBlocks: highlighter)
        }
    }
}
