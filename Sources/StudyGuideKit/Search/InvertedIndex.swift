/// Every term of the site with its postings: the documents holding it, ascending, each with its
/// saturation byte (`Saturation`): BM25 per field, summed with the fields' weights, so a word in
/// the title outranks any number of mentions in a long answer. The browser weighs it with the
/// term's idf.
///
/// The counts stay in their `SpilledTerms` file: postings are made a `Group` of terms at a time
/// (`postings(of:)`; `InvertedIndex+Groups.swift`), so no more than one group's postings are ever
/// in memory, however large the site.
struct InvertedIndex: Sendable {
    let terms: TermTable
    /// Term ids in the order of their bytes.
    let sorted: [Int32]
    /// How many documents hold each term, by id.
    var frequency: [Int32] { spilled.frequency }

    private let spilled: SpilledTerms
    /// Each term's place in `sorted`, by id.
    private let rank: [Int32]
    /// The site's average length of each field, rounded (`Saturation.roundedAverage`).
    let averages: [Double]
    /// Batches are split into this many runs of consecutive documents, whose postings are placed
    /// in parallel. Fixed, so the work does not depend on the machine; every result is exact
    /// (integer sums, disjoint writes), so neither do the bytes.
    static let runs = 8
    let runBatches: [Range<Int>]

    init(terms: TermTable, spilled: SpilledTerms) {
        let termCount = terms.count
        let batchCount = spilled.batchCount
        let runBatches = (0 ..< Self.runs).map { run in (batchCount * run / Self.runs) ..< (batchCount * (run + 1) / Self.runs) }
        let documentCount = spilled.documentCount
        let averages = spilled.totalLengths.map { Saturation.roundedAverage(total: $0, documents: documentCount) }
        let sorted = terms.sortedIDs()
        var rank = [Int32](repeating: 0, count: termCount)
        for (position, term) in sorted.enumerated() { rank[Int(term)] = Int32(position) }

        self.terms = terms
        self.sorted = sorted
        self.spilled = spilled
        self.rank = rank
        self.averages = averages
        self.runBatches = runBatches
    }

    /// How many postings each run gives each of a group's terms (by place in the group), which
    /// places the runs' postings. Counted for each group, not for the whole vocabulary at once:
    /// that was four bytes a term for each run, 73 MB for a Chinese site of 10,000 pages (every
    /// pair of characters is a term), and reading each group's counts twice reads nothing more
    /// in all than one pass over every class did.
    private func runFrequencies(of group: Group) -> [[Int32]] {
        let first = group.positions.lowerBound
        let index = self
        return parallelMap(runBatches) { batches -> [Int32] in
            var frequency = [Int32](repeating: 0, count: group.positions.count)
            frequency.withUnsafeMutableBufferPointer { frequency in
                index.rank.withUnsafeBufferPointer { rank in
                    var buffer: [UInt8] = []
                    index.spilled.forEachEntry(inBatches: batches, classes: group.classes, buffer: &buffer) { _, _, term, _, _ in
                        // A piece of a class keeps its own terms.
                        let place = Int(rank[Int(term)]) &- first
                        if UInt(bitPattern: place) < UInt(frequency.count) { frequency[place] &+= 1 }
                    }
                }
            }
            return frequency
        }
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
        for run in runFrequencies(of: group) {
            starts.append(next)
            for place in run.indices { next[place] += Int(run[place]) }
        }
        let firstSlot = starts
        let total = offsets[group.positions.count]
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
                            Saturation.thresholds.withUnsafeBufferPointer { thresholds in
                                let count = UInt(group.positions.count)
                                index.forEachScore(inBatches: index.runBatches[run], classes: group.classes) { term, document, score in
                                    let slot = Int(rank[Int(term)]) &- first
                                    guard UInt(bitPattern: slot) < count else { return }
                                    documents[next[slot]] = document
                                    scores[next[slot]] = Saturation.quantized(score, thresholds: thresholds)
                                    next[slot] &+= 1
                                }
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

    /// Calls `body` with the saturation (`Saturation`) of every posting of `classes` in `batches`.
    /// BM25's length norm needs each document's fields' lengths: they are read with each batch
    /// (all of them at once were 2.4 MB at 100,000 questions, made as the index's write began,
    /// the build's peak).
    @inline(__always)
    func forEachScore(inBatches batches: Range<Int>, classes: Range<Int>,
                      _ body: (_ term: Int32, _ document: Int32, _ saturation: Double) -> Void) {
        let fieldCount = PackedTerms.fieldCount
        var buffer: [UInt8] = []
        var lengths: [Int32] = [], lengthsBuffer: [UInt8] = []
        for batch in batches {
            spilled.readLengths(ofBatch: batch, into: &lengths, buffer: &lengthsBuffer)
            let firstDocument = spilled.batchStarts[batch]
            Saturation.weights.withUnsafeBufferPointer { weights in
                lengths.withUnsafeBufferPointer { lengths in
                    averages.withUnsafeBufferPointer { averages in
                        spilled.forEachEntry(inBatches: batch ..< batch + 1, classes: classes, buffer: &buffer) { _, document, term, fields, counts in
                            let documentLengths = lengths.baseAddress! + Int(document &- firstDocument) &* fieldCount
                            body(term, document, Saturation.of(fields: fields, counts: counts, lengths: documentLengths,
                                                               averages: averages.baseAddress!, weights: weights))
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
