internal import Foundation

/// Bytes a build sets aside until its end, on disk rather than in memory: what every page
/// contributes to the search index is written here as the page is counted and read back, a part
/// at a time, when the index is written. The file is unlinked as soon as it is made, so nothing is
/// left behind by a build that stops, and it lives in the page cache while it is small.
///
/// Appends come from one thread; reads (`pread`, no shared offset) from any number once appends
/// are over, which is why the unchecked Sendable is sound. When no temporary file can be made or
/// written, the bytes stay in memory: a build never fails for want of scratch space.
final class SpillFile: @unchecked Sendable {
    private var descriptor: Int32
    /// Whether the bytes are on disk (false once no temporary file could be made or written).
    var isOnDisk: Bool { descriptor >= 0 }
    private var memory: [UInt8] = []
    private(set) var size = 0

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
        if descriptor >= 0, !ByteFile.write(descriptor, bytes, at: size) { fallBackToMemory() }
        if descriptor < 0 { memory.append(contentsOf: bytes) }
        size += bytes.count
        return start
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
        let complete = buffer.withUnsafeMutableBytes { ByteFile.read(descriptor, into: $0, at: range.lowerBound) }
        // The file was written by this process and is unlinked: only a failing disk gets here.
        precondition(complete, "the spill file could not be read back")
    }

    /// The disk is full or failing: what was written moves to memory, and so does what follows.
    private func fallBackToMemory() {
        var written = [UInt8](repeating: 0, count: size)
        let descriptor = descriptor
        self.descriptor = -1
        defer { close(descriptor) }
        let complete = written.withUnsafeMutableBytes { ByteFile.read(descriptor, into: $0, at: 0) }
        precondition(complete, "the spill file could not be read back")
        memory = written
    }
}
