// Covers: the wrapper's HTML is byte for byte Debian's cmark-gfm program's, for every Markdown body of content/ and the fixtures and for thousands of generated documents.
import Foundation
import Testing
@testable import StudyGuideKit
import StudyGuideMarkdown

@Suite struct CmarkDifferentialTests {
    /// The site's Markdown configuration (RenderedBody: every extension, no smart punctuation)
    /// without the two things the site adds on top of cmark-gfm, heading ids and link
    /// rewriting; once safe, as the site renders by default, and once with raw HTML.
    struct Configuration: Sendable {
        let name: String
        let options: MarkdownOptions
        let arguments: [String]

        static let all: [Configuration] = [false, true].map { rawHTML in
            let options = MarkdownOptions(allowRawHTML: rawHTML, headingIDs: false)
            // The program attaches extensions in the order it is given them, like the wrapper;
            // footnotes are a parser option that this version takes as `-e footnotes` (it has no --footnotes).
            let extensions = MarkdownOptions.Extension.allCases.filter(options.extensions.contains).flatMap { ["-e", $0.rawValue] }
            return Configuration(name: rawHTML ? "raw HTML" : "safe", options: options,
                                 arguments: extensions + (rawHTML ? ["--unsafe"] : []))
        }
    }

    /// A document to compare and how to find it again.
    struct Document {
        let origin: String
        let bytes: [UInt8]
    }

    static let generatedCount = 3000
    static let firstSeed: UInt64 = 20_261_124

    static func program() throws -> CmarkProgram {
        try #require(CmarkProgram.find(), """
            the cmark-gfm program is missing: this test compares the wrapper with it. \
            Install Debian's cmark-gfm package (sudo apt-get install cmark-gfm, or make test-deps).
            """)
    }

    @Test func everyBodyOfContentAndFixturesRendersAsTheProgramDoes() throws {
        var documents: [Document] = []
        for folder in ["content", "Tests/Fixtures"] {
            let root = Repository.root.appendingPathComponent(folder)
            let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".md") }.sorted()
            for path in paths {
                let raw = Array(try Data(contentsOf: root.appendingPathComponent(path)))
                // As the loader does: files that fail these checks are never rendered.
                guard let text = SourceText.decode(raw, path: path).0 else { continue }
                let (split, _) = FrontMatterSplit.split(text)
                // The loader refuses a file without front-matter; the fuzz harness renders its whole
                // text, and so does this test.
                documents.append(Document(origin: "\(folder)/\(path)", bytes: split.map { Array($0.body) } ?? text.bytes))
            }
        }
        #expect(documents.count > 200)
        try Self.compare(documents, with: Self.program())
    }

    @Test func generatedDocumentsRenderAsTheProgramDoes() throws {
        let documents = (0..<UInt64(Self.generatedCount)).map { index in
            let seed = Self.firstSeed + index
            return Document(origin: "generated document \(index): MarkdownGrammar.document(seed: \(seed))",
                            bytes: Array(MarkdownGrammar.document(seed: seed).utf8))
        }
        try Self.compare(documents, with: Self.program())
    }

    @Test func theGrammarIsDeterministicAndCoversEveryConstruct() {
        #expect(MarkdownGrammar.document(seed: 7) == MarkdownGrammar.document(seed: 7))
        #expect(MarkdownGrammar.document(seed: 7) != MarkdownGrammar.document(seed: 8))
        let options = MarkdownOptions(allowRawHTML: true, headingIDs: false)
        let html = (0..<UInt64(Self.generatedCount)).map {
            MarkdownRenderer.render(MarkdownGrammar.document(seed: Self.firstSeed + $0), options: options).html
        }.joined()
        for element in ["<ul>", "<ol", "<li><input type=\"checkbox\"", "<blockquote>", "<table>", "<td align=", "<pre><code class=",
                        "<pre><code>", "<em>", "<strong>", "<del>", "<a href=", "<img src=", "<h3>", "<hr />", "<br />",
                        "class=\"footnote-ref\"", "data-footnotes", "<span title=", "&amp;", "&lt;", "&quot;", "&lt;script>"] {
            #expect(html.contains(element), "no generated document renders \(element)")
        }
    }

    /// Renders every document both ways in every configuration; reports the first few differences in full.
    static func compare(_ documents: [Document], with program: CmarkProgram) throws {
        let configurations = Configuration.all
        let expected = try program.render(documents.map(\.bytes), configurations: configurations.map(\.arguments))
        for (configuration, references) in zip(configurations, expected) {
            var differences = 0
            for (document, reference) in zip(documents, references) {
                let html = Array(MarkdownRenderer.render(document.bytes, options: configuration.options).html.utf8)
                guard html != reference else { continue }
                differences += 1
                if differences <= 3 {
                    Issue.record(Comment(rawValue: report(document, html, reference, configuration, program)))
                }
            }
            #expect(differences == 0, "\(differences) of \(documents.count) documents differ in the \(configuration.name) configuration")
        }
    }

    static func report(_ document: Document, _ html: [UInt8], _ reference: [UInt8], _ configuration: Configuration,
                       _ program: CmarkProgram) -> String {
        let markdown = String(decoding: document.bytes, as: UTF8.self)
        let same = zip(html, reference).prefix { $0 == $1 }.count
        let line = reference.prefix(same).filter { $0 == 0x0A }.count + 1
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes.dropFirst(max(0, same - 80)).prefix(240), as: UTF8.self).debugDescription
        }
        return """
            \(document.origin) renders differently (\(configuration.name)), from byte \(same), HTML line \(line):
              wrapper:   \(around(html))
              cmark-gfm: \(around(reference))
            Markdown: \(markdown.count > 4000 ? "(\(markdown.count) characters, see the file)" : markdown.debugDescription)
            Reproduce: \(program.path) \(configuration.arguments.joined(separator: " ")) < document.md  (\(program.version))
            """
    }
}
