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
        let fieldCount = Self.fieldCount
        let entryCount = batch.documentTerms.count
        var frequency = [Int32](repeating: 0, count: ids.count)
        // The entries ordered by class, each class in document order (a stable counting sort),
        // then encoded one after another through a pointer: no array per class, no check per byte.
        var classStarts = [Int](repeating: 0, count: TermClass.count + 1)
        var documentOf = [Int32](repeating: 0, count: entryCount)
        var order = [Int32](repeating: 0, count: entryCount)
        var ends: [Int] = []
        ends.reserveCapacity(TermClass.count)
        func varintSize(_ value: Int) -> Int { value < 0x80 ? 1 : (Int.bitWidth - value.leadingZeroBitCount + 6) / 7 }
        // One pass finds each entry's document, each term's documents and each class's entries.
        batch.documentTerms.withUnsafeBufferPointer { terms in
            classes.withUnsafeBufferPointer { classes in
                frequency.withUnsafeMutableBufferPointer { frequency in
                    classStarts.withUnsafeMutableBufferPointer { classStarts in
                        documentOf.withUnsafeMutableBufferPointer { documentOf in
                            var position = 0
                            for (document, end) in batch.ends.enumerated() {
                                while position < end {
                                    let term = Int(terms[position])
                                    frequency[term] &+= 1
                                    classStarts[Int(classes[term]) &+ 1] &+= 1
                                    documentOf[position] = Int32(truncatingIfNeeded: document)
                                    position &+= 1
                                }
                            }
                        }
                        for termClass in 0 ..< TermClass.count { classStarts[termClass + 1] += classStarts[termClass] }
                    }
                }
                order.withUnsafeMutableBufferPointer { order in
                    var next = classStarts
                    next.withUnsafeMutableBufferPointer { next in
                        for position in 0 ..< entryCount {
                            let termClass = Int(classes[Int(terms[position])])
                            order[next[termClass]] = Int32(truncatingIfNeeded: position)
                            next[termClass] &+= 1
                        }
                    }
                }
            }
        }
        // The bytes are written once, into room for the longest entries: no varint is longer than
        // the bits of every value of its kind put together. An OR of the counts, which the compiler
        // vectorises, costs far less than sizing each entry.
        let countBits = batch.counts.withUnsafeBufferPointer { counts in counts.reduce(UInt32(0)) { $0 | UInt32(bitPattern: $1) } }
        let idBits = ids.reduce(UInt32(0)) { $0 | UInt32(bitPattern: $1) }
        let longestEntry = varintSize(max(batch.ends.count - 1, 0)) + varintSize(Int(idBits)) + 1 + fieldCount * varintSize(Int(countBits))
        let size = entryCount * longestEntry
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, written in
            let start = buffer.baseAddress!
            var at = start
            func put(_ value: Int) {
                var value = UInt(bitPattern: value)
                while value >= 0x80 {
                    at.pointee = UInt8(truncatingIfNeeded: value) | 0x80
                    at += 1
                    value >>= 7
                }
                at.pointee = UInt8(value)
                at += 1
            }
            batch.documentTerms.withUnsafeBufferPointer { terms in
                batch.counts.withUnsafeBufferPointer { counts in
                    ids.withUnsafeBufferPointer { ids in
                        order.withUnsafeBufferPointer { order in
                            documentOf.withUnsafeBufferPointer { documentOf in
                                var entry = 0
                                for termClass in 0 ..< TermClass.count {
                                    while entry < classStarts[termClass + 1] {
                                        let position = Int(order[entry])
                                        put(Int(documentOf[position]))
                                        put(Int(ids[Int(terms[position])]))
                                        let fieldsAt = at
                                        at += 1
                                        var fields: UInt8 = 0
                                        for field in 0 ..< fieldCount {
                                            let count = Int(counts[position &* fieldCount &+ field])
                                            guard count > 0 else { continue }
                                            fields |= 1 << field
                                            put(count)
                                        }
                                        fieldsAt.pointee = fields
                                        entry += 1
                                    }
                                    ends.append(at - start)
                                }
                            }
                        }
                    }
                }
            }
            written = at - start
        }
        classEnds = ends
        lengths = batch.lengths
        self.frequency = frequency
        documentCount = batch.ends.count
    }

    /// Calls `body` with every entry of `bytes` (whole entries of one batch): the document's
    /// place in its batch, the term, a bit per field that holds it, and its count per field (zero
    /// where absent). Inlined into the scorer, which reads millions of entries.
    @inline(__always)
    static func forEachEntry(in bytes: UnsafeBufferPointer<UInt8>,
                             _ body: (_ document: Int, _ term: Int32, _ fields: UInt8, _ counts: UnsafeBufferPointer<Int>) -> Void) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { counts in
            var at = 0
            // Most values are below 128: one byte, one test.
            @inline(__always)
            func varint() -> Int {
                let first = bytes[at]
                at &+= 1
                if first < 0x80 { return Int(first) }
                var value = Int(first & 0x7F), shift = 7
                while true {
                    let byte = bytes[at]
                    at &+= 1
                    value |= Int(byte & 0x7F) &<< shift
                    if byte < 0x80 { return value }
                    shift &+= 7
                }
            }
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
