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

    /// Adds a document: its distinct `terms`, and `fieldCount` counts per term in the same order.
    mutating func appendDocument(terms: [Int32], counts: [Int], lengths: [Int32]) {
        precondition(counts.count == terms.count * Self.fieldCount && lengths.count == Self.fieldCount)
        for (position, term) in terms.enumerated() {
            appendTerm(term, counts: counts[(position * Self.fieldCount)...].prefix(Self.fieldCount))
        }
        starts.append(bytes.count)
        self.lengths += lengths
    }

    private mutating func appendTerm(_ term: Int32, counts: some Collection<Int>) {
        appendVarint(Int(term))
        var fields: UInt8 = 0
        for (field, count) in counts.enumerated() where count > 0 { fields |= 1 << field }
        bytes.append(fields)
        for count in counts where count > 0 { appendVarint(count) }
    }

    private mutating func appendVarint(_ value: Int) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
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

    /// The same documents with each term id `t` replaced by `ids[t]`, in arrays of exact size
    /// (they are kept until the whole site is counted).
    func renumbered(_ ids: [Int32]) -> PackedTerms {
        var result = PackedTerms()
        result.bytes.reserveCapacity(bytes.count + bytes.count / 4)
        result.starts.reserveCapacity(starts.count)
        for document in 0 ..< documentCount {
            forEachTerm(ofDocument: document) { term, counts in result.appendTerm(ids[Int(term)], counts: counts) }
            result.starts.append(result.bytes.count)
        }
        result.lengths = lengths
        result.bytes = result.bytes.withUnsafeBufferPointer { Array($0) }
        return result
    }
}
