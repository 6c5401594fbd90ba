internal import Foundation

/// Whole reads and writes at an offset (`pread`/`pwrite`, no shared file position, so threads may
/// read one descriptor at once), however many calls they take: for the spill file and the body cache.
enum ByteFile {
    /// Fills `buffer` from `descriptor` at `offset`; false at the end of the file or on an error.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
    }

    /// Replaces the file at `path` with `bytes` whole or not at all: written beside it, then
    /// renamed over it (the cache's index and the output's ledger). False when it could not be.
    @discardableResult
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        let temporary = path + ".\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { write(descriptor, $0, at: 0) }
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Writes all of `bytes` to `descriptor` at `offset`.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
    }
}

/// Reads what `[UInt8].appendVarint`, `appendText` and `appendFixed` wrote; nil past the end
/// instead of a trap, so damaged bytes are refused, not trusted.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var at: Int

    init(bytes: ArraySlice<UInt8>, at: Int) {
        self.bytes = bytes
        self.at = at
    }

    var isAtEnd: Bool { at == bytes.endIndex }

    mutating func byte() -> UInt8? {
        guard at < bytes.endIndex else { return nil }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func varint() -> Int? {
        var value = 0, shift = 0
        while let byte = byte() {
            guard shift < 63 else { return nil }
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func fixed() -> UInt64? {
        guard at + 8 <= bytes.endIndex else { return nil }
        var value: UInt64 = 0
        for index in 0 ..< 8 { value |= UInt64(bytes[at + index]) << (8 * index) }
        at += 8
        return value
    }

    mutating func text() -> String? {
        guard let count = varint(), count <= bytes.endIndex - at else { return nil }
        defer { at += count }
        return String(decoding: bytes[at ..< at + count], as: UTF8.self)
    }

    /// Where the next text's bytes are, without making a string of them (the caller may share one).
    mutating func textRange() -> Range<Int>? {
        guard let count = varint(), count <= bytes.endIndex - at else { return nil }
        defer { at += count }
        return at ..< at + count
    }
}

extension [UInt8] {
    /// A string's length as a varint, then its UTF-8.
    mutating func appendText(_ text: String) {
        let utf8 = text.utf8
        appendVarint(utf8.count)
        // A native string's bytes in one copy: appending its UTF-8 view went through the generic
        // sequence path, some four hundred instructions for a path.
        if utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: utf8) }
    }

    /// Eight bytes, little-endian.
    mutating func appendFixed(_ value: UInt64) {
        // One append of eight bytes: eight appends each checked capacity and uniqueness.
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

/// A small file of the cache folder that is read whole or not at all: a magic line, then the
/// content, then a checksum of both (the body cache's index, the output ledger, the file stamps).
/// Written beside the old one and renamed over it; a file that is missing, cut short, of another
/// format or damaged reads as nothing.
enum ChecksummedFile {
    @discardableResult
    static func write(_ path: String, magic: [UInt8], content: [UInt8]) -> Bool {
        var bytes = magic
        bytes += content
        bytes.appendFixed(StableHash.checksum(bytes[...]))
        return ByteFile.replace(path, with: bytes)
    }

    /// A reader of the content of the file at `path`, when it starts with `magic` and its checksum holds.
    static func read(_ path: String, magic: [UInt8]) -> ByteReader? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
        var tail = ByteReader(bytes: bytes[...], at: bytes.count - 8)
        guard tail.fixed() == StableHash.checksum(bytes[..<(bytes.count - 8)]) else { return nil }
        return ByteReader(bytes: bytes[..<(bytes.count - 8)], at: magic.count)
    }
}

/// The name in a `readdir` entry, read in place up to its terminator (`strlen`): the rest of its
/// 256 bytes is not set, and copying or scanning them (as a prefix of the whole array did) reads
/// memory nothing wrote.
func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafePointer(to: &entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
    }
}
