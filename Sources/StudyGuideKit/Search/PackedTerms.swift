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

/// Terms grouped by their first two bytes, in byte order: the terms of consecutive classes are
/// neighbours in sorted order, so a range of classes is a range of the sorted vocabulary, and
/// the index can be written a few classes at a time (`InvertedIndex.groups`), however large a
/// class of words the site's language makes.
/// - Digits and letters each have their own classes; a letter's are `letterParts` ranges of the
///   second byte, which splits the letter's words about evenly in English.
/// - Three-byte characters from U+3000 on (kana, Han, Hangul: a Chinese site's every term) have
///   three classes per first byte, by ranges of the second: each class holds whole first
///   characters, so a file of postings never spans two classes.
/// - Other first bytes share a few classes.
enum TermClass {
    static let letterParts = 8
    private static let firstLetter = 12
    private static let firstOther = firstLetter + 26 * letterParts
    /// The three-byte lead bytes whose characters have classes of their own: U+3000 to U+DFFF.
    private static let splitLeads = UInt8(0xE3) ... UInt8(0xED)
    static let count = firstOther + 2 + 3 * splitLeads.count + 1

    static func of(_ term: ArraySlice<UInt8>) -> UInt8 {
        guard let first = term.first else { return 0 }
        return of(first: first, second: term.dropFirst().first)
    }

    static func of(first: UInt8, second: UInt8?) -> UInt8 {
        switch first {
        case ..<UInt8(ascii: "0"): return 0
        case ...UInt8(ascii: "9"): return 1 + first - UInt8(ascii: "0")
        case ..<UInt8(ascii: "a"): return 11
        case ...UInt8(ascii: "z"): return UInt8(firstLetter) + (first - UInt8(ascii: "a")) * UInt8(letterParts) + part(of: second)
        // Two-byte characters (Latin supplements, Greek, Cyrillic, Hebrew, Arabic) and the bytes
        // no term starts with.
        case ..<0xE0: return UInt8(firstOther)
        // Three-byte characters below U+3000 (Indic scripts, Thai, symbols).
        case ..<splitLeads.lowerBound: return UInt8(firstOther + 1)
        case splitLeads:
            // Second bytes are continuation bytes, 0x80 to 0xBF: three ranges of about 21 each.
            let third = second.map { $0 < 0x80 ? 0 : min(2, Int($0 - 0x80) / 22) } ?? 0
            return UInt8(firstOther + 2 + 3 * Int(first - splitLeads.lowerBound) + third)
        default: return UInt8(count - 1)
        }
    }

    /// Which range of second bytes a letter's term is in, in byte order: none or a digit first,
    /// then letters in ranges that share English words about evenly, then bytes above `z`.
    private static func part(of second: UInt8?) -> UInt8 {
        guard let second, second >= UInt8(ascii: "a") else { return 0 }
        switch second {
        case ...UInt8(ascii: "d"): return 1
        case ...UInt8(ascii: "g"): return 2
        case ...UInt8(ascii: "k"): return 3
        case ...UInt8(ascii: "n"): return 4
        case ...UInt8(ascii: "q"): return 5
        case ...UInt8(ascii: "t"): return 6
        default: return 7
        }
    }

    /// The classes that hold the terms starting with the same character as those of `termClass`
    /// do: a letter's parts, or the class alone (its terms' first characters are in no other).
    static func sharingFirstCharacter(with termClass: Int) -> Range<Int> {
        guard termClass >= firstLetter, termClass < firstOther else { return termClass ..< termClass + 1 }
        let start = firstLetter + (termClass - firstLetter) / letterParts * letterParts
        return start ..< start + letterParts
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
