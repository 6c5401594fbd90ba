internal import Foundation

/// A fast 64-bit checksum of a file's bytes, for the offline app's version: four independent lanes
/// of a multiply-rotate round (xxHash64's), so the processor works on 32 bytes at a time. The
/// body cache's two-lane hash of the time read a 20 MB precache list at a third of the speed, and
/// the version is computed after every other file is written, on the build's critical path.
enum FileChecksum {
    private static let prime1: UInt64 = 0x9e37_79b1_85eb_ca87
    private static let prime2: UInt64 = 0xc2b2_ae3d_27d4_eb4f
    private static let prime3: UInt64 = 0x1656_67b1_9e37_79f9

    /// How much of a file is read at a time: a multiple of the 32 bytes a round takes, so the
    /// rounds fall where they would over the whole file. Read whole, the largest precached pages
    /// (a category's list, 6 MB at 100,000 questions) made the build's last peak.
    static let readSize = 256 * 1024

    /// The checksum of the file at `path` and its status as read (nil if it cannot be read).
    static func ofFile(at path: String) -> (UInt64, stat)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(max(size, 1), readSize), alignment: 8)
        defer { buffer.deallocate() }
        var lanes = Lanes()
        var offset = 0
        var tail = UnsafeRawBufferPointer(start: nil, count: 0)
        repeat {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, size - offset)])
            guard ByteFile.read(descriptor, into: piece, at: offset) else { return nil }
            tail = UnsafeRawBufferPointer(rebasing: piece[lanes.consume(UnsafeRawBufferPointer(piece))...])
            offset += piece.count
        } while offset < size
        return (lanes.finish(tail: tail, count: size), info)
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes = Lanes()
        let rounds = lanes.consume(bytes)
        return lanes.finish(tail: UnsafeRawBufferPointer(rebasing: bytes[rounds...]), count: bytes.count)
    }

    /// The four lanes' state between the pieces of a file.
    private struct Lanes {
        var lanes = (prime1 &+ prime2, prime2, UInt64(0), 0 &- prime1)

        /// Runs a round on each whole 32 bytes of `bytes`; returns how many bytes that was.
        mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Int {
            var offset = 0
            while offset + 32 <= bytes.count {
                lanes.0 = round(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = round(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            return offset
        }

        /// The checksum of `count` bytes whose rounds are done and whose last bytes, fewer than
        /// 32, are `tail`.
        func finish(tail: UnsafeRawBufferPointer, count: Int) -> UInt64 {
            var hash = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
            hash = (hash ^ UInt64(count)) &* prime1
            for byte in tail {
                hash = rotate(hash ^ (UInt64(byte) &* prime3), 11) &* prime1
            }
            hash ^= hash >> 33
            hash = hash &* prime2
            hash ^= hash >> 29
            hash = hash &* prime3
            return hash ^ (hash >> 32)
        }
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        rotate(lane &+ UInt64(littleEndian: word) &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
