internal import StudyGuideHighlight
internal import StudyGuideMarkdown

/// A content file's Markdown, rendered once; its HTML, headings, text and links feed the
/// page, the table of contents, the search index and the link checks.
struct RenderedBody: Sendable {
    struct Heading: Sendable {
        let level: Int
        let text: String
        let id: String
        let location: SourceLocation
    }

    struct Link: Sendable {
        let destination: String
        let isImage: Bool
        let location: SourceLocation
        /// What the destination names, resolved as the body was rendered; nil for a body rendered
        /// without its site's links (the fuzzer's).
        let target: LinkTarget?

        /// The content file and fragment of a relative `.md` link.
        var content: ContentLinks.Target? { target?.content }
    }

    private let head: BodyHead
    var headings: [Heading] { head.headings }
    var links: [Link] { head.links }
    /// The key the build's cache keeps this body under; nil without a cache. What a build found
    /// of it (`LinkVerdicts`) is kept under keys made from it.
    var cacheKey: BodyCache.Key?
    /// Paragraph texts with their locations (only for `check`: empty in a build).
    let paragraphs: [Located<String>]
    let text: BodyText

    var html: String { text.value.html }
    /// Whether it was found in the build's cache, its text still there (`BodyCache.body(lazily:)`).
    var isFromCache: Bool {
        if case .stored = text { return true }
        return false
    }
    var plainText: String { text.value.plainText }
    /// The opening of the plain text that a search result shows (`SearchDocument.excerpt`).
    var excerpt: String {
        switch text {
        case .held(_, let plainText): SearchDocument.excerpt(of: plainText, limit: SearchIndexBuilder.excerptLength)
        case .stored(let stored): stored.excerpt
        }
    }

    init(html: String, headings: [Heading], plainText: String, links: [Link], paragraphs: [Located<String>]) {
        head = .held(headings: headings, links: links)
        self.paragraphs = paragraphs
        text = .held(html: html, plainText: plainText)
    }

    /// A body whose HTML and plain text are read from the build's cache when first asked for, and
    /// its headings and links decoded from it when first asked for.
    init(head: StoredBodyHead, text: StoredBodyText) {
        self.head = .stored(head)
        paragraphs = []
        self.text = .stored(text)
    }

    /// The same body without its HTML, for stages that read only text, headings and links.
    func withoutHTML() -> RenderedBody {
        RenderedBody(html: "", headings: headings, plainText: plainText, links: links, paragraphs: paragraphs)
    }

    /// Only what the link checks read of a body: `links`, and its headings' ids unless `headings` is false.
    func forLinkChecks(links: [Link], headings: Bool = true) -> RenderedBody {
        RenderedBody(html: "", headings: headings ? self.headings.map { Heading(level: $0.level, text: "", id: $0.id, location: $0.location) } : [],
                     plainText: "", links: links, paragraphs: [])
    }

    /// Renders a body; positions are shifted from body lines to file lines. `links` rewrites the
    /// body's links to other content files and keeps what each names; `rewrite`, when given,
    /// rewrites instead (the fuzzer rewrites every link). `codeBlocks` highlights fenced code (nil:
    /// cmark-gfm writes it plain, which is all `check` needs).
    static func render(_ body: MarkdownBody, path: String, rawHTML: Bool, links: BodyLinks?,
                       rewrite: (@Sendable (String) -> String?)? = nil, paragraphs: Bool,
                       codeBlocks: CodeHighlighter?) -> RenderedBody {
        // A code block wider than the page scrolls sideways, and a region that scrolls must be
        // reachable from the keyboard (WCAG 2.1.1; axe's scrollable-region-focusable).
        var rewriteDestination = rewrite
        if rewrite == nil, let links { rewriteDestination = { links.rewrite($0) } }
        let options = MarkdownOptions(allowRawHTML: rawHTML, headingIDs: true, rewriteDestination: rewriteDestination,
                                      collectParagraphs: paragraphs, focusableCodeBlocks: true, codeBlocks: codeBlocks)
        let rendered = MarkdownRenderer.render(body.bytes, options: options)
        let shift = body.firstLine - 1
        return RenderedBody(
            html: rendered.html,
            headings: rendered.headings.map {
                Heading(level: $0.level, text: $0.text, id: $0.id, location: .init(path: path, line: $0.line + shift))
            },
            plainText: rendered.plainText,
            links: rendered.links.map {
                Link(destination: $0.destination, isImage: $0.isImage,
                     location: .init(path: path, line: $0.line + shift, column: $0.column),
                     target: links?.target(of: $0.destination))
            },
            paragraphs: rendered.paragraphs.map { Located($0.text, at: .init(path: path, line: $0.line + shift)) }
        )
    }
}
