/// A term's counts in the fields of one document, in the bytes the index files them in: a byte
/// with a bit per field that holds the term, then the count in each of those fields, in field
/// order, as LEB128 varints. Most terms are in one field of a document: two bytes where six
/// `Int32`s took 24, for every (document, term) of the batches counted together.
enum FieldCounts {
    static let fieldCount = SearchDocument.Field.allCases.count
    /// The longest entry: the byte of fields, then five bytes for each field's count.
    static let longest = 1 + 5 * fieldCount

    /// Writes the entry of `counts` (`fieldCount` of them, none negative) at `at`; returns where
    /// the next byte goes. `clearing` sets the counts back to zero as they are read.
    @inline(__always)
    static func write(_ counts: UnsafeMutablePointer<Int32>, at: UnsafeMutablePointer<UInt8>, clearing: Bool = false) -> UnsafeMutablePointer<UInt8> {
        var fields: UInt8 = 0
        var out = at + 1
        for field in 0 ..< fieldCount {
            var value = UInt32(bitPattern: counts[field])
            guard value != 0 else { continue }
            if clearing { counts[field] = 0 }
            fields |= 1 << field
            while value >= 0x80 {
                out.pointee = UInt8(truncatingIfNeeded: value) | 0x80
                out += 1
                value >>= 7
            }
            out.pointee = UInt8(truncatingIfNeeded: value)
            out += 1
        }
        at.pointee = fields
        return out
    }

    /// How many bytes the entry at `entry` takes: its byte of fields and one varint per field set.
    @inline(__always)
    static func length(at entry: UnsafePointer<UInt8>) -> Int {
        var remaining = entry.pointee.nonzeroBitCount
        // Most terms are in one field, counted fewer than 128 times.
        if remaining == 1, entry[1] < 0x80 { return 2 }
        var at = 1
        while remaining > 0 {
            if entry[at] < 0x80 { remaining &-= 1 }
            at &+= 1
        }
        return at
    }

    /// Reads the entry at `entry` into `counts` (`fieldCount` of them, zero for a field without
    /// the term): its byte of fields, and its length.
    @inline(__always)
    static func read(at entry: UnsafePointer<UInt8>, into counts: UnsafeMutableBufferPointer<Int>) -> (fields: UInt8, length: Int) {
        let fields = entry.pointee
        var at = 1
        for field in 0 ..< fieldCount {
            guard fields >> field & 1 == 1 else {
                counts[field] = 0
                continue
            }
            counts[field] = Varint.read(entry, at: &at)
        }
        return (fields, at)
    }
}

/// LEB128 varints read in place, unchecked: for bytes a build wrote itself and checked (packed
/// counts, the postings store's records), read millions of times.
enum Varint {
    /// The varint at `at` of `bytes`; `at` moves past it. Most values are below 128: one byte, one test.
    @inline(__always)
    static func read(_ bytes: UnsafePointer<UInt8>, at: inout Int) -> Int {
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
}
