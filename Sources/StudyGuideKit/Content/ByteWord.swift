/// Eight bytes read as one word, to skip plain text eight bytes at a time.
struct ByteWord {
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    let value: UInt64

    /// The eight bytes at `pointer`, whatever its alignment.
    init(at pointer: UnsafePointer<UInt8>) {
        value = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }

    /// Whether a byte is below `limit` (at most 0x80): exact for the word as a whole.
    func hasByte(below limit: UInt8) -> Bool {
        (value &- Self.ones &* UInt64(limit)) & ~value & Self.high != 0
    }

    /// Whether a byte equals `byte`.
    func hasByte(equalTo byte: UInt8) -> Bool {
        ByteWord(value: value ^ Self.ones &* UInt64(byte)).hasByte(below: 1)
    }

    /// Whether a byte is 0x80 or more.
    var hasNonASCII: Bool { value & Self.high != 0 }

    private init(value: UInt64) {
        self.value = value
    }
}
