/// Eight bytes read as one word, to skip plain text eight bytes at a time. The byte at the lowest
/// address is the lowest byte of the word (every platform we build for is little-endian).
struct ByteWord {
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    let value: UInt64

    /// The eight bytes at `pointer`, whatever its alignment.
    init(at pointer: UnsafePointer<UInt8>) {
        value = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }

    /// Whether the sixteen bytes at `pointer` are all printable ASCII (0x20–0x7E): the two words'
    /// tests are merged before the one branch, which halved the cost of the eight-byte test.
    static func arePrintableASCII(at pointer: UnsafePointer<UInt8>) -> Bool {
        let first = ByteWord(at: pointer).value, second = ByteWord(at: pointer + 8).value
        // 0x7F or more (see `deleteOrNonASCIIBytes`), then below 0x20: subtracting 0x20 from each
        // byte borrows into the high bit of the first byte below it (and maybe of those after it,
        // which does not change whether there is one).
        let deleteOrNonASCII = ((first & low) &+ ones) | first | ((second & low) &+ ones) | second
        let control = ((first &- ones &* 0x20) & ~first) | ((second &- ones &* 0x20) & ~second)
        return (deleteOrNonASCII | control) & high == 0
    }

    /// The high bit of each byte that is 0x7F or more: adding one to the low seven bits carries
    /// into the high bit only from 0x7F, and never out of the byte.
    var deleteOrNonASCIIBytes: UInt64 { (((value & Self.low) &+ Self.ones) | value) & Self.high }

    /// The high bit of each byte below `limit` (at most 0x80), exactly: with its high bit set
    /// first, no byte borrows from the next.
    func bytes(below limit: UInt8) -> UInt64 {
        ~((value | Self.high) &- Self.ones &* UInt64(limit)) & ~value & Self.high
    }

    /// The high bit of each byte equal to `byte`, exactly.
    func bytes(equalTo byte: UInt8) -> UInt64 {
        let folded = value ^ Self.ones &* UInt64(byte)
        return ~(((folded & Self.low) &+ Self.low) | folded | Self.low)
    }
}

extension UInt64 {
    /// The index of the first byte (in memory order) whose high bit is set, in a `ByteWord` mask.
    var firstMarkedByte: Int { trailingZeroBitCount >> 3 }
}
