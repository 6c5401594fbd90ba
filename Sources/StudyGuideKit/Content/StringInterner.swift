internal import Foundation

/// One copy of each distinct string a build keeps many times: a tag is named by thousands of
/// questions and a slug by every question that relates to it, and each parse makes its own copy
/// (a heap allocation for any string over 15 bytes). Parsing workers intern at once, hence the locks.
///
/// An open-addressing table of the strings' own bytes, hashed a word at a time: `Set<String>`
/// hashed each with SipHash and was most of the cost of decoding a cached question. A string read
/// from bytes that the table holds already is never made at all (`strings(at:of:into:)`).
final class StringInterner: @unchecked Sendable {
    /// Tables by the strings' hashes, each behind its own lock: the parsing workers intern at the
    /// same time, and with one table they queued on its lock (futex waits were a twentieth of a
    /// cached build's samples).
    private let shards = (0 ..< StringInterner.shardCount).map { _ in Shard() }
    private static let shardCount = 16

    /// Strings this short live inside the value: nothing to share.
    private static let longest = 15

    /// The category and display head of each content folder met, shared by its questions. Every
    /// question looks its folder up and a build meets a dozen: the lookups share the lock.
    private var folders: [QuestionFolderKey: QuestionFolder] = [:]
    private let folderLock = ReadWriteLock()

    private struct QuestionFolderKey: Hashable {
        let category: String
        let displayHead: String
    }

    /// The one `QuestionFolder` of this category and display head: a build has one per content
    /// folder, which every question of that folder shares.
    func folder(_ category: String, displayHead: String) -> QuestionFolder {
        let key = QuestionFolderKey(category: category, displayHead: displayHead)
        if let folder = folderLock.reading({ folders[key] }) { return folder }
        return folderLock.writing {
            if let folder = folders[key] { return folder }  // another worker made it meanwhile
            let folder = QuestionFolder(category: intern(category), displayHead: intern(displayHead))
            folders[key] = folder
            return folder
        }
    }

    func intern(_ string: String) -> String {
        guard string.utf8.count > Self.longest else { return string }
        var bytes = string
        return bytes.withUTF8 { shared($0, making: string) }
    }

    /// Each of `list` interned.
    func intern(_ list: inout [String]) {
        for index in list.indices { list[index] = intern(list[index]) }
    }

    /// The text at each of `ranges` of `bytes` (UTF-8), appended to `list`; a string the table
    /// holds is handed out again without being decoded.
    func strings(at ranges: some Collection<Range<Int>>, of bytes: [UInt8], into list: inout [String]) {
        bytes.withUnsafeBufferPointer { bytes in
            for range in ranges {
                let text = UnsafeBufferPointer(rebasing: bytes[range])
                list.append(text.count > Self.longest ? shared(text) : String(decoding: text, as: UTF8.self))
            }
        }
    }

    private func shared(_ bytes: UnsafeBufferPointer<UInt8>, making made: String? = nil) -> String {
        let hash = Table.hash(bytes)
        // The shard from the high bits: the table's slots are chosen by the low ones.
        return shards[Int(truncatingIfNeeded: hash >> 60)].shared(bytes, hash: hash, making: made)
    }

    private final class Shard: @unchecked Sendable {
        private let lock = NSLock()
        private var table = Table()

        func shared(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, making made: String?) -> String {
            lock.withLock { table.shared(bytes, hash: hash, making: made) }
        }
    }

    private struct Table {
        /// Entry `i`: a string and the hash of its bytes.
        private var strings: [String] = []
        private var hashes: [UInt64] = []
        /// Slot → entry + 1; 0 is empty. Kept at most half full.
        private var slots = [Int32](repeating: 0, count: 256)

        mutating func shared(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, making made: String?) -> String {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { break }
                if hashes[entry - 1] == hash, Self.equal(strings[entry - 1], bytes) { return strings[entry - 1] }
                slot = (slot + 1) & mask
            }
            let string = made ?? String(decoding: bytes, as: UTF8.self)
            strings.append(string)
            hashes.append(hash)
            slots[slot] = Int32(strings.count)
            if strings.count * 2 > slots.count { grow() }
            return string
        }

        private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            // Every string held is native (made here or by parsing): its bytes are contiguous.
            string.utf8.withContiguousStorageIfAvailable { held in
                held.count == bytes.count && memcmp(held.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            } ?? string.utf8.elementsEqual(bytes)
        }

        private mutating func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            let mask = slots.count - 1
            for (index, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
            }
        }

        /// A multiply-xorshift hash of eight bytes at a time, the last few loaded together.
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let raw = UnsafeRawBufferPointer(bytes)
            var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
                offset += 8
            }
            var tail: UInt64 = 0
            withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset...])) }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
            return hash ^ (hash >> 29)
        }
    }
}
