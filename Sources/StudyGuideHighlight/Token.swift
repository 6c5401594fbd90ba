/// A run of a code block's bytes that takes one class. A block's tokens are in order and never
/// overlap; bytes no token covers are plain text.
struct Token: Equatable {
    var start: Int
    var end: Int
    var kind: TokenClass
}

/// Turns overlapping, nested captures into `Token`s: each capture paints its class over the bytes
/// it covers, outer captures first, so the innermost one decides a byte's class.
struct TokenPainter {
    private var classes: [UInt8] = []

    mutating func reset(count: Int) {
        classes.removeAll(keepingCapacity: true)
        classes.append(contentsOf: repeatElement(0, count: count))
    }

    mutating func paint(_ range: Range<Int>, _ kind: TokenClass?) {
        let value = kind?.rawValue ?? 0
        let start = max(range.lowerBound, 0), end = min(range.upperBound, classes.count)
        guard start < end else { return }
        classes.withUnsafeMutableBufferPointer { buffer in
            for index in start ..< end { buffer[index] = value }
        }
    }

    /// The painted runs, shifted by `offset`, appended to `tokens`.
    func tokens(offset: Int = 0, into tokens: inout [Token]) {
        classes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let value = buffer[index]
                var end = index + 1
                while end < buffer.count, buffer[end] == value { end += 1 }
                if value != 0, let kind = TokenClass(rawValue: value) {
                    tokens.append(Token(start: index + offset, end: end + offset, kind: kind))
                }
                index = end
            }
        }
    }
}
