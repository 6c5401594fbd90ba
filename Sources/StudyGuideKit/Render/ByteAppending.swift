/// Writing text into UTF-8 buffers without making a `String` first (the build's hot paths).
extension Array where Element == UInt8 {
    /// Appends `text`'s bytes.
    mutating func appendASCII(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the decimal digits of `number`, as `String(number)` spells them.
    mutating func appendDecimal(_ number: Int) {
        if number < 0 {
            guard number != .min else { return append(contentsOf: String(number).utf8) }
            append(UInt8(ascii: "-"))
            return appendDecimal(-number)
        }
        // Digit by digit from the most significant: numbers here are short (postings, counts),
        // and appending one byte is far cheaper than appending a run.
        var power = 1
        while power <= number / 10 { power *= 10 }
        while power > 0 {
            append(UInt8(ascii: "0") + UInt8(number / power % 10))
            power /= 10
        }
    }
}
