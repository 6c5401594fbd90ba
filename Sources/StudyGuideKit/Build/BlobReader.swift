/// Reads a kept blob in place: varints and runs of bytes, each checked against the blob's end, so
/// a damaged blob is refused rather than read past (a batch's counts are millions of varints; the
/// postings store, hundreds of thousands of records).
struct BlobReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next read starts.
    private(set) var at: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, at: Int = 0) {
        self.bytes = bytes
        self.at = at
    }

    var isAtEnd: Bool { at == bytes.count }

    @inline(__always)
    mutating func varint() -> Int? {
        var value = 0, shift = 0
        while at < bytes.count {
            let byte = bytes[at]
            at &+= 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift &+= 7
            guard shift < 63 else { return nil }
        }
        return nil
    }

    /// `count` bytes, as places in the blob.
    mutating func skip(_ count: Int) -> Range<Int>? {
        guard count <= bytes.count - at else { return nil }
        defer { at += count }
        return at ..< at + count
    }

    /// Eight bytes, little-endian.
    mutating func fixed() -> UInt64? {
        guard let range = skip(8) else { return nil }
        return range.reversed().reduce(0) { $0 << 8 | UInt64(bytes[$1]) }
    }

    /// A length, then that many bytes.
    mutating func text() -> UnsafeBufferPointer<UInt8>? {
        guard let count = varint(), count <= bytes.count - at else { return nil }
        defer { at += count }
        return UnsafeBufferPointer(rebasing: bytes[at ..< at + count])
    }

    /// `count` values below `limit`, appended to `array`.
    mutating func values(_ count: Int, below limit: Int, into array: inout [Int32]) -> Bool {
        guard count <= bytes.count - at else { return false }
        array.reserveCapacity(array.count + count)
        for _ in 0 ..< count {
            guard let value = varint(), value < limit else { return false }
            array.append(Int32(value))
        }
        return true
    }

    /// `count` entries of packed counts (`FieldCounts`: a byte of fields, then a varint of at most
    /// five bytes for each field set), which take `byteCount` bytes when given; nil unless they do.
    mutating func entries(_ count: Int, inBytes byteCount: Int? = nil) -> UnsafeBufferPointer<UInt8>? {
        let start = at
        let fieldLimit = 1 << PackedTerms.fieldCount
        for _ in 0 ..< count {
            guard at < bytes.count, Int(bytes[at]) < fieldLimit else { return nil }
            var remaining = bytes[at].nonzeroBitCount
            at += 1
            while remaining > 0 {
                var length = 0
                while true {
                    guard at < bytes.count, length < 5 else { return nil }
                    let byte = bytes[at]
                    at += 1
                    length += 1
                    if byte < 0x80 { break }
                }
                remaining -= 1
            }
        }
        if let byteCount, at - start != byteCount { return nil }
        return UnsafeBufferPointer(rebasing: bytes[start ..< at])
    }
}
