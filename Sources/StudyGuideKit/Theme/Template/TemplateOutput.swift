/// The bytes one rendering writes, straight into the page's array. A page is thousands of short
/// appends (a stretch of template text, an escaped title), and appending a piece to an `Array`
/// cost some ninety instructions of uniqueness and capacity checks before the copy; here it is
/// one comparison. Escaped text is written in place, with no run copied twice.
///
/// Given a `sink`, the bytes are handed on whenever the region fills, so a page of any length is
/// rendered in the region's room (a listing of thousands of questions, written as it is made).
struct TemplateOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The bytes in `base`: those written after the `flushed` ones handed to the sink.
    private var used = 0
    private var flushed = 0
    /// Whether the bytes outgrew the region they started in, into memory of this value's own.
    private(set) var hasGrown = false
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// Indentation written before knowing whether its line gets anything (`appendTentatively`)
    /// and not yet followed by other bytes: while there is any, nothing is handed on, as it may
    /// be taken back.
    private var tentative = 0

    /// The bytes a sink is never handed at once, kept for `subscript`: the renderer looks back two
    /// bytes to see whether an instruction starts a line.
    private static let lookBehind = 2

    /// Writes into `region` while the bytes fit there (`hasGrown` says when they did not); with
    /// `sink`, hands them on instead whenever the region is full.
    init(region: UnsafeMutableBufferPointer<UInt8>, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        base = region.baseAddress ?? .allocate(capacity: 0)
        capacity = region.count
        hasGrown = region.baseAddress == nil
        self.sink = sink
    }

    deinit {
        if hasGrown { base.deallocate() }
    }

    /// How many bytes were written, including those handed on.
    var count: Int { flushed + used }

    /// Everything written, as an array (without a sink).
    var bytes: [UInt8] {
        precondition(flushed == 0, "the bytes of a rendering with a sink went to the sink")
        return Array(UnsafeBufferPointer(start: base, count: used))
    }

    /// The byte at `index`, one of the last `lookBehind` written (or any, without a sink).
    subscript(index: Int) -> UInt8 { base[index - flushed] }

    /// Hands every byte not handed on yet to the sink (the rendering's end).
    mutating func finish() {
        guard let sink, used > 0 else { return }
        sink(UnsafeBufferPointer(start: base, count: used))
        flushed += used
        used = 0
    }

    /// Inlined into the renderer's loop: the check and the copy are all of it.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        tentative = 0
        reserve(bytes.count)
        (base + used).initialize(from: source, count: bytes.count)
        used += bytes.count
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
            guard !bytes.isEmpty else { return }
            tentative = 0
            reserve(bytes.count * Escaping.markupGrowth)
            used += Escaping.writeMarkup(bytes, to: base + used)
        }
    }

    mutating func appendDecimal(_ number: Int) {
        var digits: [UInt8] = []
        digits.appendDecimal(number)
        digits.withUnsafeBufferPointer { append($0) }
    }

    /// Writes indentation for a line that may stay empty: `retract(to:)` takes it back when
    /// nothing follows it. Any other bytes written after it keep it.
    mutating func appendTentatively(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        bytes.withUnsafeBufferPointer { (base + used).initialize(from: $0.baseAddress!, count: $0.count) }
        used += bytes.count
        tentative += 1
    }

    /// Takes back the indentation `appendTentatively` wrote at `position`, nothing having followed it.
    mutating func retract(to position: Int) {
        precondition(tentative > 0 && position >= flushed, "only indentation nothing followed is taken back")
        tentative -= 1
        used = position - flushed
    }

    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if capacity - used < more { makeRoom(for: more) }
    }

    /// Hands the bytes on when there is a sink and none may be taken back; else grows.
    @inline(never)
    private mutating func makeRoom(for more: Int) {
        if let sink, tentative == 0, used > Self.lookBehind {
            let handed = used - Self.lookBehind
            sink(UnsafeBufferPointer(start: base, count: handed))
            UnsafeMutableRawPointer(base).copyMemory(from: base + handed, byteCount: Self.lookBehind)
            flushed += handed
            used = Self.lookBehind
            if capacity - used >= more { return }
        }
        grow(toHold: used + more)
    }

    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, needed))
        larger.initialize(from: base, count: used)
        if hasGrown { base.deallocate() }
        base = larger
        capacity = max(capacity * 2, needed)
        hasGrown = true
    }
}
