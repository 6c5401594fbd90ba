// Covers: counting the words of search documents by integer term ids.
import Testing
@testable import StudyGuideKit

@Suite struct TermCounterTests {
    func document(title: String = "", body: String) -> SearchDocument {
        var fields = Array(repeating: "", count: SearchDocument.Field.allCases.count)
        fields[SearchDocument.Field.title.rawValue] = title
        fields[SearchDocument.Field.body.rawValue] = body
        return SearchDocument(title: title, url: "a.html", category: 0, difficulty: 0, kind: 0, tags: [], summary: "",
                              excerpt: "", fields: fields)
    }

    /// A batch packed with its own term numbers.
    func packed(_ batch: CountedBatch) -> PackedTerms {
        PackedTerms(batch, renumberedBy: Array(0 ..< Int32(batch.terms.count)))
    }

    func counts(of batch: CountedBatch, document: Int = 0) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        packed(batch).forEachTerm(ofDocument: document) { term, counts in
            result[String(decoding: batch.terms.bytes(term), as: UTF8.self)] = Array(counts)
        }
        return result
    }

    @Test func wordsAreStemmedCountedPerFieldAndStopwordsLeftOut() {
        let batch = TermCounter.count([document(title: "Indexing", body: "The index, the indexes and an indexed table.")][...])
        #expect(counts(of: batch) == ["index": [1, 0, 0, 0, 0, 3], "tabl": [0, 0, 0, 0, 0, 1]])
        #expect(Array(packed(batch).lengths(ofDocument: 0)) == [1, 0, 0, 0, 0, 4])
    }

    @Test func aCountPastTwoBytesIsKeptExactly() {
        let body = String(repeating: "replica ", count: 70_000)
        let batch = TermCounter.count([document(body: body), document(body: "replica")][...])
        #expect(counts(of: batch)["replica"] == [0, 0, 0, 0, 0, 70_000])
        #expect(counts(of: batch, document: 1)["replica"] == [0, 0, 0, 0, 0, 1])
    }

    @Test func packedTermsGiveBackTheCountsRenumbered() {
        let batch = CountedBatch(
            terms: TermTable(), documentTerms: [3, 0, 1],
            counts: [1, 0, 0, 0, 0, 200, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 70_000],
            ends: [2, 2, 3], lengths: [1, 0, 0, 0, 0, 201, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 70_000])
        let packed = PackedTerms(batch, renumberedBy: [7, 300, 0, 5])
        func terms(_ document: Int) -> [[Int]] {
            var result: [[Int]] = []
            packed.forEachTerm(ofDocument: document) { term, counts in result.append([Int(term)] + counts) }
            return result
        }
        #expect(packed.documentCount == 3)
        #expect(terms(0) == [[5, 1, 0, 0, 0, 0, 200], [7, 0, 0, 0, 0, 0, 1]])
        #expect(terms(1).isEmpty)
        #expect(terms(2) == [[300, 0, 2, 0, 0, 0, 70_000]])
        #expect(Array(packed.lengths(ofDocument: 2)) == [0, 2, 0, 0, 0, 70_000])
    }

    @Test func postingsSizesAreCountedAsTheyWillBeEncoded() {
        let texts = (0 ..< 40).map { n in (0 ... n).map { "word\($0 % 13) shard\($0 * 7 % 11)" }.joined(separator: " ") }
        let batch = TermCounter.count(texts.map { document(title: "Replication", body: $0) }[...])
        let index = InvertedIndex(terms: batch.terms, counts: [packed(batch)])
        #expect(index.terms.count > 20)
        for term in 0 ..< Int32(index.terms.count) {
            var encoded: [UInt8] = []
            SearchIndexBuilder.encodePostings(of: term, in: index, to: &encoded)
            #expect(SearchIndexBuilder.encodedSize(of: term, in: index) == encoded.count)
        }
    }
}
