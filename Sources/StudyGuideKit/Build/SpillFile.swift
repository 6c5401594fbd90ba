internal import Foundation

/// Bytes a build sets aside until its end, on disk rather than in memory: what every page
/// contributes to the search index is written here as the page is counted and read back, a part
/// at a time, when the index is written. The file is unlinked as soon as it is made, so nothing is
/// left behind by a build that stops, and it lives in the page cache while it is small.
///
/// Small appends (a question's notes, a few hundred bytes each) gather in `pending` and reach the
/// file `flushSize` at a time: a system call per question cost more than the bytes.
///
/// Appends come from one thread; reads (`pread`, no shared offset) from any number once appends
/// are over, which is why the unchecked Sendable is sound. When no temporary file can be made or
/// written, the bytes stay in memory: a build never fails for want of scratch space.
final class SpillFile: @unchecked Sendable {
    private var descriptor: Int32
    /// Whether the bytes are on disk (false once no temporary file could be made or written).
    var isOnDisk: Bool { descriptor >= 0 }
    private var memory: [UInt8] = []
    /// Appended bytes not written yet: they follow the first `written` bytes, which are on disk.
    private var pending: [UInt8] = []
    private var written = 0
    private(set) var size = 0
    static let flushSize = 64 << 10

    /// A file in `directory` (the system's temporary folder unless a test names another).
    init(directory: String = NSTemporaryDirectory()) {
        var template = Array((directory + "/studyguide-spill-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if descriptor >= 0 {
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends `bytes`; returns where they start.
    func append(_ bytes: UnsafeRawBufferPointer) -> Int {
        let start = size
        size += bytes.count
        guard descriptor >= 0 else {
            memory.append(contentsOf: bytes)
            return start
        }
        if pending.isEmpty && bytes.count >= Self.flushSize {
            // Large enough to go straight to the file, without a copy on the way.
            if ByteFile.write(descriptor, bytes, at: written) {
                written += bytes.count
            } else {
                fallBackToMemory()
                memory.append(contentsOf: bytes)
            }
            return start
        }
        if pending.capacity == 0 { pending.reserveCapacity(Self.flushSize) }
        pending.append(contentsOf: bytes)
        if pending.count >= Self.flushSize { flush() }
        return start
    }

    /// Writes the pending bytes to the file.
    private func flush() {
        guard !pending.isEmpty else { return }
        if pending.withUnsafeBytes({ ByteFile.write(descriptor, $0, at: written) }) {
            written += pending.count
            pending.removeAll(keepingCapacity: true)
        } else {
            fallBackToMemory()
        }
    }

    /// Replaces `buffer`'s contents with the bytes at `range`.
    func read(_ range: Range<Int>, into buffer: inout [UInt8]) {
        precondition(range.upperBound <= size, "reading past the end of the spill file")
        guard descriptor >= 0 else {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: memory[range])
            return
        }
        if buffer.count != range.count { buffer = [UInt8](repeating: 0, count: range.count) }
        // What is on disk is read from it, and what is still pending copied from memory.
        let onDisk = range.lowerBound ..< max(range.lowerBound, min(range.upperBound, written))
        buffer.withUnsafeMutableBytes { buffer in
            if !onDisk.isEmpty {
                let complete = ByteFile.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<onDisk.count]),
                                             at: range.lowerBound)
                // The file was written by this process and is unlinked: only a failing disk gets here.
                precondition(complete, "the spill file could not be read back")
            }
            if onDisk.count < range.count {
                pending.withUnsafeBytes { pending in
                    let from = onDisk.upperBound - written
                    let rest = range.count - onDisk.count
                    UnsafeMutableRawBufferPointer(rebasing: buffer[onDisk.count ..< range.count])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: pending[from ..< from + rest]))
                }
            }
        }
    }

    /// The disk is full or failing: what was written moves to memory, and so does what follows.
    private func fallBackToMemory() {
        var bytes = [UInt8](repeating: 0, count: written)
        let descriptor = descriptor
        self.descriptor = -1
        defer { close(descriptor) }
        let complete = bytes.withUnsafeMutableBytes { ByteFile.read(descriptor, into: $0, at: 0) }
        precondition(complete, "the spill file could not be read back")
        memory = bytes + pending
        written = 0
        pending = []
    }
}
