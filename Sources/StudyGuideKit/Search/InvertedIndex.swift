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

    /// Merges batches counted in document order into one index numbered by a single table.
    init(batches: [CountedBatch], documentCount: Int) {
        let fields = SearchDocument.Field.allCases
        var terms = TermTable(capacity: 1 << 16)
        let global: [[Int32]] = batches.map { batch in
            (0 ..< Int32(batch.terms.count)).map { local in
                batch.terms.bytes(local).withUnsafeBufferPointer { terms.id(of: $0) }
            }
        }

        var frequency = [Int](repeating: 0, count: terms.count)
        var totalLength = [Double](repeating: 0, count: fields.count)
        for (batch, ids) in zip(batches, global) {
            for document in batch.documents {
                for local in document.terms { frequency[Int(ids[Int(local)])] += 1 }
                for field in fields.indices { totalLength[field] += Double(document.lengths[field]) }
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
            for (batch, ids) in zip(batches, global) {
                for document in batch.documents {
                    for field in fields.indices {
                        norms[field] = Self.k1 * (1 - Self.b + Self.b * Double(document.lengths[field]) / averageLength[field])
                    }
                    for (position, local) in document.terms.enumerated() {
                        var saturated = 0.0
                        for field in fields.indices {
                            let frequency = document.count(at: position * fields.count + field)
                            guard frequency > 0 else { continue }
                            let tf = Double(frequency)
                            saturated += weights[field] * tf * (Self.k1 + 1) / (tf + norms[field])
                        }
                        let term = Int(ids[Int(local)])
                        body(term, documentIndex, inverseFrequency[term] * saturated)
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
