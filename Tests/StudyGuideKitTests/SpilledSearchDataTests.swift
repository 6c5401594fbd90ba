// Covers: what the search index builder sets aside on disk (facets, fields' lengths) reads back as it was.
import Testing
@testable import StudyGuideKit

@Suite struct SpilledSearchDataTests {
    func document(category: Int, difficulty: Int, kind: Int, tags: [Int]) -> SearchDocument {
        SearchDocument(title: "", url: "a.html", category: category, difficulty: difficulty, kind: kind, tags: tags,
                       summary: "", excerpt: "", fields: [])
    }

    /// `search/facets.js` as it was written from lists of every document's facets held in memory.
    func expectedScript(_ documents: [SearchDocument]) -> String {
        func list(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ",") + "]" }
        return "StudyGuideSearch.registerFacets({\"category\":\(list(documents.map(\.category)))"
            + ",\"difficulty\":\(list(documents.map(\.difficulty))),\"kind\":\(list(documents.map(\.kind)))"
            + ",\"tags\":[" + documents.map { list($0.tags) }.joined(separator: ",") + "]});\n"
    }

    @Test func facetsReadBackAsTheyCame() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 7, 3000] {
            let documents = (0 ..< size).map { _ in
                document(category: Int.random(in: 0 ... 300, using: &generator), difficulty: Int.random(in: 0 ... 2, using: &generator),
                         kind: Int.random(in: 0 ... 3, using: &generator),
                         tags: (0 ..< Int.random(in: 0 ... 5, using: &generator)).map { _ in Int.random(in: 0 ... 40_000, using: &generator) })
            }
            var facets = Facets()
            for document in documents { facets.append(document) }
            #expect(facets.count == size)
            #expect(String(decoding: facets.script(), as: UTF8.self) == expectedScript(documents))
        }
    }

    /// Each batch's fields' lengths lie in the spill file before its terms: they read back batch
    /// by batch, in order, and their totals are kept.
    @Test func fieldsLengthsReadBackBatchByBatch() {
        var generator = SystemRandomNumberGenerator()
        let fieldCount = PackedTerms.fieldCount
        var spilled = SpilledTerms()
        var terms = TermTable()
        var kept: [[Int32]] = []
        for _ in 0 ..< 12 {
            var batch = CountedBatch(terms: TermTable())
            for _ in 0 ..< Int.random(in: 1 ... 9, using: &generator) {
                for term in 0 ..< Int32.random(in: 0 ... 3, using: &generator) {
                    let word = Array("t\(term)".utf8)
                    _ = word.withUnsafeBufferPointer { batch.terms.id(of: $0) }
                    batch.documentTerms.append(term)
                    batch.appendCounts([1, 0, 0, 0, 0, 2])
                }
                batch.ends.append(batch.documentTerms.count)
                batch.lengths += (0 ..< fieldCount).map { _ in Int32.random(in: 0 ... 100_000, using: &generator) }
            }
            let ids = (0 ..< Int32(batch.terms.count)).map { local in batch.terms.bytes(local).withUnsafeBufferPointer { terms.id(of: $0) } }
            let classes = (0 ..< Int32(batch.terms.count)).map { TermClass.of(batch.terms.bytes($0)) }
            spilled.append(PackedTerms(batch, renumberedBy: ids, classes: classes), renumberedBy: ids, termCount: terms.count)
            kept.append(batch.lengths)
        }
        var read: [[Int32]] = []
        spilled.forEachBatchLengths { read.append(Array($0)) }
        #expect(read == kept)
        let all = kept.flatMap { $0 }
        #expect(spilled.totalLengths == (0 ..< fieldCount).map { field in
            stride(from: field, to: all.count, by: fieldCount).reduce(0) { $0 + Int(all[$1]) }
        })
        // The terms after each batch's lengths read as they were packed.
        var entries = 0
        var buffer: [UInt8] = []
        spilled.forEachEntry(inBatches: 0 ..< spilled.batchCount, classes: 0 ..< TermClass.count, buffer: &buffer) { _, _, _, _, counts in
            #expect(Array(counts) == [1, 0, 0, 0, 0, 2])
            entries += 1
        }
        #expect(entries == spilled.frequency.reduce(0) { $0 + Int($1) })
    }
}
