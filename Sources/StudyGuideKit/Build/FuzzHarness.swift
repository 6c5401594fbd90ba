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
    }
}
