// Covers: a body let go after parsing is read back exactly, whatever the file's line ends, and an
// edit made in between is noticed instead of rendered with the old front-matter.
import Foundation
import Testing
@testable import StudyGuideKit
import StudyGuideHighlight
import StudyGuideMarkdown

@Suite struct MarkdownBodyTests {
    /// Parses `text` as the build does (decode, split, detach) from a real file.
    private func detachedBody(of text: String) throws -> (MarkdownBody, URL) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-body-\(UUID().uuidString).md")
        try Data(text.utf8).write(to: file)
        let raw = [UInt8](try Data(contentsOf: file))
        let decoded = try #require(SourceText.decode(raw, path: "q.md").0)
        let split = try #require(FrontMatterSplit.split(decoded).0)
        let body = MarkdownBody(bytes: split.body, firstLine: split.bodyFirstLine)
        return (body.detached(from: file.path, normalised: decoded.normalised), file)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func aDetachedBodyReadsBackAsParsed(_ lineEnd: String) throws {
        let text = ["---", "title: T", "---", "", "## Heading", "", "Body text é ✓."].joined(separator: lineEnd)
        let (body, file) = try detachedBody(of: "\u{FEFF}" + text)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(body.bytes.isEmpty)
        let loaded = try #require(body.load())
        #expect(String(decoding: loaded, as: UTF8.self) == "\n## Heading\n\nBody text é ✓.")
    }

    /// A build detaches the bodies of content/ without a path each: the document's content path
    /// inside the content folder names the file.
    @Test func aBodyDetachedInsideAFolderIsReadByItsContentPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-body-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("databases"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("---\ntitle: T\n---\nThe answer.\n".utf8).write(to: folder.appendingPathComponent("databases/indexes.md"))
        let decoded = try #require(SourceText.decode(Array("---\ntitle: T\n---\nThe answer.\n".utf8), path: "q.md").0)
        let split = try #require(FrontMatterSplit.split(decoded).0)
        let body = MarkdownBody(bytes: split.body, firstLine: split.bodyFirstLine)
            .detached(from: nil, in: folder.path, normalised: decoded.normalised)
        #expect(body.load(contentPath: "databases/indexes.md").map { String(decoding: $0, as: UTF8.self) } == "The answer.\n")
        #expect(body.load() == nil)
        #expect(body.load(contentPath: "databases/other.md") == nil)
    }

    @Test func anEditAfterParsingIsNoticed() throws {
        let (body, file) = try detachedBody(of: "---\ntitle: T\n---\nOld answer.\n")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("---\ntitle: T\n---\nNew answer.\n".utf8).write(to: file)
        #expect(body.load() == nil)
        try FileManager.default.removeItem(at: file)
        #expect(body.load() == nil)
    }

    /// Code blocks scroll sideways when wide, so each is reachable from the keyboard; a `<pre>`
    /// written as text stays text.
    @Test func codeBlocksAreFocusableAndTextIsNot() {
        let markdown = "Write `<pre>` in text.\n\n```sql\nSELECT 1;\n```\n\n    indented <pre>\n"
        var body = MarkdownBody(bytes: Array(markdown.utf8)[...], firstLine: 1)
        body.bytes = Array(markdown.utf8)[...]
        let html = RenderedBody.render(body, path: "q.md", rawHTML: false, links: nil, paragraphs: false, codeBlocks: .shared).html
        #expect(html.components(separatedBy: "<pre tabindex=\"0\"><code").count == 3)
        #expect(html.contains("<code>&lt;pre&gt;</code>") && html.contains("indented &lt;pre&gt;"))
        #expect(!html.contains("<pre>"))
    }

    /// Made focusable in the same copy that drops the headings' sentinels: the bytes are those of
    /// cmark's HTML with every `<pre>` replaced, whatever lies next to what.
    @Test func focusableBlocksBesideAnchoredHeadings() {
        let markdown = "## A\n```\nx\n```\n## B <pre>\n\n    code\n# C\n\n<pre>raw</pre>\n"
        for rawHTML in [false, true] {
            let plain = MarkdownRenderer.render(markdown, options: .init(allowRawHTML: rawHTML)).html
            let focusable = MarkdownRenderer.render(markdown, options: .init(allowRawHTML: rawHTML, focusableCodeBlocks: true)).html
            #expect(focusable == plain.replacingOccurrences(of: "<pre>", with: "<pre tabindex=\"0\">"))
            #expect(focusable.contains("<pre tabindex=\"0\">") && plain.contains("<pre>"))
        }
    }

    /// Code blocks are made focusable in their own custom blocks unless raw HTML may write a `<pre>`
    /// (then the copy searches): either way the bytes are cmark's with every `<pre>` replaced, for
    /// blocks cmark writes and highlighted ones, in every construct the grammar makes.
    @Test func focusableBlocksOfGeneratedDocumentsAreCmarksWithEveryPreReplaced() {
        var documents = (0 ..< UInt64(400)).map { MarkdownGrammar.document(seed: 7_000 + $0) }
        documents += ["- ```\n  x\n  ```\n- ```go\n  y\n  ```\n", "> ```\n> z\n> ```\n\n    indented\n", "# H\n```\nq\n```\n## I\n"]
        for rawHTML in [false, true] {
            for codeBlocks in [nil, CodeHighlighter.shared] {
                for markdown in documents {
                    let plain = MarkdownRenderer.render(markdown, options: .init(allowRawHTML: rawHTML, codeBlocks: codeBlocks)).html
                    let focusable = MarkdownRenderer.render(markdown, options: .init(allowRawHTML: rawHTML, focusableCodeBlocks: true,
                                                                                     codeBlocks: codeBlocks)).html
                    #expect(focusable == plain.replacingOccurrences(of: "<pre>", with: "<pre tabindex=\"0\">"), "\(markdown.debugDescription)")
                }
            }
        }
    }
}
