/// The counted terms of one counting batch, packed into bytes and grouped by `TermClass`, so
/// that the postings of a few classes can later be read back without the rest. Each entry is
/// the document's place in the batch, the term id, a byte with one bit per field that holds the
/// term, then the term's count in each of those fields, all as LEB128 varints: about five bytes
/// a term. Within a class, entries are in document order.
struct PackedTerms: Sendable {
    static let fieldCount = SearchDocument.Field.allCases.count

    private(set) var bytes: [UInt8] = []
    /// Where each class's entries end in `bytes` (the first class starts at 0).
    private(set) var classEnds: [Int] = []
    /// Terms counted in each field, `fieldCount` per document: the fields' lengths for BM25.
    private(set) var lengths: [Int32] = []
    /// How many of the batch's documents hold each of its terms, by the batch's own numbering.
    private(set) var frequency: [Int32] = []
    let documentCount: Int

    /// The documents of a counted batch, with each of its term ids `t` replaced by `ids[t]` and
    /// filed under class `classes[t]`.
    init(_ batch: CountedBatch, renumberedBy ids: [Int32], classes: [UInt8]) {
        var frequency = [Int32](repeating: 0, count: ids.count)
        // One pass sizes each class's entries, the next writes each entry straight into its class's
        // place, in document order: the bytes take what they hold, with no reordering on the way.
        // The counts are already in their packed form (`FieldCounts`): copied, not encoded again.
        var classStarts = [Int](repeating: 0, count: TermClass.count + 1)
        let entryCount = batch.documentTerms.count
        var countLengths = [UInt8](repeating: 0, count: entryCount)
        func varintSize(_ value: Int) -> Int { value < 0x80 ? 1 : (Int.bitWidth - value.leadingZeroBitCount + 6) / 7 }
        batch.documentTerms.withUnsafeBufferPointer { terms in
            batch.fieldCounts.withUnsafeBufferPointer { counts in
                classes.withUnsafeBufferPointer { classes in
                    ids.withUnsafeBufferPointer { ids in
                        frequency.withUnsafeMutableBufferPointer { frequency in
                            countLengths.withUnsafeMutableBufferPointer { countLengths in
                                classStarts.withUnsafeMutableBufferPointer { classStarts in
                                    var position = 0, countsAt = 0
                                    for (document, end) in batch.ends.enumerated() {
                                        let documentSize = varintSize(document)
                                        while position < end {
                                            let term = Int(terms[position])
                                            frequency[term] &+= 1
                                            let length = FieldCounts.length(at: counts.baseAddress! + countsAt)
                                            countLengths[position] = UInt8(truncatingIfNeeded: length)
                                            classStarts[Int(classes[term]) &+ 1] &+= documentSize &+ varintSize(Int(ids[term])) &+ length
                                            countsAt &+= length
                                            position &+= 1
                                        }
                                    }
                                    for termClass in 0 ..< TermClass.count { classStarts[termClass + 1] += classStarts[termClass] }
                                }
                            }
                        }
                    }
                }
            }
        }
        let size = classStarts[TermClass.count]
        // Never made with no room: see `HTMLCopy`'s copy (an empty batch packs nothing).
        bytes = size == 0 ? [] : [UInt8](unsafeUninitializedCapacity: size) { buffer, written in
            guard size > 0, let start = buffer.baseAddress else { return }
            var next = classStarts
            batch.documentTerms.withUnsafeBufferPointer { terms in
                batch.fieldCounts.withUnsafeBufferPointer { counts in
                    classes.withUnsafeBufferPointer { classes in
                        ids.withUnsafeBufferPointer { ids in
                            countLengths.withUnsafeBufferPointer { countLengths in
                                next.withUnsafeMutableBufferPointer { next in
                                    var position = 0
                                    var from = counts.baseAddress!
                                    for (document, end) in batch.ends.enumerated() {
                                        while position < end {
                                            let term = Int(terms[position])
                                            let termClass = Int(classes[term])
                                            var at = start + next[termClass]
                                            Self.put(document, at: &at)
                                            Self.put(Int(ids[term]), at: &at)
                                            // Mostly two bytes: a loop costs less than a call to copy them.
                                            let length = Int(countLengths[position])
                                            var copied = 0
                                            while copied < length {
                                                at[copied] = from[copied]
                                                copied &+= 1
                                            }
                                            at += length
                                            from += length
                                            next[termClass] = at - start
                                            position &+= 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            written = size
        }
        classEnds = Array(classStarts[1...])
        lengths = batch.lengths
        self.frequency = frequency
        documentCount = batch.ends.count
    }

    /// Writes `value` as a LEB128 varint at `at`, and moves `at` past it.
    @inline(__always)
    private static func put(_ value: Int, at: inout UnsafeMutablePointer<UInt8>) {
        var value = UInt(bitPattern: value)
        while value >= 0x80 {
            at.pointee = UInt8(truncatingIfNeeded: value) | 0x80
            at += 1
            value >>= 7
        }
        at.pointee = UInt8(value)
        at += 1
    }

    /// Calls `body` with every entry of `bytes` (whole entries of one batch): the document's
    /// place in its batch, the term, a bit per field that holds it, and its count per field (zero
    /// where absent). Inlined into the scorer, which reads millions of entries.
    @inline(__always)
    static func forEachEntry(in bytes: UnsafeBufferPointer<UInt8>,
                             _ body: (_ document: Int, _ term: Int32, _ fields: UInt8, _ counts: UnsafeBufferPointer<Int>) -> Void) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { counts in
            var at = 0
            let base = bytes.baseAddress!
            @inline(__always)
            func varint() -> Int { Varint.read(base, at: &at) }
            counts.initialize(repeating: 0)
            while at < bytes.count {
                let document = varint()
                let term = Int32(truncatingIfNeeded: varint())
                let fields = bytes[at]
                at &+= 1
                // Most terms are in one or two fields: only those are read, and cleared after.
                var present = fields
                while present != 0 {
                    counts[present.trailingZeroBitCount] = varint()
                    present &= present &- 1
                }
                body(document, term, fields, UnsafeBufferPointer(counts))
                present = fields
                while present != 0 {
                    counts[present.trailingZeroBitCount] = 0
                    present &= present &- 1
                }
            }
        }
    }
}

/// Terms grouped by their first byte, in byte order: the terms of consecutive classes are
/// neighbours in sorted order, so a range of classes is a range of the sorted vocabulary, and
/// the index can be written a few classes at a time.
enum TermClass {
    /// Digits and letters each have their own class; other bytes share the classes between them.
    static let count = 39

    static func of(_ firstByte: UInt8) -> UInt8 {
        switch firstByte {
        case ..<UInt8(ascii: "0"): return 0
        case ...UInt8(ascii: "9"): return 1 + firstByte - UInt8(ascii: "0")
        case ..<UInt8(ascii: "a"): return 11
        case ...UInt8(ascii: "z"): return 12 + firstByte - UInt8(ascii: "a")
        default: return 38
        }
    }
}

extension [UInt8] {
    mutating func appendVarint(_ value: Int) {
        var value = UInt(value)
        while value >= 0x80 {
            append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        append(UInt8(value))
    }
}
