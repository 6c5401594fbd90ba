// Covers: a body let go after parsing is read back exactly, whatever the file's line ends, and an
// edit made in between is noticed instead of rendered with the old front-matter.
import Foundation
import Testing
@testable import StudyGuideKit

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

    @Test func anEditAfterParsingIsNoticed() throws {
        let (body, file) = try detachedBody(of: "---\ntitle: T\n---\nOld answer.\n")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("---\ntitle: T\n---\nNew answer.\n".utf8).write(to: file)
        #expect(body.load() == nil)
        try FileManager.default.removeItem(at: file)
        #expect(body.load() == nil)
    }
}
