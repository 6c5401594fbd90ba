internal import Foundation

/// Every term of the site with its postings: the documents holding it, ascending, each with a
/// score quantised to 1…255.
///
/// Scores are BM25 per field, summed with the fields' weights, so a word in the title outranks any
/// number of mentions in a long answer. Postings are flat arrays indexed by term id.
struct InvertedIndex {
    static let k1 = 1.2
    static let b = 0.75

    let terms: TermTable
    /// The postings of term `t` are `documents[offsets[t] ..< offsets[t + 1]]` and the same range of `scores`.
    let offsets: [Int]
    let documents: [Int32]
    let scores: [UInt8]

    /// The index of documents counted in order, numbered by one table of `terms`.
    init(terms: TermTable, counts: [PackedTerms]) {
        let fields = SearchDocument.Field.allCases
        let documentCount = counts.reduce(0) { $0 + $1.documentCount }
        var frequency = [Int](repeating: 0, count: terms.count)
        var totalLength = [Double](repeating: 0, count: fields.count)
        for batch in counts {
            for document in 0 ..< batch.documentCount {
                batch.forEachTerm(ofDocument: document) { term, _ in frequency[Int(term)] += 1 }
                for (field, length) in batch.lengths(ofDocument: document).enumerated() { totalLength[field] += Double(length) }
            }
        }
        let count = Double(max(documentCount, 1))
        let averageLength = totalLength.map { max($0 / count, 1) }

        var offsets = [Int](repeating: 0, count: terms.count + 1)
        for term in 0 ..< terms.count { offsets[term + 1] = offsets[term] + frequency[term] }
        // A term's inverse document frequency is the same in every posting: one logarithm per term.
        let inverseFrequency = frequency.map { df in log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5)) }
        // Two passes over the counts: the first finds the highest score, the second quantises each
        // score against it as it is computed, so no array of unquantised scores is ever held.
        func forEachScore(_ body: (_ term: Int, _ document: Int32, _ score: Double) -> Void) {
            let weights = fields.map(\.weight)
            var norms = [Double](repeating: 0, count: fields.count)
            var documentIndex: Int32 = 0
            for batch in counts {
                for document in 0 ..< batch.documentCount {
                    for (field, length) in batch.lengths(ofDocument: document).enumerated() {
                        norms[field] = Self.k1 * (1 - Self.b + Self.b * Double(length) / averageLength[field])
                    }
                    batch.forEachTerm(ofDocument: document) { term, counts in
                        var saturated = 0.0
                        for field in fields.indices {
                            let frequency = counts[field]
                            guard frequency > 0 else { continue }
                            let tf = Double(frequency)
                            saturated += weights[field] * tf * (Self.k1 + 1) / (tf + norms[field])
                        }
                        body(Int(term), documentIndex, inverseFrequency[Int(term)] * saturated)
                    }
                    documentIndex += 1
                }
            }
        }
        var highest = 0.0
        forEachScore { _, _, score in highest = max(highest, score) }
        var next = offsets
        var documents = [Int32](repeating: 0, count: offsets[terms.count])
        var scores = [UInt8](repeating: 0, count: offsets[terms.count])
        forEachScore { term, document, score in
            documents[next[term]] = document
            scores[next[term]] = UInt8(max(1, min(255, Int((score / highest * 255).rounded()))))
            next[term] += 1
        }
        self.terms = terms
        self.offsets = offsets
        self.documents = documents
        self.scores = scores
    }
}
