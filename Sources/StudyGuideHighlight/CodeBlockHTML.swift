/// Writes a code block as HTML: `<pre><code class="language-…">`, the text escaped, each token in a
/// `<span class="…">`, and with `linenos` or `hl_lines` every line in a
/// `<span class="line" data-n="…">` (`line marked` for the marked ones). Line numbers are drawn by
/// CSS from `data-n`, so the element's text is exactly the block's text: copying, searching and
/// the page's plain text never see them. Spans never cross a line's span: the markup is
/// well-formed by construction.
struct CodeBlockHTML {
    let source: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let info: FenceInfo

    func write(languageClass: UnsafeBufferPointer<UInt8>, into html: inout [UInt8]) {
        html += Self.openPre
        if !languageClass.isEmpty {
            html += Self.classOpen
            Self.escape(languageClass, into: &html)
            html.append(UInt8(ascii: "\""))
        }
        html.append(UInt8(ascii: ">"))
        if info.wrapsLines {
            writeLines(into: &html)
        } else {
            writeTokens(from: 0, to: source.count, tokenIndex: 0, into: &html)
        }
        html += Self.closePre
    }

    private func writeLines(into html: inout [UInt8]) {
        var lineStart = 0
        var line = 1
        var tokenIndex = 0
        while lineStart < source.count {
            var lineEnd = lineStart
            while lineEnd < source.count, source[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd < source.count { lineEnd += 1 }  // the line break stays inside the line
            html += info.isMarked(line) ? Self.markedLineOpen : Self.lineOpen
            if info.lineNumbers {
                html += Self.numberOpen
                html += String(info.firstLine + line - 1).utf8
                html.append(UInt8(ascii: "\""))
            }
            html.append(UInt8(ascii: ">"))
            tokenIndex = writeTokens(from: lineStart, to: lineEnd, tokenIndex: tokenIndex, into: &html)
            html += Self.spanClose
            lineStart = lineEnd
            line += 1
        }
    }

    /// The bytes `start..<end` with their tokens; returns the first token not yet finished.
    @discardableResult
    private func writeTokens(from start: Int, to end: Int, tokenIndex: Int, into html: inout [UInt8]) -> Int {
        var position = start
        var index = tokenIndex
        while index < tokens.count, tokens[index].end <= start { index += 1 }
        while position < end {
            guard index < tokens.count, tokens[index].start < end else {
                Self.escape(UnsafeBufferPointer(rebasing: source[position ..< end]), into: &html)
                break
            }
            let token = tokens[index]
            let tokenStart = max(token.start, position), tokenEnd = min(token.end, end)
            if tokenStart > position {
                Self.escape(UnsafeBufferPointer(rebasing: source[position ..< tokenStart]), into: &html)
            }
            html += Self.openTags[Int(token.kind.rawValue)]
            Self.escape(UnsafeBufferPointer(rebasing: source[tokenStart ..< tokenEnd]), into: &html)
            html += Self.spanClose
            position = tokenEnd
            if token.end <= end { index += 1 } else { break }  // it goes on in the next line
        }
        return index
    }

    /// `&`, `<`, `>` and `"` as entities, as cmark-gfm escapes code; other bytes copied in runs.
    static func escape(_ text: UnsafeBufferPointer<UInt8>, into html: inout [UInt8]) {
        var runStart = 0
        for index in 0 ..< text.count {
            let entity: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: continue
            }
            if index > runStart { html += UnsafeBufferPointer(rebasing: text[runStart ..< index]) }
            html += UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount)
            runStart = index + 1
        }
        if runStart < text.count { html += UnsafeBufferPointer(rebasing: text[runStart...]) }
    }

    private static let openPre = Array("<pre><code".utf8)
    private static let classOpen = Array(" class=\"language-".utf8)
    private static let closePre = Array("</code></pre>".utf8)
    private static let lineOpen = Array("<span class=\"line\"".utf8)
    private static let markedLineOpen = Array("<span class=\"line marked\"".utf8)
    private static let numberOpen = Array(" data-n=\"".utf8)
    /// `<span class="keyword">` and the rest, by `TokenClass.rawValue`.
    private static let openTags: [[UInt8]] = [[]] + TokenClass.allCases.map { Array("<span class=\"\($0.name)\">".utf8) }
    private static let spanClose = Array("</span>".utf8)
}
