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
        var digits = 1
        var rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var index = count - 1
        rest = number
        while rest > 0 {
            self[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
