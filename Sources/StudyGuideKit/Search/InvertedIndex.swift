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

    /// Batches of counts are split into this many runs of consecutive documents, which are
    /// counted, scored and placed in parallel. Fixed, so the work does not depend on the machine;
    /// every result is exact (integer sums, a maximum, disjoint writes), so neither do the bytes.
    static let runs = 8

    /// The index of documents counted in order, numbered by one table of `terms`.
    init(terms: TermTable, counts: [PackedTerms]) {
        let fields = SearchDocument.Field.allCases
        let termCount = terms.count
        let runs = (0 ..< Self.runs).map { run in (counts.count * run / Self.runs) ..< (counts.count * (run + 1) / Self.runs) }

        // How many documents of each run hold each term.
        let runFrequency = parallelMap(runs) { batches -> [Int32] in
            var frequency = [Int32](repeating: 0, count: termCount)
            for batch in counts[batches] {
                for document in 0 ..< batch.documentCount {
                    batch.forEachTerm(ofDocument: document) { term, _ in frequency[Int(term)] += 1 }
                }
            }
            return frequency
        }
        var frequency = [Int](repeating: 0, count: termCount)
        for run in runFrequency {
            for term in 0 ..< termCount { frequency[term] += Int(run[term]) }
        }
        // Summed in document order, alone: floating-point sums depend on their order.
        var totalLength = [Double](repeating: 0, count: fields.count)
        var documentCount = 0
        for batch in counts {
            for document in 0 ..< batch.documentCount {
                for (field, length) in batch.lengths(ofDocument: document).enumerated() { totalLength[field] += Double(length) }
            }
            documentCount += batch.documentCount
        }
        let count = Double(max(documentCount, 1))
        let averageLength = totalLength.map { max($0 / count, 1) }

        var offsets = [Int](repeating: 0, count: termCount + 1)
        for term in 0 ..< termCount { offsets[term + 1] = offsets[term] + frequency[term] }
        // A term's inverse document frequency is the same in every posting: one logarithm per term.
        let inverseFrequency = frequency.map { df in log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5)) }
        let weights = fields.map(\.weight)
        // Two passes over the counts: the first finds the highest score, the second quantises each
        // score against it as it is computed, so no array of unquantised scores is ever held.
        @Sendable func forEachScore(in batches: Range<Int>, _ body: (_ term: Int, _ document: Int32, _ score: Double) -> Void) {
            var norms = [Double](repeating: 0, count: fields.count)
            var documentIndex = Int32(counts[..<batches.lowerBound].reduce(0) { $0 + $1.documentCount })
            for batch in counts[batches] {
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
        let highest = parallelMap(runs) { batches -> Double in
            var highest = 0.0
            forEachScore(in: batches) { _, _, score in highest = max(highest, score) }
            return highest
        }.max() ?? 0

        // Each run writes its documents' postings after those of the runs before it, term by term.
        var positions: [[Int]] = []
        var next = Array(offsets.dropLast())
        for run in runFrequency {
            positions.append(next)
            for term in 0 ..< termCount { next[term] += Int(run[term]) }
        }
        let firstPosition = positions
        let total = offsets[termCount]
        var scores: [UInt8] = []
        let documents = [Int32](unsafeUninitializedCapacity: total) { documentSlots, written in
            scores = [UInt8](unsafeUninitializedCapacity: total) { scoreSlots, scored in
                let out = PostingSlots(documents: documentSlots.baseAddress, scores: scoreSlots.baseAddress)
                _ = parallelMap(Array(runs.indices)) { run in
                    var next = firstPosition[run]
                    forEachScore(in: runs[run]) { term, document, score in
                        out.documents?[next[term]] = document
                        out.scores?[next[term]] = UInt8(max(1, min(255, Int((score / highest * 255).rounded()))))
                        next[term] += 1
                    }
                }
                scored = total
            }
            written = total
        }
        self.terms = terms
        self.offsets = offsets
        self.documents = documents
        self.scores = scores
    }
}

/// Where the runs of `InvertedIndex.init` write their postings: each run its own slots.
private struct PostingSlots: @unchecked Sendable {
    let documents: UnsafeMutablePointer<Int32>?
    let scores: UnsafeMutablePointer<UInt8>?
}
