import Foundation
import Testing
@testable import StudyGuideHighlight
import StudyGuideMarkdown

/// Each file in Goldens/ is a Markdown document; its highlighted HTML must equal the `.html`
/// beside it. `STUDYGUIDE_RECORD=1 swift test --filter HighlightGoldenTests` writes them anew
/// (read the diff before committing it).
@Suite struct HighlightGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let documents = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".md") }.sorted()

    static func render(_ markdown: [UInt8]) -> String {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(codeBlocks: CodeHighlighter.shared)).html
    }

    @Test func everyGrammarIsCompiledIn() {
        let missing = CodeLanguage.allCases.filter { !CodeHighlighter.availableLanguages.contains($0) }
        #expect(missing.isEmpty, "grammars missing: \(missing.map(\.rawValue)); run `make grammars` (scripts/fetch_grammars.py)")
    }

    @Test(arguments: documents)
    func documentMatchesItsGolden(_ name: String) throws {
        let markdown = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let html = Self.render(markdown)
        let golden = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".md", with: ".html"))
        if ProcessInfo.processInfo.environment["STUDYGUIDE_RECORD"] != nil {
            try Data(html.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(html == expected, "\(name) differs from its golden; STUDYGUIDE_RECORD=1 rewrites it")
    }

    /// A grammar that stopped loading would still match nothing but plain text: each language's
    /// golden must use the classes its code plainly has.
    @Test(arguments: [
        ("sql", ["keyword", "function", "string", "number", "comment", "operator"]),
        ("javascript", ["keyword", "function", "string", "number", "comment", "property"]),
        ("typescript", ["keyword", "type", "function", "string", "property"]),
        ("python", ["keyword", "function", "string", "number", "type", "constant"]),
        ("go", ["keyword", "type", "function", "property", "comment"]),
        ("java", ["keyword", "type", "function", "string", "attribute", "constant"]),
        ("bash", ["keyword", "function", "string", "comment", "property", "constant"]),
        ("console", ["prompt", "output", "function", "string"]),
        ("json", ["property", "string", "number", "constant", "escape"]),
        ("yaml", ["property", "string", "number", "comment", "constant"]),
        ("http", ["keyword", "attribute", "constant", "number", "property"]),
        ("dockerfile", ["keyword", "comment", "string"]),
    ])
    func languageHighlightsWhatItShould(_ name: String, _ classes: [String]) throws {
        let markdown = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name + ".md")))
        let html = Self.render(markdown)
        for kind in classes {
            #expect(html.contains("<span class=\"\(kind)\">"), "\(name): no \(kind) token")
        }
    }
}
