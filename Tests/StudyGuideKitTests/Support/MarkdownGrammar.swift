/// Markdown documents from a small grammar: nested lists and block quotes, tables, fenced and
/// indented code, headings, emphasis, strikethrough, links, images, reference definitions, raw
/// HTML, entities, autolinks, footnotes and task lists. A document depends only on its seed, so
/// `MarkdownGrammar.document(seed:)` reproduces any document a test reports.
struct MarkdownGrammar {
    static func document(seed: UInt64) -> String {
        var grammar = MarkdownGrammar(random: SplitMix64(seed: seed))
        return grammar.document()
    }

    private var random: SplitMix64

    private mutating func document() -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.below(7)) {
            lines += block(depth: 0)
            // Usually a blank line between blocks; without one, a block may interrupt a
            // paragraph or continue it lazily.
            if random.chance(75) { lines.append("") }
        }
        return lines.joined(separator: "\n") + (random.chance(90) ? "\n" : "")
    }

    // MARK: Blocks

    private mutating func block(depth: Int) -> [String] {
        let nested = depth < 3
        switch random.below(nested ? 17 : 13) {
        case 0, 1, 2: return paragraph()
        case 3: return [String(repeating: "#", count: 1 + random.below(7)) + " " + inline(depth: 0) + (random.chance(20) ? " ##" : "")]
        case 4: return [inline(depth: 0), random.pick(["===", "---", "  ==  ", "-"])]
        case 5: return [random.pick(["***", "---", "___", "- - -", " * * *", "_ _"])]
        case 6: return fencedCode()
        case 7: return ["    " + random.pick(Self.codeLines), random.chance(50) ? "\t" + random.pick(Self.codeLines) : "        nested indent"]
        case 8: return table()
        case 9: return random.pick(Self.htmlBlocks)
        case 10: return [referenceDefinition()]
        case 11: return footnoteDefinition(depth: depth)
        case 12: return paragraph() + [random.pick(["| a | b |", "|-|-|", "> lazy?", "- item", "1. one", "```"])]
        case 13, 14: return blockQuote(depth: depth)
        default: return list(depth: depth)
        }
    }

    private mutating func paragraph() -> [String] {
        (0..<(1 + random.below(3))).map { _ in
            var line = inline(depth: 0)
            if random.chance(12) { line += random.pick(["  ", "\\", "   "]) }  // hard line breaks
            return line
        }
    }

    private mutating func fencedCode() -> [String] {
        let fence = random.pick(["```", "~~~", "````", "~~~~~"])
        let info = random.pick(["", "swift", " js title=\"x\"", "<b>", "a&amp;b", "py {.x}", "`weird`"])
        var lines = [fence + info]
        for _ in 0..<random.below(4) { lines.append(random.pick(Self.codeLines)) }
        if random.chance(85) { lines.append(random.chance(80) ? fence : fence + fence.prefix(1)) }  // sometimes left open
        return lines
    }

    private mutating func table() -> [String] {
        let columns = 1 + random.below(4)
        let pipes = random.chance(70)
        func row(_ cells: [String]) -> String {
            pipes ? "| " + cells.joined(separator: " | ") + " |" : cells.joined(separator: " | ")
        }
        var lines = [row((0..<columns).map { _ in cell() })]
        lines.append(row((0..<columns).map { _ in random.pick(["---", ":--", "--:", ":-:", "-", ":---:"]) }))
        for _ in 0..<random.below(4) {
            let count = max(1, columns + random.pick([0, 0, 0, -1, 1]))
            lines.append(row((0..<count).map { _ in cell() }))
        }
        return lines
    }

    private mutating func cell() -> String {
        random.pick(["", "`a \\| b`", "x\\|y", "**bold**", "&amp;", "<b>x</b>", "[l](/u)", "~~s~~", "é"]) + " " + inline(depth: 2)
    }

    private mutating func referenceDefinition() -> String {
        "[" + random.pick(Self.labels) + "]: " + destination() + random.pick(["", " \"title\"", " 'it''s'", " (paren)", "\n  \"next line title\""])
    }

    private mutating func footnoteDefinition(depth: Int) -> [String] {
        var lines = ["[^" + random.pick(Self.footnoteLabels) + "]: " + inline(depth: 0)]
        if random.chance(40), depth < 3 {
            lines.append("")
            lines += block(depth: depth + 1).map { $0.isEmpty ? "" : "    " + $0 }
        }
        return lines
    }

    private mutating func blockQuote(depth: Int) -> [String] {
        var lines: [String] = []
        for index in 0..<(1 + random.below(3)) {
            if index > 0 { lines.append("") }
            lines += block(depth: depth + 1)
        }
        let lazy = random.chance(15)
        return lines.enumerated().map { index, line in
            if lazy, index > 0, !line.isEmpty { return line }
            return line.isEmpty ? ">" : random.pick(["> ", ">", " > "]) + line
        }
    }

    private mutating func list(depth: Int) -> [String] {
        let ordered = random.chance(40)
        let bullet = random.pick(["-", "*", "+"])
        let delimiter = random.pick([".", ")"])
        let start = random.pick([1, 1, 0, 3, 10, 123456789])
        let loose = random.chance(30)
        var lines: [String] = []
        for item in 0..<(1 + random.below(4)) {
            if loose, item > 0 { lines.append("") }
            let marker = (ordered ? "\(start + item)\(delimiter)" : bullet) + random.pick([" ", " ", "  ", "\t"])
            let task = !ordered && random.chance(35) ? random.pick(["[ ] ", "[x] ", "[X] ", "[-] ", "[ ]"]) : ""
            var body = random.chance(20) ? [inline(depth: 0)] : block(depth: depth + 1)
            if random.chance(30) { body += [""] + block(depth: depth + 1) }
            let indent = String(repeating: " ", count: marker.hasSuffix("\t") ? marker.count + 3 : marker.count)
            for (index, line) in body.enumerated() {
                if index == 0 {
                    lines.append(marker + task + line)
                } else {
                    lines.append(line.isEmpty ? "" : (random.chance(5) ? "" : indent) + line)
                }
            }
        }
        return lines
    }

    // MARK: Inlines

    private mutating func inline(depth: Int) -> String {
        var text = ""
        for index in 0..<(1 + random.below(6)) {
            if index > 0 { text += random.chance(85) ? " " : "" }
            text += piece(depth: depth)
        }
        return text
    }

    private mutating func piece(depth: Int) -> String {
        let deeper = depth < 3
        switch random.below(deeper ? 24 : 14) {
        case 0, 1, 2, 3: return random.pick(Self.words)
        case 4: return random.pick(Self.entities)
        case 5: return random.pick(Self.rawInlineHTML)
        case 6: return "`" + random.pick(Self.codeLines) + "`"
        case 7: return random.pick(["``a ` b``", "` `` `", "`x", "```", "`` x ``"])
        case 8: return random.pick(Self.autolinks)
        case 9: return "[^" + random.pick(Self.footnoteLabels) + "]"
        case 10: return random.pick(["\\*", "\\[", "\\\\", "\\<", "\\&amp;", "\\`", "\\~", "\\|", "\\!", "\\_"])
        case 11: return random.pick(["*", "_", "**", "__", "~", "~~", "[", "]", "(", ")", "!", "<", ">", "&", "\"", "'", "|", "\\"])
        case 12: return "[" + random.pick(Self.labels) + "]" + random.pick(["", "[]", "[" + random.pick(Self.labels) + "]"])
        case 13: return "![" + random.pick(Self.words) + "](" + destination() + ")"
        case 14, 15:
            let marker = random.pick(["*", "_", "**", "__", "***", "~", "~~", "*_", "_*"])
            let inner = inline(depth: depth + 1)
            return marker + inner + String(marker.reversed()) + (random.chance(10) ? "x" : "")
        case 16: return random.pick(["*", "_", "**"]) + inline(depth: depth + 1)  // unclosed delimiter run
        case 17, 18: return "[" + inline(depth: depth + 1) + "](" + destination() + random.pick(["", " \"t\"", " 'q'", " (p)"]) + ")"
        case 19: return "![" + inline(depth: depth + 1) + "][" + random.pick(Self.labels) + "]"
        case 20: return "<span title=\"" + random.pick(Self.words) + "\">" + inline(depth: depth + 1) + "</span>"
        case 21: return random.pick(["snake_case_word", "2*3*4", "a * b", "_ x _", "foo**bar**baz", "__init__", "~~~"])
        default: return random.pick(Self.words) + random.pick([".", ",", "!", "?", ":", ";", "'s", "\""])
        }
    }

    private mutating func destination() -> String {
        random.pick([
            "/path", "other.md", "other.md#part", "https://example.com/a?b=1&c=2", "<with spaces.md>", "javascript:alert(1)",
            "JAVASCRIPT:x", "data:text/html,x", "data:image/png;base64,AA", "vbscript:msgbox", "file:///etc/passwd", "#anchor",
            "", "<>", "a(b)c", "a\\)b", "%20x", "é.md", "mailto:a@b.co", "\"quote\"", "&amp;", "x&y",
        ])
    }

    // MARK: Vocabulary

    private static let words = [
        "word", "cache", "index", "Über", "naïve", "日本語", "🙂", "Ω", "café", "a", "I/O", "x", "CAP", "p99", "foo", "bar",
        "don't", "100%", "$5", "C#", "1.", "-", "+", "#", "=", "tab\there", "nbsp\u{00A0}x", "zero\u{200B}width",
    ]
    private static let entities = [
        "&amp;", "&lt;", "&gt;", "&quot;", "&copy;", "&nbsp;", "&#35;", "&#x22;", "&#X41;", "&#0;", "&#xD800;", "&#1234567;",
        "&foo;", "&amp", "&MadeUpEntity;", "&ouml;", "&ngE;", "& ", "&#;", "&#x;",
    ]
    private static let rawInlineHTML = [
        "<b>", "</b>", "<em class=\"x\">e</em>", "<script>alert(1)</script>", "<iframe src=x>", "<!-- comment -->", "<!-->",
        "<?php echo 1; ?>", "<![CDATA[x]]>", "<!DOCTYPE html>", "<a href=\"javascript:alert(1)\">j</a>", "<img src=x onerror=y>",
        "<textarea>", "<xmp>", "<title>", "<style>", "<noembed>", "<plaintext>", "</script>", "<br/>", "<x-y z='1'>", "<a/b>",
    ]
    private static let autolinks = [
        "<https://example.com>", "<mailto:x@y.z>", "<a@b.co>", "www.example.com", "www.example.com/path(x)", "https://a.b/c?d=e&f=g.",
        "http://x.y/z)", "a.b@c.de", "x@y", "ftp://f.g", "<javascript:alert(1)>", "www.commonmark.org/he<lp", "https://é.fr/ü",
        "xmpp:a@b.c/d", "mailto:a@b.c", "Www.Example.com", "www.a_b.c",
    ]
    private static let labels = ["foo", "Foo", "bar", "1", "ü", "a b", "x*y*", "\\]", "URL"]
    private static let footnoteLabels = ["1", "2", "note", "Note", "x y", "w", "_", "ü", "^"]
    private static let codeLines = [
        "let x = 1", "<div>not html</div>", "**not bold**", "# not a heading", "| not | table |", "- not a list", "&amp; stays",
        "\ttabbed", "", "```", "    four spaces", "> not quote", "[^1]", "~~~",
    ]
    private static let htmlBlocks: [[String]] = [
        ["<div>", "*markdown?*", "</div>"], ["<div class=\"x\">text <b>bold</b></div>"], ["<!-- a comment", "over lines -->"],
        ["<script>", "alert('x') // **", "</script>"], ["<pre>", "  pre *text*", "</pre>"], ["<table><tr><td>", "cell", "</td></tr></table>"],
        ["<textarea>", "raw <b>", "</textarea>"], ["<xmp>x</xmp>"], ["<?php", "echo 1;", "?>"], ["<!DOCTYPE html>"],
        ["<![CDATA[", "x < y", "]]>"], ["<iframe src=\"x\"></iframe>"], ["<style>p { color: red }</style>"],
        ["<custom-element attr=1>", "still html"], ["</div>"], ["<DIV>", "", "*after blank*"], ["<plaintext>", "x"],
    ]
}

/// A small deterministic generator (SplitMix64): the same seed gives the same numbers on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<bound, nearly uniform (bound is small).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True `percent` times in 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}
