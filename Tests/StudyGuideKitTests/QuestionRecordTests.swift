// Covers: a parsed question kept between builds (`QuestionRecord`): a record gives back the
// question parsing made, field for field; a second `build --cache` parses no unchanged file and
// writes the same bytes; an edited or broken file is parsed again, and its problems reported again.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct QuestionRecordTests {
    static let text = """
        ---
        title: "What does a B-tree index cost on writes?"
        slug: btree-writes
        difficulty: advanced
        kind: system-design
        summary: Every insert updates the index pages too.
        tags: [databases, indexes]
        aliases: ["Why are inserts slower with indexes?"]
        follow_ups: ["And for a hash index?"]
        areas: [storage]
        red_flags: ["Says indexes are free"]
        related: [other-one, second]
        weight: -3
        updated: 2026-02-28
        ---

        ## Answer

        Page splits.
        """

    @Test func aRecordGivesBackTheQuestionParsingMade() throws {
        let path = "content/databases/btree.md"
        let (text, _) = SourceText.decode(Array(Self.text.utf8), path: path)
        let (document, problems) = ContentDocument.parse(try #require(text), contentPath: "databases/btree.md")
        #expect(problems.isEmpty)
        guard case .question(let parsed)? = document else { Issue.record("not a question"); return }
        let spill = SpilledNotes(), interner = StringInterner(), file = MarkdownBody.File(path: nil, in: "/site/content")
        guard case .question(let detached) = document!.detachingBody(from: file, normalised: false,
                                                                      spillingNotesTo: spill, interner: interner)
        else { return }
        let record = try #require(QuestionRecord.encode(detached, notes: parsed.notes))
        let back = try #require(QuestionRecord.decode(record, bodyFile: file, spillingNotesTo: spill, interner: interner))

        #expect(back.slug == "btree-writes" && back.slug == parsed.slug && back.category == parsed.category && back.title == parsed.title)
        #expect(Array(back.tags) == ["databases", "indexes"] && Array(back.related) == ["other-one", "second"])
        #expect(back.difficulty == .advanced && back.kind == .systemDesign && back.weight == -3 && back.draft == parsed.draft)
        #expect(back.updated == parsed.updated && back.updated != nil)
        #expect(back.notes == parsed.notes && back.summary == "Every insert updates the index pages too.")
        #expect(back.location == parsed.location && back.titleLocation == parsed.titleLocation)
        #expect(back.slugLocation == parsed.slugLocation && back.slugLocation != nil)
        #expect(back.relatedLocation(at: 1) == parsed.relatedLocation(at: 1))
        #expect(back.contentPath == "databases/btree.md" && back.body.firstLine == parsed.body.firstLine)
        #expect(back.body.detachedPlace?.start == detached.body.detachedPlace?.start)
        #expect(back.body.detachedPlace?.fingerprint == detached.body.detachedPlace?.fingerprint)
        // A record cut short anywhere is refused, never half-trusted.
        for length in stride(from: 0, to: record.count, by: 3) {
            #expect(QuestionRecord.decode(Array(record[..<length]), bodyFile: file, spillingNotesTo: spill,
                                          interner: interner) == nil)
        }
    }

    func build(_ site: TestSite, cache: URL?, into name: String) throws -> (BuildReport, [String: Data]) {
        try site.build(cache: cache, into: name)
    }

    @Test func aSecondBuildParsesOnlyTheEditedFile() throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache")
        let (first, _) = try build(site, cache: cache, into: "one")
        #expect(first.succeeded && first.cachedParses == 0)
        let (second, warm) = try build(site, cache: cache, into: "two")
        let content = site.directory.appendingPathComponent("content")
        let questions = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter {
            $0.hasSuffix(".md") && !$0.hasSuffix("_index.md") && !$0.hasPrefix("guides/") && $0.contains("/")
        }
        #expect(questions.count >= 3 && second.cachedParses == questions.count, "every question file, and nothing else")

        let path = "content/databases/indexes.md"
        let text = try String(contentsOf: site.directory.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "title:", with: "title: Edited,"))
        let (third, edited) = try build(site, cache: cache, into: "three")
        #expect(third.cachedParses == second.cachedParses - 1)
        let (_, plain) = try build(site, cache: nil, into: "plain")
        #expect(edited == plain && edited != warm)
    }

    @Test func aBrokenFileIsReportedByEveryBuildUntilItIsFixed() throws {
        let site = try TestSite.minimal([:])
        let cache = site.directory.appendingPathComponent(".cache")
        let path = "content/basics/broken.md"
        try site.write(path, TestSite.question(title: "Broken?").replacingOccurrences(of: "difficulty: beginner", with: "difficulty: hard"))
        for name in ["one", "two"] {
            let (report, _) = try build(site, cache: cache, into: name)
            #expect(!report.succeeded)
            #expect(report.diagnostics.contains { $0.location.path == "content/basics/broken.md" && $0.severity == .error })
        }
        try site.write(path, TestSite.question(title: "Fixed?"))
        let (fixed, output) = try build(site, cache: cache, into: "three")
        #expect(fixed.succeeded)
        let (_, plain) = try build(site, cache: nil, into: "plain")
        #expect(output == plain)
    }
}
