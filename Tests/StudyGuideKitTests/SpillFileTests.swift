// Covers: bytes set aside on disk during a build and read back in any order.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct SpillFileTests {
    func roundTrip(_ file: SpillFile) {
        let parts: [[UInt8]] = [Array("first part".utf8), [], Array(repeating: 7, count: 100_000), Array("last".utf8)]
        let starts = parts.map { part in part.withUnsafeBytes { file.append($0) } }
        #expect(starts == [0, 10, 10, 100_010])
        #expect(file.size == 100_014)
        var buffer: [UInt8] = [1, 2, 3]
        for (part, start) in zip(parts, starts).reversed() {
            file.read(start ..< start + part.count, into: &buffer)
            #expect(buffer == part)
        }
        file.read(5 ..< 14, into: &buffer)
        #expect(buffer == Array(" part".utf8) + [7, 7, 7, 7])
    }

    @Test func bytesComeBackFromTheTemporaryFile() {
        let file = SpillFile()
        #expect(file.isOnDisk)
        roundTrip(file)
    }

    @Test func withoutATemporaryFolderTheBytesStayInMemory() {
        let file = SpillFile(directory: "/nonexistent-\(UUID().uuidString)")
        #expect(!file.isOnDisk)
        roundTrip(file)
    }

    /// Small appends wait in memory and reach the file in pieces: a read must find every byte,
    /// wherever it is at that moment (on disk, pending, or a range across both).
    @Test func smallAppendsReadBackBeforeAndAfterTheyReachTheFile() {
        let file = SpillFile()
        var expected: [UInt8] = []
        var random = SplitMix64(seed: 64)
        var buffer: [UInt8] = []
        for round in 0 ..< 1_500 {
            let count = round % 500 == 0 ? SpillFile.flushSize + 3 : Int(random.next() % 300)
            let part = (0 ..< count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(part.withUnsafeBytes { file.append($0) } == expected.count)
            expected += part
            // Mostly near the end, where the pending bytes and the last ones written meet.
            let reach = round % 4 == 0 ? expected.count : min(expected.count, SpillFile.flushSize + 500)
            let start = expected.count - Int(random.next() % UInt64(reach + 1))
            let end = start + Int(random.next() % UInt64(min(expected.count - start, SpillFile.flushSize + 500) + 1))
            file.read(start ..< end, into: &buffer)
            #expect(buffer[...] == expected[start ..< end], "round \(round): \(start) ..< \(end)")
        }
        #expect(file.size == expected.count)
        file.read(0 ..< expected.count, into: &buffer)
        #expect(buffer == expected)
    }

    @Test func theFileLeavesNothingBehindInItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = SpillFile(directory: folder.path)
        #expect(file.isOnDisk)
        roundTrip(file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// A question's notes live on disk during a build and must come back exactly as parsed.
@Suite struct SpilledNotesTests {
    static let notes = QuestionNotes(
        summary: "Un résumé: " + String(repeating: "long ", count: 100),
        aliases: [Located("Explique l’indexation ?", at: SourceLocation(path: "content/db/q.md", line: 7, column: 5)),
                  Located("", at: SourceLocation(path: "content/db/q.md", line: 300, column: 129))],
        followUps: ["What about " + String(repeating: "long ", count: 200) + "questions?", "索引は何ですか"],
        areas: [],
        redFlags: ["Says \"never\"", "\u{2028}line separator"],
        relatedPositions: [TextPosition(SourceLocation(path: "content/db/q.md", line: 12, column: 11)),
                           TextPosition(SourceLocation(path: "content/db/q.md", line: 70_000, column: 3))])

    @Test func notesComeBackFromDiskInAnyOrder() {
        let store = SpilledNotes()
        let empty = QuestionNotes()
        let ranges = [store.store(Self.notes), store.store(empty), store.store(Self.notes)]
        #expect(store.load(ranges[2], path: "content/db/q.md") == Self.notes)
        #expect(store.load(ranges[1], path: "content/db/q.md") == empty)
        #expect(store.load(ranges[0], path: "content/db/q.md") == Self.notes)
        #expect(store.summary(ranges[0]) == Self.notes.summary)
        #expect(store.summary(ranges[1]) == "")
    }

    @Test func notesComeBackFromMemoryWithoutATemporaryFolder() {
        let store = SpilledNotes(file: SpillFile(directory: "/nonexistent-\(UUID().uuidString)"))
        let range = store.store(Self.notes)
        #expect(store.load(range, path: "content/db/q.md") == Self.notes)
    }

    @Test func aBuiltSiteReadsEveryQuestionsNotesBack() throws {
        let site = try TestSite(fixture: "basic")
        var options = BuildOptions(source: site.directory.path)
        options.displayPrefix = ""
        var report = BuildReport()
        let loaded = try #require(SiteBuilder.load(options, report: &report))
        let question = try #require(loaded.questions.first { !$0.notes.followUps.isEmpty })
        let text = try String(contentsOf: site.directory.appendingPathComponent("content/" + question.contentPath), encoding: .utf8)
        for followUp in question.notes.followUps { #expect(text.contains(followUp)) }
    }
}
