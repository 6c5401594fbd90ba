/// The counted terms of consecutive documents, packed into bytes. For each document, for each
/// distinct term in order of first occurrence: the term id, a byte with one bit per field that
/// holds the term, then the term's count in each of those fields, all as LEB128 varints. About
/// four bytes a term, where arrays of ids and per-field counts took sixteen and an allocation per
/// document; the counts of every page are what a build holds longest for search.
struct PackedTerms: Sendable {
    static let fieldCount = SearchDocument.Field.allCases.count

    private(set) var bytes: [UInt8] = []
    /// Where each document starts in `bytes`, and one more entry for the end.
    private var starts: [Int] = [0]
    /// Terms counted in each field, `fieldCount` per document: the fields' lengths for BM25.
    private var lengths: [Int32] = []

    var documentCount: Int { starts.count - 1 }

    /// The documents of a counted batch, with each of its term ids `t` replaced by `ids[t]`, in
    /// arrays of exact size (they are kept until the whole site is counted).
    init(_ batch: CountedBatch, renumberedBy ids: [Int32]) {
        let fieldCount = Self.fieldCount
        // At most five bytes per varint: the term, then a count per field, and the field byte.
        let bound = batch.documentTerms.count * (5 + 1 + 5 * fieldCount)
        var starts = [0]
        starts.reserveCapacity(batch.ends.count + 1)
        let packed = [UInt8](unsafeUninitializedCapacity: bound) { out, written in
            var at = 0
            func varint(_ value: Int) {
                var value = UInt(value)
                while value >= 0x80 {
                    out[at] = UInt8(truncatingIfNeeded: value) | 0x80
                    at += 1
                    value >>= 7
                }
                out[at] = UInt8(value)
                at += 1
            }
            batch.documentTerms.withUnsafeBufferPointer { terms in
                batch.counts.withUnsafeBufferPointer { counts in
                    var position = 0
                    for end in batch.ends {
                        while position < end {
                            varint(Int(ids[Int(terms[position])]))
                            let fieldsAt = at
                            var fields: UInt8 = 0
                            at += 1
                            for field in 0 ..< fieldCount {
                                let count = Int(counts[position * fieldCount + field])
                                guard count > 0 else { continue }
                                fields |= 1 << field
                                varint(count)
                            }
                            out[fieldsAt] = fields
                            position += 1
                        }
                        starts.append(at)
                    }
                }
            }
            written = at
        }
        bytes = packed.withUnsafeBufferPointer { Array($0) }
        self.starts = starts
        lengths = batch.lengths
    }

    /// The fields' lengths of `document`.
    func lengths(ofDocument document: Int) -> ArraySlice<Int32> {
        lengths[(document * Self.fieldCount) ..< ((document + 1) * Self.fieldCount)]
    }

    /// Calls `body` with each term of `document` and its count per field (zero where absent).
    func forEachTerm(ofDocument document: Int, _ body: (_ term: Int32, _ counts: UnsafeBufferPointer<Int>) -> Void) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.fieldCount) { counts in
            bytes.withUnsafeBufferPointer { bytes in
                var at = starts[document]
                let end = starts[document + 1]
                func varint() -> Int {
                    var value = 0, shift = 0
                    while true {
                        let byte = bytes[at]
                        at += 1
                        value |= Int(byte & 0x7F) << shift
                        if byte < 0x80 { return value }
                        shift += 7
                    }
                }
                while at < end {
                    let term = Int32(varint())
                    let fields = bytes[at]
                    at += 1
                    for field in 0 ..< Self.fieldCount {
                        counts[field] = fields & (1 << field) != 0 ? varint() : 0
                    }
                    body(term, UnsafeBufferPointer(counts))
                }
            }
        }
    }
}
