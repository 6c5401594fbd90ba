// Covers: a build with a cache updating the search postings of the last build (`PostingsStore`,
// `PostingsUpdate`) instead of making them all again: the same bytes as a build without a cache,
// after an edit, after an edit that moves the average lengths, and with a damaged store or cache.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct PostingsUpdateTests {
    let path = "content/basics/q7.md"

    /// Forty questions whose answers are a few paragraphs each: large enough that a sentence more
    /// does not move the rounded average lengths.
    func site() throws -> TestSite {
        let topics = ["indexes", "replication", "caching", "queues", "sharding", "consensus", "locks", "backups"]
        var files: [String: String] = [:]
        for number in 0 ..< 40 {
            let topic = topics[number % topics.count]
            let paragraph = "How \(topic) behave under load decides latency, durability and cost in question \(number). "
            files["content/basics/q\(number).md"] = TestSite.question(title: "Question \(number) on \(topic)?", body: String(repeating: paragraph, count: 6))
        }
        return try TestSite.minimal(files)
    }

    /// A site built once with a cache into `out`, ready for an edit.
    func builtSite() throws -> (TestSite, URL) {
        let site = try site()
        let cache = site.directory.appendingPathComponent(".cache")
        let (first, _) = try site.build(cache: cache, into: "out")
        #expect(first.succeeded && first.searchUpdatedAnswers == nil)
        return (site, cache)
    }

    func append(_ text: String, in site: TestSite) throws {
        let old = try String(contentsOf: site.directory.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, old + "\n" + text + "\n")
    }

    @Test func anEditedAnswerUpdatesThePostingsToTheBytesOfABuildWithoutCache() throws {
        let (site, cache) = try builtSite()
        for round in 1 ... 3 {
            try append("Round \(round) adds a paragraph on covering indexes and write amplification.", in: site)
            let (report, updated) = try site.build(cache: cache, into: "out")
            #expect(report.succeeded)
            #expect(report.searchUpdatedAnswers == 1)
            let (_, plain) = try site.build(cache: nil, into: "plain-\(round)")
            #expect(updated == plain)
        }
    }

    @Test func aBuildWithNothingChangedKeepsEveryPostingsFile() throws {
        let (site, cache) = try builtSite()
        let (report, kept) = try site.build(cache: cache, into: "out")
        #expect(report.searchUpdatedAnswers == 0)
        let (_, plain) = try site.build(cache: nil, into: "plain")
        #expect(kept == plain)
    }

    /// An answer that grows a hundredfold moves the site's average length: every posting changes,
    /// and every document is counted again from the cache.
    @Test func anEditThatMovesTheAverageLengthsCountsEveryDocumentAgain() throws {
        let (site, cache) = try builtSite()
        try append(Array(repeating: "Replication lag grows when followers apply writes slowly.", count: 400).joined(separator: " "), in: site)
        let (report, updated) = try site.build(cache: cache, into: "out")
        #expect(report.succeeded)
        #expect(report.searchUpdatedAnswers == nil)
        let (_, plain) = try site.build(cache: nil, into: "plain")
        #expect(updated == plain)
        // The postings kept then serve the next edit.
        try append("One more sentence about indexes.", in: site)
        let (next, again) = try site.build(cache: cache, into: "out")
        #expect(next.searchUpdatedAnswers == 1)
        let (_, plainAgain) = try site.build(cache: nil, into: "plain-again")
        #expect(again == plainAgain)
    }

    /// A failed build keeps the output (and its ledger) of the build before it but leaves the
    /// postings it made: answers changed against those postings are counted again even where the
    /// output's file of results is still the right one.
    @Test func postingsOfAFailedBuildAreUpdatedBackToTheOutputsContent() throws {
        let (site, cache) = try builtSite()
        let original = try String(contentsOf: site.directory.appendingPathComponent(path), encoding: .utf8)
        let other = "content/basics/q8.md"
        let otherOriginal = try String(contentsOf: site.directory.appendingPathComponent(other), encoding: .utf8)
        try append("A sentence the failed build counts.", in: site)
        try site.write(other, otherOriginal + "\nSee [nowhere](missing.md).\n")
        let (failed, _) = try site.build(cache: cache, into: "out")
        #expect(!failed.succeeded)
        try site.write(path, original)
        try site.write(other, otherOriginal)
        let (report, restored) = try site.build(cache: cache, into: "out")
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.searchUpdatedAnswers == 2)
        let (_, plain) = try site.build(cache: nil, into: "plain")
        #expect(restored == plain)
    }

    @Test(arguments: ["flip", "truncate", "empty", "missing counts"])
    func aDamagedStoreOrCacheIsNotUsed(_ damage: String) throws {
        let (site, cache) = try builtSite()
        let store = cache.appendingPathComponent(PostingsStore.fileName)
        var bytes = try Data(contentsOf: store)
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x20
        case "truncate": bytes = bytes.prefix(bytes.count - 3)
        case "empty": bytes = Data()
        default: try FileManager.default.removeItem(at: cache.appendingPathComponent("bodies.index"))
        }
        try bytes.write(to: store)
        try append("An edit after the damage.", in: site)
        let (report, output) = try site.build(cache: cache, into: "out")
        #expect(report.succeeded)
        #expect(report.searchUpdatedAnswers == nil)
        let (_, plain) = try site.build(cache: nil, into: "plain")
        #expect(output == plain)
    }

    /// The store's records read back as they were written, and its checksum covers every byte.
    @Test func aStoreReadsBackItsRecords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let basis = BodyCache.Key(high: 1, low: 2)
        let keys = [BodyCache.Key(high: 3, low: 4), BodyCache.Key(high: 5, low: 6)]
        let writer = try #require(PostingsStore.Writer(folder: folder.path, basis: basis, documents: keys, lengths: Array(0 ..< 12)))
        // Enough records to cross several of the checksum's blocks.
        let terms = (0 ..< 20_000).map { Array("term\($0)".utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        for (number, term) in terms.enumerated() {
            let postings: [UInt8] = [UInt8(number % 2), UInt8(number % 251)]
            term.withUnsafeBufferPointer { term in
                postings.withUnsafeBufferPointer { writer.append(term: term, frequency: 1, encodedSize: number, hash: UInt64(number), postings: $0) }
            }
        }
        #expect(writer.finish())
        #expect(PostingsStore(folder: folder.path, basis: BodyCache.Key(high: 1, low: 3)) == nil)
        let store = try #require(PostingsStore(folder: folder.path, basis: basis))
        #expect(store.documents == keys && store.lengths == Array(0 ..< 12))
        var read: [[UInt8]] = []
        let whole = store.forEachRecord { buffer, record in
            read.append(Array(buffer[record.term]))
            #expect(record.encodedSize == read.count - 1 && record.hash == UInt64(read.count - 1))
            #expect(Array(buffer[record.postings]) == [UInt8((read.count - 1) % 2), UInt8((read.count - 1) % 251)])
        }
        #expect(whole && read == terms)
        // Any byte changed is noticed.
        let file = folder.appendingPathComponent(PostingsStore.fileName)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 9] ^= 1
        try bytes.write(to: file)
        #expect(PostingsStore(folder: folder.path, basis: basis) == nil)
    }
}
