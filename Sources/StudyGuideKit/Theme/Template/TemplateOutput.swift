/// The bytes one rendering writes, straight into the page's array. A page is thousands of short
/// appends (a stretch of template text, an escaped title), and appending a piece to an `Array`
/// cost some ninety instructions of uniqueness and capacity checks before the copy; here it is
/// one comparison. Escaped text is written in place, with no run copied twice.
struct TemplateOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether the bytes outgrew the region they started in, into memory of this value's own.
    private(set) var hasGrown = false

    /// Writes into `region` while the bytes fit there (`hasGrown` says when they did not).
    init(region: UnsafeMutableBufferPointer<UInt8>) {
        base = region.baseAddress ?? .allocate(capacity: 0)
        capacity = region.count
        hasGrown = region.baseAddress == nil
    }

    deinit {
        if hasGrown { base.deallocate() }
    }

    /// Everything written, as an array.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    subscript(index: Int) -> UInt8 { base[index] }

    /// Inlined into the renderer's loop: the check and the copy are all of it.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func appendASCII(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `text` escaped for HTML (`Escaping.markup`).
    mutating func appendMarkup(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            reserve(bytes.count * Escaping.markupGrowth)
            count += Escaping.writeMarkup(bytes, to: base + count)
        }
    }

    mutating func appendDecimal(_ number: Int) {
        var digits: [UInt8] = []
        digits.appendDecimal(number)
        digits.withUnsafeBufferPointer { append($0) }
    }

    /// Inserts `bytes` before the byte at `index`, moving those after it along.
    mutating func insert(_ bytes: [UInt8], at index: Int) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        // `update` copies from the back when the ranges overlap this way.
        (base + index + bytes.count).update(from: base + index, count: count - index)
        bytes.withUnsafeBufferPointer { (base + index).update(from: $0.baseAddress!, count: $0.count) }
        count += bytes.count
    }

    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if capacity - count < more { grow(toHold: count + more) }
    }

    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, needed))
        larger.initialize(from: base, count: count)
        if hasGrown { base.deallocate() }
        base = larger
        capacity = max(capacity * 2, needed)
        hasGrown = true
    }
}
