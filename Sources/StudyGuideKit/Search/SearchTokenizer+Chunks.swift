/// Eight bytes of text classified at once, for `SearchTokenizer.forEachWord`: most text is ASCII,
/// and a byte at a time its loop cost more than the rest of counting a word together.
///
/// Every byte below 0x80 gets exact arithmetic in its own lane (no lane carries into the next), so
/// the answers are those of a byte-by-byte table: ASCII letters and digits are in a word, other
/// ASCII separates words, and bytes of other characters are in a run that `forEachWord` hands on
/// whole.
struct WordChunk {
    /// The eight bytes, the first in the lowest lane; past the end of the text, zeros (a separator).
    let bytes: UInt64
    /// 0x80 in each lane whose byte ASCII-folds to itself plus 0x20: the letters.
    private let letters: UInt64
    /// 0x80 in each lane that separates words.
    let separators: UInt64

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `index` of text followed by at least eight zeros.
    @inline(__always)
    init(padded text: UnsafePointer<UInt8>, at index: Int) {
        self.init(bytes: UInt64(littleEndian: UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)))
    }

    @inline(__always)
    init(bytes: UInt64) {
        self.bytes = bytes
        // Lane by lane, `x + (0x80 - low)` has its high bit set exactly when x >= low.
        let low7 = bytes & ~Self.highs
        let lowered = low7 | 0x2020_2020_2020_2020
        letters = (lowered &+ Self.ones &* 0x1F) & ~(lowered &+ Self.ones &* 0x05) & Self.highs  // a … z
        let digits = (low7 &+ Self.ones &* 0x50) & ~(low7 &+ Self.ones &* 0x46)                  // 0 … 9
        separators = ~(letters | digits | bytes) & Self.highs
    }

    /// The chunk without its first `lanes` bytes (fewer than 8); the lanes emptied at the top are
    /// unknown, and so count as part of a run, never as separators.
    @inline(__always)
    func dropping(_ lanes: Int) -> WordChunk {
        let shift = UInt64(lanes &* 8)
        return WordChunk(bytes: bytes &>> shift, letters: letters &>> shift, separators: separators &>> shift)
    }

    @inline(__always)
    private init(bytes: UInt64, letters: UInt64, separators: UInt64) {
        self.bytes = bytes
        self.letters = letters
        self.separators = separators
    }

    /// Whether any byte is in a word or a run.
    var holdsWords: Bool { separators != Self.highs }

    /// How many bytes there are before the first separator: 8 when there is none.
    var runLength: Int { separators.trailingZeroBitCount >> 3 }

    /// How many separators there are before the first byte of a word or run.
    var separatorLength: Int { (~separators & Self.highs).trailingZeroBitCount >> 3 }

    /// All ones in the lanes before the first separator.
    var runMask: UInt64 { ((separators & (0 &- separators)) >> 7) &- 1 }

    /// Whether a byte of the lanes in `mask` is not ASCII.
    func holdsNonASCII(in mask: UInt64) -> Bool { nonASCII(in: mask) != 0 }

    /// The high bits of the lanes in `mask`: zero when they are all ASCII.
    func nonASCII(in mask: UInt64) -> UInt64 { bytes & Self.highs & mask }

    /// The bytes with ASCII letters lowercased (meaningful for the lanes of ASCII words only).
    var folded: UInt64 { bytes | letters >> 2 }
}
