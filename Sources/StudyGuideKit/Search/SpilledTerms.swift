/// The counted terms of every document of the site, in order, kept in a `SpillFile` so that
/// memory does not grow with the text of the answers: only what scoring needs for every term
/// (how many documents hold it) and the fields' total lengths stay in memory, with where each
/// batch's classes of terms lie in the file. Each batch's fields' lengths lie just before its
/// terms: 24 bytes a document, read with the batch's terms when postings are scored.
struct SpilledTerms: Sendable {
    private let file = SpillFile()
    /// Where each batch's terms start in the file.
    private var batchOffsets: [Int] = []
    /// For each batch, where each class of its terms ends, from the batch's offset: class `c` of
    /// batch `b` ends at `classEnds[b * TermClass.count + c]` (four bytes each: a batch's terms
    /// are far below 4 GB, the whole file need not be).
    private var classEnds: [UInt32] = []
    /// The first document of each batch, and one more entry for the end.
    private(set) var batchStarts: [Int32] = [0]
    /// Terms counted in each field, summed over every document.
    private(set) var totalLengths = [Int](repeating: 0, count: PackedTerms.fieldCount)
    /// How many documents hold each term, by global term id.
    private(set) var frequency: [Int32] = []

    var batchCount: Int { batchStarts.count - 1 }

    var documentCount: Int { Int(batchStarts[batchCount]) }

    /// Adds the next batch, whose terms were renumbered into ids below `termCount`.
    mutating func append(_ packed: PackedTerms, renumberedBy ids: [Int32], termCount: Int) {
        _ = packed.lengths.withUnsafeBytes { file.append($0) }
        batchOffsets.append(packed.bytes.withUnsafeBytes { file.append($0) })
        classEnds += packed.classEnds.lazy.map { UInt32($0) }
        batchStarts.append(batchStarts[batchCount] + Int32(packed.documentCount))
        for (at, length) in packed.lengths.enumerated() { totalLengths[at % PackedTerms.fieldCount] += Int(length) }
        if frequency.count < termCount { frequency += repeatElement(0, count: termCount - frequency.count) }
        for (local, id) in ids.enumerated() { frequency[Int(id)] += packed.frequency[local] }
    }

    /// Calls `body` with the fields' lengths of each batch's documents in order,
    /// `PackedTerms.fieldCount` per document.
    func forEachBatchLengths(_ body: (UnsafeBufferPointer<Int32>) -> Void) {
        var buffer: [UInt8] = []
        var lengths: [Int32] = []
        for batch in 0 ..< batchCount {
            readLengths(ofBatch: batch, into: &lengths, buffer: &buffer)
            lengths.withUnsafeBufferPointer(body)
        }
    }

    /// The fields' lengths of the documents of `batch`, `PackedTerms.fieldCount` per document,
    /// read from the file into `lengths` (through `buffer`).
    func readLengths(ofBatch batch: Int, into lengths: inout [Int32], buffer: inout [UInt8]) {
        let count = Int(batchStarts[batch + 1] - batchStarts[batch]) * PackedTerms.fieldCount
        let end = batchOffsets[batch]
        file.read(end - count * MemoryLayout<Int32>.size ..< end, into: &buffer)
        lengths.removeAll(keepingCapacity: true)
        buffer.withUnsafeBytes { bytes in
            for at in 0 ..< count { lengths.append(bytes.loadUnaligned(fromByteOffset: at * 4, as: Int32.self)) }
        }
    }

    /// Calls `body` for every entry of `classes` in `batches`, in document order within each
    /// class, with the document's number in the site. Reads the file into `buffer`.
    @inline(__always)
    func forEachEntry(inBatches batches: Range<Int>, classes: Range<Int>, buffer: inout [UInt8],
                      _ body: (_ batch: Int, _ document: Int32, _ term: Int32, _ fields: UInt8, _ counts: UnsafeBufferPointer<Int>) -> Void) {
        for batch in batches {
            func offset(ofClass termClass: Int) -> Int {
                batchOffsets[batch] + (termClass == 0 ? 0 : Int(classEnds[batch * TermClass.count + termClass - 1]))
            }
            let range = offset(ofClass: classes.lowerBound) ..< offset(ofClass: classes.upperBound)
            guard !range.isEmpty else { continue }
            file.read(range, into: &buffer)
            let first = batchStarts[batch]
            buffer.withUnsafeBufferPointer { bytes in
                PackedTerms.forEachEntry(in: bytes) { document, term, fields, counts in
                    body(batch, first + Int32(document), term, fields, counts)
                }
            }
        }
    }
}
