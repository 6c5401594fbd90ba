// Covers: the wrapper's HTML equals cmark-gfm's own for the conformance suite in ../shared/conformance
// (beside the authors' checkout; a clone without it prints "skipped: … (needs ../shared/conformance)").
import Foundation
import Testing
import StudyGuideMarkdown

/// One example of a cmark-gfm spec file.
struct SpecExample: CustomTestStringConvertible, Sendable {
    let file: String
    let number: Int
    let markdown: String
    let html: String
    let extensions: [String]

    var testDescription: String { "\(file) #\(number)" }

    /// `<IGNORE>` examples only have to render without crashing.
    var expectsExactHTML: Bool { html != "<IGNORE>\n" }

    /// Parses the 32-backtick `example` blocks; `→` stands for a tab.
    static func load(_ file: String) throws -> [SpecExample] {
        let url = ConformanceTests.folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var lines = text.components(separatedBy: "\n")[...]
        var number = 0
        while let line = lines.popFirst() {
            guard line.hasPrefix(fence + " example") else { continue }
            number += 1
            let words = line.dropFirst(fence.count + " example".count).split(separator: " ").map(String.init)
            var markdown: [String] = [], html: [String] = [], inHTML = false
            while let body = lines.popFirst(), body != fence {
                if body == ".", !inHTML { inHTML = true; continue }
                if inHTML { html.append(body) } else { markdown.append(body) }
            }
            if words.contains("disabled") { continue }
            func untab(_ lines: [String]) -> String {
                lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(SpecExample(file: file, number: number, markdown: untab(markdown), html: untab(html), extensions: words))
        }
        return examples
    }
}

enum Repository {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

@Suite struct ConformanceTests {
    static let spec = (try? SpecExample.load("spec.txt")) ?? []
    static let extensionsSpec = (try? SpecExample.load("extensions.txt")) ?? []
    static let regression = (try? SpecExample.load("regression.txt")) ?? []
    static let smart = (try? SpecExample.load("smart_punct.txt")) ?? []

    static let folder = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/conformance")
    static let hasSuite = FileManager.default.fileExists(atPath: folder.path)
    static let noSuite: Comment = "the conformance suite is not beside this clone (needs ../shared/conformance)"

    @Test(.enabled(if: hasSuite, noSuite))
    func suitesAreFound() {
        // The spec files live beside the repository (../shared); an empty list would make the tests below vacuous.
        #expect(Self.spec.count == 671)
        #expect(Self.extensionsSpec.count == 30)
        #expect(Self.regression.count == 25)
        #expect(Self.smart.count == 16)
    }

    @Test(.enabled(if: hasSuite, noSuite), arguments: spec + regression)
    func matchesCmarkWithTheExtensionsTheExampleNames(_ example: SpecExample) {
        let extensions = Set(example.extensions.compactMap(MarkdownOptions.Extension.init(rawValue:)))
        let options = MarkdownOptions(extensions: extensions, allowRawHTML: true, headingIDs: false)
        #expect(MarkdownRenderer.render(example.markdown, options: options).html == example.html)
    }

    @Test(.enabled(if: hasSuite, noSuite), arguments: extensionsSpec)
    func matchesCmarkWithAllExtensions(_ example: SpecExample) {
        let options = MarkdownOptions(allowRawHTML: true, headingIDs: false)
        let html = MarkdownRenderer.render(example.markdown, options: options).html
        if example.expectsExactHTML { #expect(html == example.html) }
    }

    @Test(.enabled(if: hasSuite, noSuite), arguments: smart)
    func matchesCmarkWithSmartPunctuation(_ example: SpecExample) {
        let options = MarkdownOptions(extensions: [], allowRawHTML: true, headingIDs: false, smartPunctuation: true)
        #expect(MarkdownRenderer.render(example.markdown, options: options).html == example.html)
    }

    /// The site's configuration (all extensions, safe mode) fails exactly the examples the
    /// conformance README lists for cmark-gfm itself in that configuration: nothing else changed.
    @Test(.enabled(if: hasSuite, noSuite))
    func siteConfigurationFailsOnlyTheDocumentedExamples() {
        let options = MarkdownOptions(headingIDs: false)
        let failing = Self.spec.filter { MarkdownRenderer.render($0.markdown, options: options).html != $0.html }
        #expect(failing.count == 76)
        let failingExtensions = Self.extensionsSpec.filter {
            $0.expectsExactHTML && MarkdownRenderer.render($0.markdown, options: options).html != $0.html
        }
        #expect(failingExtensions.map(\.number) == [12, 22])
    }
}
