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

    /// The painted runs, shifted by `offset`, appended to `tokens`. Two runs of one class with
    /// only spaces or tabs between them become one (`GROUP BY` is one keyword span): a third
    /// fewer spans, and nothing a reader can see, since no class styles whitespace.
    func tokens(offset: Int = 0, into tokens: inout [Token], source: UnsafeBufferPointer<UInt8>) {
        let firstNew = tokens.count
        classes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let value = buffer[index]
                var end = index + 1
                while end < buffer.count, buffer[end] == value { end += 1 }
                if value != 0, let kind = TokenClass(rawValue: value) {
                    if tokens.count > firstNew, let last = tokens.last, last.kind == kind,
                       source[(last.end - offset) ..< index].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                        tokens[tokens.count - 1].end = end + offset
                    } else {
                        tokens.append(Token(start: index + offset, end: end + offset, kind: kind))
                    }
                }
                index = end
            }
        }
    }
}
