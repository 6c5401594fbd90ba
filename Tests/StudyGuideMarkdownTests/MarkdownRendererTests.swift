// Covers: heading ids and anchors, plain text, link collection and rewriting, safe mode.
import Testing
import StudyGuideMarkdown

@Suite struct MarkdownRendererTests {
    @Test func headingsGetStableUniqueIDsAndAnchors() {
        let rendered = MarkdownRenderer.render("## Trade-offs\n\ntext\n\n## Trade-offs\n\n### Über *fast* `code`\n")
        #expect(rendered.headings.map(\.id) == ["trade-offs", "trade-offs-1", "über-fast-code"])
        #expect(rendered.headings.map(\.level) == [2, 2, 3])
        #expect(rendered.headings.map(\.line) == [1, 5, 7])
        #expect(rendered.html.hasPrefix(
            "<h2 id=\"trade-offs\">Trade-offs<a class=\"anchor\" href=\"#trade-offs\" aria-label=\"Link to this section\">#</a></h2>\n"))
        #expect(rendered.html.contains("<h3 id=\"über-fast-code\">Über <em>fast</em> <code>code</code><a class=\"anchor\""))
    }

    @Test func headingTextIsEscapedInsideTheID() {
        let rendered = MarkdownRenderer.render("## a \"quoted\" <b>word</b>\n")
        #expect(rendered.headings[0].id == "a-quoted-word")  // inline HTML is not text
        #expect(!rendered.html.contains("<b>"))
    }

    @Test func withoutHeadingIDsTheHTMLIsCmarks() {
        let rendered = MarkdownRenderer.render("# Title\n", options: .init(headingIDs: false))
        #expect(rendered.html == "<h1>Title</h1>\n")
    }

    @Test func plainTextCollapsesWhitespaceAndKeepsCode() {
        let rendered = MarkdownRenderer.render("# A *b*\n\nSome `code`\nand more.\n\n```\nlet x = 1\n```\n\n| h | i |\n|---|---|\n| 1 | 2 |\n")
        #expect(rendered.plainText == "A b Some code and more. let x = 1 h i 1 2")
    }

    @Test func rawHTMLIsDroppedInSafeModeAndKeptWhenAllowed() {
        let markdown = "<div onclick=\"x()\">raw</div>\n\n[x](javascript:alert(1))\n\n<script>alert(1)</script>\n"
        let safe = MarkdownRenderer.render(markdown)
        #expect(!safe.html.contains("<script"))
        #expect(!safe.html.contains("<div"))
        #expect(!safe.html.contains("javascript:"))
        let unsafe = MarkdownRenderer.render(markdown, options: .init(allowRawHTML: true))
        #expect(unsafe.html.contains("<div onclick=\"x()\">raw</div>"))
        #expect(unsafe.html.contains("&lt;script>"))  // the tagfilter extension still disarms <script>
    }

    @Test func linksAreCollectedWithPositionsAndRewritten() {
        let options = MarkdownOptions(rewriteDestination: { $0.hasSuffix(".md") ? String($0.dropLast(3)) + ".html" : nil })
        let rendered = MarkdownRenderer.render("See [a](other.md) and\n![img](pic.png).\n", options: options)
        #expect(rendered.links == [
            .init(destination: "other.md", isImage: false, line: 1, column: 5),
            .init(destination: "pic.png", isImage: true, line: 2, column: 1),
        ])
        #expect(rendered.html.contains("<a href=\"other.html\">a</a>"))
        #expect(rendered.html.contains("<img src=\"pic.png\""))
    }

    @Test func gfmExtensionsAreOn() {
        let html = MarkdownRenderer.render("~~old~~ www.example.org\n\n- [x] done\n\nNote[^1]\n\n[^1]: here\n").html
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
    }
}

/// Regression: cmark-gfm toggles a global table of inline trigger characters in
/// `cmark_parser_finish`; unserialised, parallel renders lost strikethrough and autolinks.
/// CCmarkInlineTable keeps the table filled instead, so documents finish in parallel.
@Suite struct ParallelRenderingTests {
    @Test func inlinesAreParsedInParallelWithDebiansLibrary() {
        _ = MarkdownRenderer.render("~~first~~ document\n")
        #expect(MarkdownRenderer.parsesInlinesInParallel)
    }

    @Test func parsersWithOtherExtensionsSwapTheTableSafely() async {
        var plain = MarkdownOptions()
        plain.extensions = [.table]
        let options = [MarkdownOptions(), plain]
        let html = await withTaskGroup(of: [(Int, String)].self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<200).map { round in
                        let kind = (task + round) % 2
                        return (kind, MarkdownRenderer.render("~~gone~~ and www.example.org\n", options: options[kind]).html)
                    }
                }
            }
            return await group.reduce(into: [(Int, String)]()) { $0 += $1 }
        }
        let expected = [
            "<p><del>gone</del> and <a href=\"http://www.example.org\">www.example.org</a></p>\n",
            "<p>~~gone~~ and www.example.org</p>\n",
        ]
        #expect(html.count == 1600)
        #expect(html.allSatisfy { expected[$0.0] == $0.1 })
    }

    @Test func concurrentRendersKeepInlineExtensions() async {
        let html = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<300).map { _ in MarkdownRenderer.render("~~gone~~ and www.example.org\n").html }
                }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        let expected = "<p><del>gone</del> and <a href=\"http://www.example.org\">www.example.org</a></p>\n"
        #expect(html.count == 2400)
        #expect(html.allSatisfy { $0 == expected })
    }
}
