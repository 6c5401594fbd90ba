extension String {
    /// The bytes as a String, checked by `UTF8Check` instead of the standard library's validator
    /// (which went a byte at a time and cost more than cmark's HTML renderer), then copied in
    /// without a second check. Ill-formed bytes are repaired as `String(decoding:as:)` does.
    public init(checkedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        if #available(macOS 26, *), let ascii = UTF8Check.isASCII(bytes) {
            self = String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The bytes of `array` as a String (see `init(checkedUTF8:)`).
    public init(checkedUTF8 array: [UInt8]) {
        self = array.withUnsafeBufferPointer { String(checkedUTF8: $0) }
    }
}

/// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), checked
/// sixteen bytes at a time through runs of ASCII, which is most of any page.
public enum UTF8Check {
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Whether the bytes are all ASCII, or nil when they are not well-formed UTF-8.
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var ascii = true
        var index = 0
        while index < count {
            while index + 16 <= count {
                let first = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let second = raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                if (first | second) & high == 0 {
                    index += 16
                    continue
                }
                // Straight to the first byte of 0x80 or more (little-endian: the lowest set bit).
                let firstHigh = first & high
                index += firstHigh != 0 ? firstHigh.trailingZeroBitCount >> 3 : 8 + (second & high).trailingZeroBitCount >> 3
                break
            }
            guard index < count else { break }
            if base[index] < 0x80 {
                index += 1
                continue
            }
            ascii = false
            guard let length = sequenceLength(base, count: count, at: index) else { return nil }
            index += length
        }
        return ascii
    }

    /// The length of the well-formed sequence that starts with the non-ASCII byte at `index`, or nil.
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, count: Int, at index: Int) -> Int? {
        let lead = base[index]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0xC2 ... 0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1 ... 0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard index + length <= count else { return nil }
        let second = base[index + 1]
        guard second >= lower, second <= upper else { return nil }
        for offset in 2 ..< length where base[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
