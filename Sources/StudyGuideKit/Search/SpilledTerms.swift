/// The counted terms of every document of the site, in order, kept in a `SpillFile` so that
/// memory does not grow with the text of the answers: only what scoring needs for every
/// document (its fields' lengths) and every term (how many documents hold it) stays in memory,
/// with where each batch's classes of terms lie in the file.
struct SpilledTerms: Sendable {
    private let file = SpillFile()
    /// For each batch, `TermClass.count + 1` offsets in the file: class `c` of batch `b` spans
    /// `classStarts[b * (count + 1) + c] ..< classStarts[b * (count + 1) + c + 1]`.
    private var classStarts: [Int] = []
    /// The first document of each batch, and one more entry for the end.
    private(set) var batchStarts: [Int32] = [0]
    /// Terms counted in each field, `PackedTerms.fieldCount` per document.
    private(set) var lengths: [Int32] = []
    /// How many documents hold each term, by global term id.
    private(set) var frequency: [Int32] = []

    var batchCount: Int { batchStarts.count - 1 }

    mutating func reserveCapacity(documents: Int) {
        lengths.reserveCapacity(documents * PackedTerms.fieldCount)
    }
    var documentCount: Int { Int(batchStarts[batchCount]) }

    /// Adds the next batch, whose terms were renumbered into ids below `termCount`.
    mutating func append(_ packed: PackedTerms, renumberedBy ids: [Int32], termCount: Int) {
        let start = packed.bytes.withUnsafeBytes { file.append($0) }
        classStarts.append(start)
        for end in packed.classEnds { classStarts.append(start + end) }
        batchStarts.append(batchStarts[batchCount] + Int32(packed.documentCount))
        lengths += packed.lengths
        if frequency.count < termCount { frequency += repeatElement(0, count: termCount - frequency.count) }
        for (local, id) in ids.enumerated() { frequency[Int(id)] += packed.frequency[local] }
    }

    /// Calls `body` for every entry of `classes` in `batches`, in document order within each
    /// class, with the document's number in the site. Reads the file into `buffer`.
    @inline(__always)
    func forEachEntry(inBatches batches: Range<Int>, classes: Range<Int>, buffer: inout [UInt8],
                      _ body: (_ batch: Int, _ document: Int32, _ term: Int32, _ fields: UInt8, _ counts: UnsafeBufferPointer<Int>) -> Void) {
        let stride = TermClass.count + 1
        for batch in batches {
            let range = classStarts[batch * stride + classes.lowerBound] ..< classStarts[batch * stride + classes.upperBound]
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
