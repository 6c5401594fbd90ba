internal import Foundation

/// Every term of the site with its postings: the documents holding it, ascending, each with a
/// score quantised to 1…255.
///
/// Scores are BM25 per field, summed with the fields' weights, so a word in the title outranks any
/// number of mentions in a long answer. The counts stay in their `SpilledTerms` file: postings are
/// made a `Group` of term classes at a time (`postings(of:)`), so no more than one group's postings
/// are ever in memory, however large the site.
struct InvertedIndex: Sendable {
    static let k1 = 1.2
    static let b = 0.75

    let terms: TermTable
    /// Term ids in the order of their bytes.
    let sorted: [Int32]
    /// How many documents hold each term, by id.
    var frequency: [Int32] { spilled.frequency }

    private let spilled: SpilledTerms
    /// Each term's place in `sorted`, by id.
    private let rank: [Int32]
    private let inverseFrequency: [Double]
    /// BM25's length norm of each field of each document, `PackedTerms.fieldCount` per document:
    /// worked out once, not in each pass over the counts.
    private let norms: [Double]
    /// The highest unquantised score of any posting: it quantises to 255.
    private(set) var highest = 0.0
    /// Batches are split into this many runs of consecutive documents, which are scored and
    /// placed in parallel. Fixed, so the work does not depend on the machine; every result is
    /// exact (integer sums, a maximum, disjoint writes), so neither do the bytes.
    static let runs = 8
    let runBatches: [Range<Int>]
    /// How many documents of each run hold each term.
    private var runFrequency: [[Int32]] = []

    /// Terms whose postings are made together: whole classes, a range of `sorted`.
    struct Group: Equatable {
        var classes: Range<Int>
        var positions: Range<Int>
    }

    init(terms: TermTable, spilled: SpilledTerms) {
        let fields = SearchDocument.Field.allCases
        let termCount = terms.count
        let batchCount = spilled.batchCount
        let runBatches = (0 ..< Self.runs).map { run in (batchCount * run / Self.runs) ..< (batchCount * (run + 1) / Self.runs) }
        // Summed as integers: the same as the floating-point sum in document order, which is exact
        // below 2^53.
        let documentCount = spilled.documentCount
        let count = Double(max(documentCount, 1))
        let averageLength = spilled.totalLengths.map { max(Double($0) / count, 1) }
        var norms: [Double] = []
        norms.reserveCapacity(documentCount * fields.count)
        spilled.forEachBatchLengths { lengths in
            for at in lengths.indices {
                norms.append(Self.k1 * (1 - Self.b + Self.b * Double(lengths[at]) / averageLength[at % fields.count]))
            }
        }
        // A term's inverse document frequency is the same in every posting: one logarithm per term.
        let inverseFrequency = (0 ..< termCount).map { term -> Double in
            let df = Double(term < spilled.frequency.count ? spilled.frequency[term] : 0)
            return log(1 + (count - df + 0.5) / (df + 0.5))
        }
        let sorted = terms.sortedIDs()
        var rank = [Int32](repeating: 0, count: termCount)
        for (position, term) in sorted.enumerated() { rank[Int(term)] = Int32(position) }

        self.terms = terms
        self.sorted = sorted
        self.spilled = spilled
        self.rank = rank
        self.inverseFrequency = inverseFrequency
        self.norms = norms
        self.runBatches = runBatches

        // One pass over every count finds the highest score, against which each is quantised,
        // and how many postings each run gives each term, which places the runs' postings. A
        // field adds less than its weight times k1 + 1 to a score (tf / (tf + norm) < 1), so a
        // posting is scored only when that ceiling, with room for rounding, could beat the
        // highest so far: the highest found is the same.
        let ceilings = (0 ..< 1 << fields.count).map { present in
            fields.indices.reduce(0.0) { present >> $1 & 1 == 1 ? $0 + Self.weights[$1] * (Self.k1 + 1) : $0 } * (1 + 1e-9)
        }
        let index = self
        let passes = parallelMap(runBatches) { batches -> (Double, [Int32]) in
            var highest = 0.0
            var frequency = [Int32](repeating: 0, count: termCount)
            frequency.withUnsafeMutableBufferPointer { frequency in
                ceilings.withUnsafeBufferPointer { ceilings in
                    inverseFrequency.withUnsafeBufferPointer { inverseFrequency in
                        index.forEachPosting(inBatches: batches, classes: 0 ..< TermClass.count) { term, _, fields, score in
                            frequency[Int(term)] &+= 1
                            if inverseFrequency[Int(term)] * ceilings[Int(fields)] > highest { highest = max(highest, score()) }
                        }
                    }
                }
            }
            return (highest, frequency)
        }
        highest = passes.map(\.0).max() ?? 0
        runFrequency = passes.map(\.1)
    }

    /// Consecutive classes whose postings number at most `budget` together (a larger class alone).
    func groups(budget: Int) -> [Group] {
        var result: [Group] = []
        var position = 0
        var classStart = 0
        var postings = 0
        var groupStart = 0
        for termClass in 0 ..< TermClass.count {
            var end = position
            var classPostings = 0
            while end < sorted.count, Int(TermClass.of(terms.bytes(sorted[end]).first ?? 0)) == termClass {
                classPostings += Int(frequency[Int(sorted[end])])
                end += 1
            }
            if postings > 0, postings + classPostings > budget {
                result.append(Group(classes: classStart ..< termClass, positions: groupStart ..< position))
                classStart = termClass
                groupStart = position
                postings = 0
            }
            postings += classPostings
            position = end
        }
        if groupStart < sorted.count { result.append(Group(classes: classStart ..< TermClass.count, positions: groupStart ..< sorted.count)) }
        return result
    }

    /// The postings of a group's terms, read back from the spilled counts.
    func postings(of group: Group) -> Postings {
        let first = group.positions.lowerBound
        var offsets = [Int](repeating: 0, count: group.positions.count + 1)
        for position in group.positions {
            offsets[position - first + 1] = offsets[position - first] + Int(frequency[Int(sorted[position])])
        }
        // Each run writes its documents' postings after those of the runs before it, term by term.
        var starts: [[Int]] = []
        var next = Array(offsets.dropLast())
        for run in runFrequency {
            starts.append(next)
            for position in group.positions { next[position - first] += Int(run[Int(sorted[position])]) }
        }
        let firstSlot = starts
        let total = offsets[group.positions.count]
        let highest = highest
        let index = self
        var scores: [UInt8] = []
        // Arrays made with no room write into the one empty array every thread shares.
        guard total > 0 else { return Postings(positions: group.positions, offsets: offsets, documents: [], scores: []) }
        let documents = [Int32](unsafeUninitializedCapacity: total) { documentSlots, written in
            scores = [UInt8](unsafeUninitializedCapacity: total) { scoreSlots, scored in
                let out = PostingSlots(documents: documentSlots.baseAddress, scores: scoreSlots.baseAddress)
                _ = parallelMap(Array(runBatches.indices)) { run in
                    guard let documents = out.documents, let scores = out.scores else { return }
                    var next = firstSlot[run]
                    next.withUnsafeMutableBufferPointer { next in
                        index.rank.withUnsafeBufferPointer { rank in
                            index.forEachScore(inBatches: index.runBatches[run], classes: group.classes) { term, document, score in
                                let slot = Int(rank[Int(term)]) &- first
                                documents[next[slot]] = document
                                scores[next[slot]] = Self.quantized(score, highest: highest)
                                next[slot] &+= 1
                            }
                        }
                    }
                }
                scored = total
            }
            written = total
        }
        return Postings(positions: group.positions, offsets: offsets, documents: documents, scores: scores)
    }

    /// `score` against the highest, as a byte: `score / highest * 255` rounded half away from
    /// zero, as `rounded()` does, into 1…255. `rounded()` is a call into libm per posting; for a
    /// value in 0…255, its whole part and the exact remainder round it the same.
    @inline(__always)
    static func quantized(_ score: Double, highest: Double) -> UInt8 {
        let scaled = score / highest * 255
        var whole = Int(scaled)
        if scaled - Double(whole) >= 0.5 { whole += 1 }
        return UInt8(max(1, min(255, whole)))
    }

    /// The weight of each field, in field order.
    private static let weights = SearchDocument.Field.allCases.map(\.weight)

    /// Calls `body` with the unquantised score of every posting of `classes` in `batches`.
    @inline(__always)
    func forEachScore(inBatches batches: Range<Int>, classes: Range<Int>,
                      _ body: (_ term: Int32, _ document: Int32, _ score: Double) -> Void) {
        forEachPosting(inBatches: batches, classes: classes) { term, document, _, score in body(term, document, score()) }
    }

    /// Calls `body` with every posting of `classes` in `batches`: its term, document, a bit per
    /// field holding the term, and what works out its unquantised score.
    @inline(__always)
    private func forEachPosting(inBatches batches: Range<Int>, classes: Range<Int>,
                                _ body: (_ term: Int32, _ document: Int32, _ fields: UInt8, _ score: () -> Double) -> Void) {
        let fieldCount = PackedTerms.fieldCount
        var buffer: [UInt8] = []
        Self.weights.withUnsafeBufferPointer { weights in
            norms.withUnsafeBufferPointer { norms in
                inverseFrequency.withUnsafeBufferPointer { inverseFrequency in
                    spilled.forEachEntry(inBatches: batches, classes: classes, buffer: &buffer) { _, document, term, fields, counts in
                        body(term, document, fields) {
                            let base = Int(document) &* fieldCount
                            // Summed in field order, as before: the bits are visited from the lowest.
                            // A field's bit is set only when its count is above zero.
                            var saturated = 0.0
                            var present = fields
                            while present != 0 {
                                let field = present.trailingZeroBitCount
                                present &= present &- 1
                                let tf = Double(counts[field])
                                saturated += weights[field] * tf * (Self.k1 + 1) / (tf + norms[base &+ field])
                            }
                            return inverseFrequency[Int(term)] * saturated
                        }
                    }
                }
            }
        }
    }
}

/// The postings of consecutive terms of the sorted vocabulary.
struct Postings: Sendable {
    /// Places in `InvertedIndex.sorted`.
    let positions: Range<Int>
    let offsets: [Int]
    let documents: [Int32]
    let scores: [UInt8]

    /// Where the postings of the term at `position` of the sorted vocabulary are.
    func range(at position: Int) -> Range<Int> {
        offsets[position - positions.lowerBound] ..< offsets[position - positions.lowerBound + 1]
    }
}

/// Where the runs of `InvertedIndex.postings(of:)` write their postings: each run its own slots.
private struct PostingSlots: @unchecked Sendable {
    let documents: UnsafeMutablePointer<Int32>?
    let scores: UnsafeMutablePointer<UInt8>?
}
