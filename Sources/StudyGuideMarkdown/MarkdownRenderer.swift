internal import CCmarkGFM
internal import CCmarkInlineTable
internal import CStudyGuideSystem
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The only code that talks to cmark-gfm. Each call creates a parser, attaches the
/// extensions, parses, walks the tree once, renders, copies every string into Swift
/// values and frees everything before it returns: no C pointer leaves this file.
public enum MarkdownRenderer {
    /// The cmark-gfm library this process renders with ("0.29.0.gfm.6"): part of what a cache of
    /// rendered bodies is keyed by.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

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
        guard let document = studyguide_parser_finish(parser) else { return .empty }
        defer { cmark_node_free(document) }

        var walk = TreeWalk(options: options)
        walk.visit(document)
        // The extension list belongs to the parser, which is still alive here.
        let extensions = cmark_parser_get_syntax_extensions(parser)
        // Every `<pre>` cmark writes is a code block's unless raw HTML writes its own: then the copy
        // looks for them. Otherwise each block becomes a custom block whose literal opens focusable,
        // those cmark writes rendered alone first, and the copy has nothing to find.
        let searchesForPre = options.focusableCodeBlocks && options.allowRawHTML && walk.hasRawHTML
        if options.focusableCodeBlocks, !searchesForPre { walk.renderPlainCodeBlocks(options: cmarkOptions, extensions: extensions) }
        // Replaced headings are freed only after rendering: their inline children, now under
        // the custom blocks, may still point into the heading's content buffer (found by fuzzing).
        let detached = (options.headingIDs ? walk.anchorHeadings() : [])
            + walk.replaceCodeBlocks(focusable: options.focusableCodeBlocks && !searchesForPre)
        defer { for node in detached { cmark_node_free(node) } }

        guard let rendered = cmark_render_html(document, cmarkOptions, extensions) else { return .empty }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return RenderedMarkdown(
            html: HTMLCopy.finishing(rendered, removingSentinels: options.headingIDs, searchingForPre: searchesForPre),
            headings: walk.headings,
            plainText: walk.plainText.string,
            links: walk.links,
            paragraphs: walk.paragraphs
        )
    }

    /// Renders Markdown text.
    public static func render(_ markdown: String, options: MarkdownOptions = .init()) -> RenderedMarkdown {
        render(Array(markdown.utf8), options: options)
    }

    /// Whether documents parse their inlines in parallel: cmark-gfm switches a process-wide
    /// table of trigger characters inside `cmark_parser_finish`, and CCmarkInlineTable takes
    /// that switch over where the library lets it (it tells after the first document).
    public static var parsesInlinesInParallel: Bool { studyguide_parallel_inlines() != 0 }

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
    var plainText = CollapsedText()
    var links: [RenderedMarkdown.Link] = []
    var paragraphs: [RenderedMarkdown.Paragraph] = []
    private var paragraphStart: (offset: Int, line: Int)?
    private var headingNodes: [OpaquePointer] = []
    /// Code blocks with their HTML (NUL-terminated), which starts `CodeBlockLiteral.room` bytes in.
    private var renderedCodeBlocks: [(node: OpaquePointer, html: [UInt8])] = []
    /// Code blocks left to cmark (no `options.codeBlocks`, or it declined them).
    private var plainCodeBlocks: [OpaquePointer] = []
    /// Whether the document holds raw HTML (dropped unless `options.allowRawHTML`).
    private(set) var hasRawHTML = false
    private var slugger = HeadingSlugger()

    init(options: MarkdownOptions) {
        self.options = options
    }

    mutating func visit(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var headingText: CollapsedText? = nil
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = cmark_node_get_literal(node)
                plainText.append(literal)
                headingText?.append(literal)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                plainText.appendSpace()
                headingText?.appendSpace()
            case CMARK_NODE_CODE_BLOCK:
                plainText.appendSpace()
                plainText.append(cmark_node_get_literal(node))
                plainText.appendSpace()
                if let renderer = options.codeBlocks, render(codeBlock: node, with: renderer) { break }
                plainCodeBlocks.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                hasRawHTML = true
            case CMARK_NODE_HEADING:
                if entering {
                    headingText = CollapsedText()
                } else {
                    let text = headingText?.string ?? ""
                    let id = options.headingIDs ? slugger.id(for: text) : ""
                    headings.append(.init(
                        level: Int(cmark_node_get_heading_level(node)),
                        text: text,
                        id: id,
                        line: Int(cmark_node_get_start_line(node))
                    ))
                    headingNodes.append(node)
                    headingText = nil
                    plainText.appendSpace()
                }
            case CMARK_NODE_PARAGRAPH:
                if entering {
                    paragraphStart = (plainText.count, Int(cmark_node_get_start_line(node)))
                } else if let start = paragraphStart {
                    if options.collectParagraphs {
                        let text = plainText.string(from: start.offset)
                        if !text.isEmpty { paragraphs.append(.init(text: text, line: start.line)) }
                    }
                    paragraphStart = nil
                    plainText.appendSpace()
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering { recordLink(node, isImage: type == CMARK_NODE_IMAGE) }
            default:
                // Block boundaries separate words in the plain text.
                if !entering, type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                    plainText.appendSpace()
                }
            }
        }
    }

    private mutating func render(codeBlock node: OpaquePointer, with renderer: any CodeBlockRendering) -> Bool {
        func bytes(_ text: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
            guard let text else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
        }
        var html = CodeBlockLiteral.start
        // An indented block has no info string: cmark-gfm gives it an empty one, like a bare fence.
        guard renderer.render(info: bytes(cmark_node_get_fence_info(node)), code: bytes(cmark_node_get_literal(node)), into: &html) else {
            return false
        }
        html.append(0)
        renderedCodeBlocks.append((node, html))
        return true
    }

    /// Renders each code block left to cmark on its own, for `replaceCodeBlocks`: a code block's
    /// HTML does not depend on what is around it, and a custom block stands on its own lines as a
    /// code block does, so the page's bytes are the same.
    mutating func renderPlainCodeBlocks(options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) {
        for node in plainCodeBlocks {
            guard let rendered = cmark_render_html(node, options, extensions) else { continue }
            defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
            var html = CodeBlockLiteral.start
            html.append(contentsOf: UnsafeRawBufferPointer(start: rendered, count: strlen(rendered) + 1))
            renderedCodeBlocks.append((node, html))
        }
        plainCodeBlocks = []
    }

    /// Puts each rendered code block's HTML in its place, as a custom block (whose literals
    /// survive safe mode: they are ours, not the document's); with `focusable`, its `<pre>` opens
    /// as `<pre tabindex="0">`. Returns the replaced nodes, which the caller frees after rendering.
    mutating func replaceCodeBlocks(focusable: Bool) -> [OpaquePointer] {
        var detached: [OpaquePointer] = []
        for (node, var html) in renderedCodeBlocks {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let start = focusable ? CodeBlockLiteral.makeFocusable(&html) : CodeBlockLiteral.room
            html.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_on_enter(block, $0.baseAddress! + start) }
            }
            cmark_node_replace(node, block)
            detached.append(node)
        }
        renderedCodeBlocks = []
        return detached
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
        // The two literals are written as C strings into one reused buffer: interpolating Strings
        // cost more than the rest of anchoring a heading.
        var literal: [UInt8] = []
        func set(_ setter: (OpaquePointer?, UnsafePointer<CChar>?) -> Int32, _ block: OpaquePointer, _ write: (inout [UInt8]) -> Void) {
            literal.removeAll(keepingCapacity: true)
            write(&literal)
            literal.append(0)
            literal.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = setter(block, $0.baseAddress) }
            }
        }
        for (node, heading) in zip(headingNodes, headings) {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            var id = heading.id.escapedForAttribute()
            let level = UInt8(ascii: "0") + UInt8(heading.level)  // one digit: cmark's headings are 1–6
            // "\u{1}" is the `Sentinel` byte.
            set(cmark_node_set_on_enter, block) { literal in
                literal.append("<h"); literal.append(level); literal.append(" id=\"")
                id.withUTF8 { literal += $0 }
                literal.append("\">\u{1}")
            }
            set(cmark_node_set_on_exit, block) { literal in
                literal.append("\u{1}<a class=\"anchor\" href=\"#")
                id.withUTF8 { literal += $0 }
                literal.append("\" aria-label=\"Link to this section\">#</a></h"); literal.append(level); literal.append(">")
            }
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            detached.append(node)
        }
        return detached
    }
}

/// Text gathered from cmark's literals with every run of ASCII whitespace already folded
/// into one space and none at either end: what `collapsingWhitespace()` gives for the
/// whole text, made as the bytes arrive instead of in a second pass over a `String`.
struct CollapsedText {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    /// The bytes so far; a paragraph remembers where it started.
    var count: Int { bytes.count }

    var string: String { String(checkedUTF8: bytes) }

    /// The text from `offset` on, without the space that separated it from what came before.
    func string(from offset: Int) -> String {
        let tail = bytes[offset...]
        return (tail.first == 0x20 ? tail.dropFirst() : tail).withUnsafeBufferPointer { String(checkedUTF8: $0) }
    }

    mutating func appendSpace() {
        pendingSpace = true
    }

    mutating func append(_ literal: UnsafePointer<CChar>?) {
        guard let literal else { return }
        let length = strlen(literal)
        guard length > 0 else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            let text = UnsafeBufferPointer(start: start, count: length)
            if Self.isSingleSpaced(text) { appendSingleSpaced(text) } else { appendFolding(text) }
        }
    }

    /// Whether the only whitespace is single spaces (the common literal: a run of prose). Eight
    /// bytes at a time: a branch per space cost more than the copy.
    private static func isSingleSpaced(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let base = UnsafeRawPointer(text.baseAddress!)
        var index = 0
        var spaceBefore = false
        while index + 8 <= text.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Some byte below 0x20: a tab or line break perhaps; the byte loop below decides.
            if (word &- ones &* 0x20) & ~word & high != 0 { break }
            // The high bit of each byte that is a space, exactly (no borrow between bytes).
            let folded = word ^ (ones &* 0x20)
            let spaces = ~(((folded & low) &+ low) | folded | low)
            // Two spaces side by side, inside the word or across the previous one.
            if spaces & (spaces >> 8) != 0 || (spaceBefore && spaces & 0x80 != 0) { return false }
            spaceBefore = spaces >> 63 != 0
            index += 8
        }
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 {
                if spaceBefore { return false }
                spaceBefore = true
            } else {
                if byte.isASCIIWhitespace { return false }
                spaceBefore = false
            }
            index += 1
        }
        return true
    }

    /// A literal whose whitespace is single spaces, copied whole but for a space at either end,
    /// which only asks for a space before the next word.
    private mutating func appendSingleSpaced(_ text: UnsafeBufferPointer<UInt8>) {
        let leading = text[0] == 0x20
        let trailing = text[text.count - 1] == 0x20
        if leading { pendingSpace = true }
        let start = leading ? 1 : 0
        let end = trailing ? text.count - 1 : text.count
        if end > start {
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start ..< end]))
        }
        if trailing { pendingSpace = true }
    }

    /// Any literal: each run of whitespace asks for one space, each word is copied in one piece.
    private mutating func appendFolding(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < text.count {
            while index < text.count, text[index].isASCIIWhitespace {
                pendingSpace = true
                index += 1
            }
            guard index < text.count else { break }
            let wordStart = index
            while index < text.count, !text[index].isASCIIWhitespace { index += 1 }
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[wordStart ..< index]))
        }
    }
}

private extension UInt8 {
    var isASCIIWhitespace: Bool { self <= 0x20 && (self == 0x20 || (0x09 ... 0x0D).contains(self)) }
}

/// cmark puts custom blocks on lines of their own; a sentinel next to our heading
/// literals marks the line breaks to drop, in one pass, so the heading reads
/// `<h2 id="x">Text<a …>#</a></h2>`. The loader rejects control characters in
/// content, so the sentinel cannot come from a document.
private enum Sentinel {
    static let byte: Int32 = 1
}

/// A code block's HTML as a custom block's literal: `room` bytes kept free in front, so that
/// its opening `<pre>` can become `<pre tabindex="0">` in place.
private enum CodeBlockLiteral {
    static let pre: StaticString = "<pre>"
    static let focusablePre: StaticString = "<pre tabindex=\"0\">"
    static let room = focusablePre.utf8CodeUnitCount - pre.utf8CodeUnitCount
    static var start: [UInt8] { [UInt8](repeating: 0, count: room) }

    /// Opens the block's `<pre>` as focusable; returns where the literal now starts.
    static func makeFocusable(_ html: inout [UInt8]) -> Int {
        let preBytes = UnsafeBufferPointer(start: pre.utf8Start, count: pre.utf8CodeUnitCount)
        guard html.count >= room + preBytes.count, html[room ..< room + preBytes.count].elementsEqual(preBytes) else { return room }
        html.withUnsafeMutableBufferPointer { bytes in
            _ = bytes.initialize(from: UnsafeBufferPointer(start: focusablePre.utf8Start, count: focusablePre.utf8CodeUnitCount))
        }
        return 0
    }
}

/// The one copy of cmark's HTML into a String: sentinels dropped with the line breaks next to
/// them, and, when raw HTML may write its own, every `<pre>` made focusable, in a single pass that
/// copies the text between them in pieces.
private enum HTMLCopy {
    private static let pre = CodeBlockLiteral.pre
    private static let focusablePre = CodeBlockLiteral.focusablePre

    static func finishing(_ html: UnsafePointer<CChar>, removingSentinels: Bool, searchingForPre: Bool) -> String {
        let length = strlen(html)
        return html.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            let source = UnsafeBufferPointer(start: start, count: length)
            guard removingSentinels || searchingForPre else { return String(checkedUTF8: source) }
            // memmem finds the few tags in megabytes of HTML far faster than a byte loop.
            func nextPre(from index: Int) -> Int {
                guard searchingForPre, index < length,
                      let found = studyguide_find_bytes(start + index, length - index, pre.utf8Start, pre.utf8CodeUnitCount)
                else { return length }
                return start.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            func nextSentinel(from index: Int) -> Int {
                guard removingSentinels, index < length, let found = memchr(start + index, Sentinel.byte, length - index) else { return length }
                return start.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            // Found once, before the copy, which needs to know how much room they take.
            var blocks: [Int] = []
            var at = nextPre(from: 0)
            while at < length {
                blocks.append(at)
                at = nextPre(from: at + pre.utf8CodeUnitCount)
            }
            blocks.append(length)
            var nextBlock = 0
            let growth = focusablePre.utf8CodeUnitCount - pre.utf8CodeUnitCount
            // Into an array, then a String: `String(unsafeUninitializedCapacity:)` would check the
            // bytes with the standard library's slower validator.
            // Never with no room: an empty array made that way writes its count into the one empty
            // array every thread shares (a data race ThreadSanitizer reports, if a harmless one).
            let capacity = length + (blocks.count - 1) * growth
            let copied = capacity == 0 ? [] : [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
                written = 0
                func copy(_ range: Range<Int>) {
                    guard !range.isEmpty else { return }
                    _ = UnsafeMutableBufferPointer(rebasing: output[written...]).initialize(from: UnsafeBufferPointer(rebasing: source[range]))
                    written += range.count
                }
                var index = 0
                var block = blocks[0]
                var sentinel = nextSentinel(from: 0)
                while true {
                    let end = min(block, sentinel)
                    copy(index ..< end)
                    guard end < length else { break }
                    if end == sentinel {
                        // The line breaks cmark put before and after the sentinel go with it.
                        if written > 0, output[written - 1] == 0x0A { written -= 1 }
                        index = end + 1
                        if index < length, source[index] == 0x0A { index += 1 }
                        sentinel = nextSentinel(from: index)
                    } else {
                        _ = UnsafeMutableBufferPointer(rebasing: output[written...])
                            .initialize(from: UnsafeBufferPointer(start: focusablePre.utf8Start, count: focusablePre.utf8CodeUnitCount))
                        written += focusablePre.utf8CodeUnitCount
                        index = end + pre.utf8CodeUnitCount
                        nextBlock += 1
                        block = blocks[nextBlock]
                    }
                }
            }
            return String(checkedUTF8: copied)
        }
    }
}

private extension RenderedMarkdown {
    static let empty = RenderedMarkdown(html: "", headings: [], plainText: "", links: [])
}

extension String {
    /// `&`, `"`, `<` and `>` as entities, on bytes (a heading id is escaped for every heading).
    func escapedForAttribute() -> String {
        var text = self
        return text.withUTF8 { bytes in
            func isSpecial(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            }
            guard bytes.contains(where: isSpecial) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out.append("&amp;")
                case UInt8(ascii: "\""): out.append("&quot;")
                case UInt8(ascii: "<"): out.append("&lt;")
                case UInt8(ascii: ">"): out.append("&gt;")
                default: out.append(byte)
                }
            }
            return String(checkedUTF8: out)
        }
    }
}

extension [UInt8] {
    /// Appends a literal's bytes in one copy (appending a String's UTF-8 view went through its
    /// generic iterator, and cost as much as the rest of anchoring a heading).
    mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
