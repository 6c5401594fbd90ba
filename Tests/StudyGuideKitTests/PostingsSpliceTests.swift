// Covers: `PostingsSplice`, which updates a term's stored postings by copying the runs between
// changed documents: the same bytes, count and JSON size as making the postings again.
import Testing
@testable import StudyGuideKit

@Suite struct PostingsSpliceTests {
    /// Postings made whole from documents and scores, the way a build without a cache makes them.
    struct Made {
        var bytes: [UInt8]
        var count: Int
        var encodedSize: Int

        init(_ documents: [Int32], _ scores: [UInt8]) {
            let postings = Postings(positions: 0 ..< 1, offsets: [0, documents.count], documents: documents, scores: scores)
            bytes = SearchIndexBuilder.storeRecord(of: 0, in: postings)
            count = documents.count
            encodedSize = SearchIndexBuilder.encodedSize(of: 0, in: postings)
        }
    }

    func splice(_ old: [(Int32, UInt8)], changed: Set<Int32>, new: [(Int32, UInt8)], documents: Int) -> PostingsSplice {
        let made = Made(old.map(\.0), old.map(\.1))
        var marks = [Bool](repeating: false, count: documents)
        for document in changed { marks[Int(document)] = true }
        var splice = PostingsSplice()
        made.bytes.withUnsafeBufferPointer {
            splice.make(from: $0, frequency: made.count, encodedSize: made.encodedSize, removing: marks,
                        adding: new.map(\.0), scores: new.map(\.1))
        }
        return splice
    }

    @Test func aChangedDocumentInTheMiddleGetsItsNewScoreAndTheNextGapIsWrittenAgain() {
        let old: [(Int32, UInt8)] = [(3, 10), (200, 7), (900, 255), (905, 1)]
        let result = splice(old, changed: [200], new: [(200, 99)], documents: 1000)
        let expected = Made([3, 200, 900, 905], [10, 99, 255, 1])
        #expect(result.bytes == expected.bytes)
        #expect(result.count == 4 && result.encodedSize == expected.encodedSize)
    }

    @Test func aDocumentThatLostTheTermLeavesItsNeighboursJoined() {
        let old: [(Int32, UInt8)] = [(0, 5), (150, 6), (20_000, 7)]
        let result = splice(old, changed: [150], new: [], documents: 30_000)
        let expected = Made([0, 20_000], [5, 7])
        #expect(result.bytes == expected.bytes)
        #expect(result.count == 2 && result.encodedSize == expected.encodedSize)
    }

    @Test func theLastPostingGoneLeavesNone() {
        let result = splice([(42, 3)], changed: [42], new: [], documents: 100)
        #expect(result.bytes.isEmpty && result.count == 0)
    }

    /// Random postings lists, changed documents and new postings, against making them whole.
    @Test(arguments: 1 ... 40) func randomChangesGiveTheBytesOfPostingsMadeAgain(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let documents = Int.random(in: 1 ... 3000, using: &random)
        // Dense lists (small gaps) and sparse ones (gaps of several bytes).
        let density = Double.random(in: 0.001 ... 0.9, using: &random)
        var old: [(Int32, UInt8)] = []
        for document in 0 ..< documents where Double.random(in: 0 ..< 1, using: &random) < density {
            old.append((Int32(document), UInt8.random(in: 0 ... 255, using: &random)))
        }
        let changed = Set((0 ..< Int.random(in: 0 ... 6, using: &random)).map { _ in Int32.random(in: 0 ..< Int32(documents), using: &random) })
        let new = changed.sorted().filter { _ in Bool.random(using: &random) }.map { ($0, UInt8.random(in: 0 ... 255, using: &random)) }
        var merged = old.filter { !changed.contains($0.0) } + new
        merged.sort { $0.0 < $1.0 }
        let expected = Made(merged.map(\.0), merged.map(\.1))
        let result = splice(old, changed: changed, new: new, documents: documents)
        #expect(result.bytes == expected.bytes, "seed \(seed)")
        #expect(result.count == expected.count && result.encodedSize == expected.encodedSize, "seed \(seed)")
    }
}

/// The tests' deterministic generator, for the standard library's random values: a failure names a seed that repeats it.
extension SplitMix64: RandomNumberGenerator {}
