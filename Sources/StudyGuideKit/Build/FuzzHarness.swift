internal import StudyGuideHighlight

/// What the fuzzer exercises for one input: the path a content file takes through a build
/// (decoding, front-matter, schema, Markdown, search tokens), without touching the disk.
/// Public so the fuzz target can call it.
public enum FuzzHarness {
    public static func run(_ bytes: [UInt8]) {
        let (text, _) = SourceText.decode(bytes, path: "content/fuzz/input.md")
        guard let text else { return }
        // The first byte picks what the file is, so the corpus covers every kind of document.
        let placements = ["fuzz/input.md", "fuzz/_index.md", "guides/input.md", "_index.md"]
        let contentPath = placements[Int(bytes.first ?? 0) % placements.count]
        let (document, _) = ContentDocument.parse(text, contentPath: contentPath)
        let body: MarkdownBody
        switch document {
        case .question(let question)?: body = question.body
        case .category(let category)?: body = category.body
        case .guide(let guide)?: body = guide.body
        case .homeIntro(let intro)?, .guidesIntro(let intro)?: body = intro.body
        case nil: body = MarkdownBody(bytes: text.bytes[...], firstLine: 1)
        }
        let rendered = RenderedBody.render(body, path: text.path, rawHTML: bytes.count % 2 == 0, links: nil, rewrite: { $0 + ".html" }, paragraphs: true, codeBlocks: .shared)
        _ = SearchTokenizer.tokens(String(rendered.plainText.prefix(4096)))
        if bytes.count < 4096 { _ = SiteConfig.parse(String(decoding: bytes, as: UTF8.self), path: "site.yml") }
        checkHighlighting(text.bytes)
    }

    /// The input as one code block, in a language its first byte picks (with line options on when
    /// the second byte is odd). Whatever the code, the HTML must be well-formed and hold exactly it.
    private static func checkHighlighting(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return }
        let languages = CodeLanguage.allCases
        var info = Array(languages[Int(bytes[0]) % languages.count].rawValue.utf8)
        if bytes[1] & 1 == 1 { info += #" {linenos=true, hl_lines=[2, "4-6"], linenostart=9}"#.utf8 }
        let code = Array(bytes[2...])
        var html: [UInt8] = []
        let rendered = info.withUnsafeBufferPointer { info in
            code.withUnsafeBufferPointer { CodeHighlighter.shared.render(info: info, code: $0, into: &html) }
        }
        precondition(rendered && HighlightCheck.textContent(of: html) == code, "highlighted HTML does not hold exactly the code")
    }
}
