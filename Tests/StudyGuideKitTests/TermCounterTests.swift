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

    func counts(of batch: CountedBatch, document: Int = 0) -> [String: [Int]] {
        let counted = batch.documents[document]
        let fields = SearchDocument.Field.allCases.count
        var result: [String: [Int]] = [:]
        for (position, term) in counted.terms.enumerated() {
            result[String(decoding: batch.terms.bytes(term), as: UTF8.self)] = (0 ..< fields).map { counted.count(at: position * fields + $0) }
        }
        return result
    }

    @Test func wordsAreStemmedCountedPerFieldAndStopwordsLeftOut() {
        let batch = TermCounter.count([document(title: "Indexing", body: "The index, the indexes and an indexed table.")][...])
        #expect(counts(of: batch) == ["index": [1, 0, 0, 0, 0, 3], "tabl": [0, 0, 0, 0, 0, 1]])
        #expect(batch.documents[0].lengths == [1, 0, 0, 0, 0, 4])
    }

    @Test func aCountPastTwoBytesIsKeptExactly() {
        let body = String(repeating: "replica ", count: 70_000)
        let batch = TermCounter.count([document(body: body), document(body: "replica")][...])
        #expect(counts(of: batch)["replica"] == [0, 0, 0, 0, 0, 70_000])
        #expect(counts(of: batch, document: 1)["replica"] == [0, 0, 0, 0, 0, 1])
    }
}
