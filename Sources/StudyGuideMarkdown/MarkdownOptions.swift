/// How a Markdown document is turned into HTML.
public struct MarkdownOptions: Sendable {
    /// The GFM extensions cmark-gfm attaches to the parser.
    public enum Extension: String, CaseIterable, Sendable {
        case table, strikethrough, autolink, tagfilter, tasklist, footnotes
    }

    /// Extensions to enable; the site uses all of them.
    public var extensions: Set<Extension>
    /// Pass raw HTML through. Off by default: cmark's safe mode drops raw HTML
    /// and `javascript:`/`vbscript:`/`file:`/`data:` link destinations.
    public var allowRawHTML: Bool
    /// Give headings stable `id`s and anchor links. Off, the HTML is exactly cmark-gfm's.
    public var headingIDs: Bool
    /// Curly quotes and dashes (cmark's `--smart`).
    public var smartPunctuation: Bool
    /// Rewrites link and image destinations (for example `other.md` to `other.html`);
    /// returning nil keeps the destination as written.
    public var rewriteDestination: (@Sendable (String) -> String?)?
    /// Collect each paragraph's text (for lint rules); a build does not need them.
    public var collectParagraphs: Bool
    /// Write each `<pre>` as `<pre tabindex="0">`, so a code block that scrolls sideways can be
    /// reached from the keyboard (WCAG 2.1.1). Done in the copy out of cmark's buffer.
    public var focusableCodeBlocks: Bool
    /// Writes fenced code blocks in cmark-gfm's place (build-time highlighting); nil leaves them
    /// all to cmark-gfm.
    public var codeBlocks: (any CodeBlockRendering)?

    public init(
        extensions: Set<Extension> = Set(Extension.allCases),
        allowRawHTML: Bool = false,
        headingIDs: Bool = true,
        smartPunctuation: Bool = false,
        rewriteDestination: (@Sendable (String) -> String?)? = nil,
        collectParagraphs: Bool = true,
        focusableCodeBlocks: Bool = false,
        codeBlocks: (any CodeBlockRendering)? = nil
    ) {
        self.extensions = extensions
        self.allowRawHTML = allowRawHTML
        self.headingIDs = headingIDs
        self.smartPunctuation = smartPunctuation
        self.rewriteDestination = rewriteDestination
        self.collectParagraphs = collectParagraphs
        self.focusableCodeBlocks = focusableCodeBlocks
        self.codeBlocks = codeBlocks
    }
}

/// Renders a fenced code block instead of cmark-gfm.
public protocol CodeBlockRendering: Sendable {
    /// Appends the block's whole `<pre>` element to `html` and returns true, or returns false
    /// (appending nothing) to leave the block to cmark-gfm. `info` is the fence's info string.
    func render(info: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<UInt8>, into html: inout [UInt8]) -> Bool
}
