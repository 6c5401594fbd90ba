internal import CCmarkGFM
internal import Synchronization

/// The only code that talks to cmark-gfm. Each call creates a parser, attaches the
/// extensions, parses, walks the tree once, renders, copies every string into Swift
/// values and frees everything before it returns: no C pointer leaves this file.
public enum MarkdownRenderer {
    /// Renders UTF-8 Markdown bytes.
    public static func render(_ markdown: some Collection<UInt8>, options: MarkdownOptions = .init()) -> RenderedMarkdown {
        registerExtensions
        let bytes = Array(markdown)
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.allowRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }
        if options.extensions.contains(.footnotes) { cmarkOptions |= CMARK_OPT_FOOTNOTES }

        guard let parser = cmark_parser_new(cmarkOptions) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in MarkdownOptions.Extension.allCases where name != .footnotes && options.extensions.contains(name) {
            if let extensionPointer = cmark_find_syntax_extension(name.rawValue) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        var finished: OpaquePointer?
        finishLock.withLock { _ in finished = cmark_parser_finish(parser) }
        guard let document = finished else { return .empty }
        defer { cmark_node_free(document) }

        var walk = TreeWalk(options: options)
        walk.visit(document)
        // Replaced headings are freed only after rendering: their inline children, now under
        // the custom blocks, may still point into the heading's content buffer (found by fuzzing).
        let detached = options.headingIDs ? walk.anchorHeadings() : []
        defer { for node in detached { cmark_node_free(node) } }

        // The extension list belongs to the parser, which is still alive here.
        guard let rendered = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return .empty
        }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        let html = String(cString: rendered)
        return RenderedMarkdown(
            html: options.headingIDs ? Sentinel.removeLineBreaks(in: html) : html,
            headings: walk.headings,
            plainText: walk.plainText.collapsingWhitespace(),
            links: walk.links,
            paragraphs: walk.paragraphs
        )
    }

    /// Renders Markdown text.
    public static func render(_ markdown: String, options: MarkdownOptions = .init()) -> RenderedMarkdown {
        render(Array(markdown.utf8), options: options)
    }

    /// cmark-gfm switches a process-wide table of special inline characters on and off
    /// inside `cmark_parser_finish` (where inlines are parsed): two parsers finishing at
    /// once lose each other's `~`, `w` and `:` triggers, and strikethrough or autolinks
    /// silently vanish. Block parsing, the tree walk and HTML rendering stay parallel.
    private static let finishLock = Mutex(())

    /// cmark-gfm keeps a global extension registry; filling it once is thread-safe
    /// because Swift initialises globals exactly once.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()
}

/// One pass over the tree: collects headings, plain text and links, rewrites
/// destinations, and remembers the headings to anchor once the walk is over
/// (cmark's iterator must not see the tree change under it).
private struct TreeWalk {
    let options: MarkdownOptions
    var headings: [RenderedMarkdown.Heading] = []
    var plainText = ""
    var links: [RenderedMarkdown.Link] = []
    var paragraphs: [RenderedMarkdown.Paragraph] = []
    private var paragraphStart: (offset: Int, line: Int)?
    private var headingNodes: [OpaquePointer] = []
    private var slugger = HeadingSlugger()

    init(options: MarkdownOptions) {
        self.options = options
    }

    mutating func visit(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var headingText: String? = nil
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = Self.literal(of: node)
                plainText += literal
                headingText? += literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                plainText += " "
                headingText? += " "
            case CMARK_NODE_CODE_BLOCK:
                plainText += " " + Self.literal(of: node) + " "
            case CMARK_NODE_HEADING:
                if entering {
                    headingText = ""
                } else {
                    let text = (headingText ?? "").collapsingWhitespace()
                    let id = options.headingIDs ? slugger.id(for: text) : ""
                    headings.append(.init(
                        level: Int(cmark_node_get_heading_level(node)),
                        text: text,
                        id: id,
                        line: Int(cmark_node_get_start_line(node))
                    ))
                    headingNodes.append(node)
                    headingText = nil
                    plainText += " "
                }
            case CMARK_NODE_PARAGRAPH:
                if entering {
                    paragraphStart = (plainText.utf8.count, Int(cmark_node_get_start_line(node)))
                } else if let start = paragraphStart {
                    if options.collectParagraphs {
                        let text = String(decoding: plainText.utf8.dropFirst(start.offset), as: UTF8.self).collapsingWhitespace()
                        if !text.isEmpty { paragraphs.append(.init(text: text, line: start.line)) }
                    }
                    paragraphStart = nil
                    plainText += " "
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering { recordLink(node, isImage: type == CMARK_NODE_IMAGE) }
            default:
                // Block boundaries separate words in the plain text.
                if !entering, type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                    plainText += " "
                }
            }
        }
    }

    private mutating func recordLink(_ node: OpaquePointer, isImage: Bool) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        links.append(.init(
            destination: destination,
            isImage: isImage,
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node))
        ))
        if let rewrite = options.rewriteDestination, let replaced = rewrite(destination) {
            cmark_node_set_url(node, replaced)
        }
    }

    /// Replaces each heading with a custom block that opens `<hN id="…">` and closes with
    /// a permalink, keeping the heading's inline children. The custom block's literals are
    /// ours, so they survive safe mode; the heading text is still escaped by cmark.
    /// Returns the unlinked headings, which the caller frees after rendering.
    mutating func anchorHeadings() -> [OpaquePointer] {
        var detached: [OpaquePointer] = []
        for (node, heading) in zip(headingNodes, headings) {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let id = heading.id.escapedForAttribute()
            cmark_node_set_on_enter(block, "<h\(heading.level) id=\"\(id)\">\(Sentinel.scalar)")
            cmark_node_set_on_exit(
                block,
                "\(Sentinel.scalar)<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(heading.level)>"
            )
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            detached.append(node)
        }
        return detached
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}

/// cmark puts custom blocks on lines of their own; a sentinel next to our heading
/// literals marks the line breaks to drop, in one pass, so the heading reads
/// `<h2 id="x">Text<a …>#</a></h2>`. The loader rejects control characters in
/// content, so the sentinel cannot come from a document.
private enum Sentinel {
    static let scalar = "\u{1}"

    static func removeLineBreaks(in html: String) -> String {
        guard html.utf8.contains(1) else { return html }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count)
        var afterSentinel = false
        var html = html
        html.withUTF8 { utf8 in
            for byte in utf8 {
                if byte == 1 {
                    if bytes.last == 0x0A { bytes.removeLast() }
                    afterSentinel = true
                    continue
                }
                defer { afterSentinel = false }
                if byte == 0x0A, afterSentinel { continue }
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension RenderedMarkdown {
    static let empty = RenderedMarkdown(html: "", headings: [], plainText: "", links: [])
}

extension String {
    /// Runs of ASCII whitespace become one space; no space at either end. Works on bytes:
    /// `Character.isWhitespace` needs grapheme breaking and is far slower on long texts.
    func collapsingWhitespace() -> String {
        var text = self
        return text.withUTF8 { utf8 in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var index = 0
            while index < utf8.count {
                // Skip a run of whitespace, then copy the word after it in one piece.
                while index < utf8.count, Self.isASCIIWhitespace(utf8[index]) { index += 1 }
                guard index < utf8.count else { break }
                let start = index
                while index < utf8.count, !Self.isASCIIWhitespace(utf8[index]) { index += 1 }
                if !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start ..< index]))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    func escapedForAttribute() -> String {
        var out = ""
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
