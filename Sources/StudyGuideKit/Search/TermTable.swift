internal import Foundation

/// Distinct byte strings (search words and terms) numbered 0, 1, 2… in order of first sight.
///
/// The index builder meets millions of word occurrences; giving each distinct one an integer once
/// means everything after works on `Int32`s, and no `String` is made per token or per posting.
/// Bytes live in one arena; lookup is open addressing with linear probing on an FNV-1a hash.
struct TermTable {
    private(set) var arena: [UInt8] = []
    /// Term `i` is `arena[starts[i] ..< starts[i + 1]]`.
    private var starts: [Int32] = [0]
    /// Slot → term id + 1; 0 is empty. Kept at most half full.
    private var slots: [Int32]
    private var hashes: [UInt32] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    var count: Int { starts.count - 1 }

    /// The id of `word`, adding it when new.
    mutating func id(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        id(of: word, hash: Self.hash(word))
    }

    /// The id of `word`, whose `hash(word)` is known already (the tokenizer hashes as it folds).
    mutating func id(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        let (found, slot) = find(word, hash: hash)
        if let found { return found }
        let id = Int32(count)
        arena.append(contentsOf: word)
        starts.append(Int32(arena.count))
        hashes.append(hash)
        slots[slot] = id + 1
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `word` when the table holds it, without adding it.
    func existingID(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        find(word, hash: hash).id
    }

    /// Whether `word` is in the table, without adding it.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        find(word, hash: Self.hash(word)).id != nil
    }

    /// The id of `word`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (id: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        // Millions of lookups and few insertions: the probe reads raw buffers, without the
        // bounds and uniqueness checks of array subscripts.
        let found = slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                starts.withUnsafeBufferPointer { starts in
                    arena.withUnsafeBufferPointer { arena -> Int32? in
                        while true {
                            let entry = slots[slot]
                            if entry == 0 { return nil }
                            let id = Int(entry - 1)
                            if hashes[id] == hash {
                                let start = Int(starts[id])
                                if Int(starts[id + 1]) - start == word.count,
                                   memcmp(arena.baseAddress! + start, word.baseAddress!, word.count) == 0 {
                                    return Int32(id)
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        return (found, slot)
    }

    mutating func id(of word: [UInt8]) -> Int32 {
        word.withUnsafeBufferPointer { id(of: $0) }
    }

    /// The bytes of term `id`.
    func bytes(_ id: Int32) -> ArraySlice<UInt8> {
        arena[Int(starts[Int(id)]) ..< Int(starts[Int(id) + 1])]
    }

    func length(_ id: Int32) -> Int {
        Int(starts[Int(id) + 1] - starts[Int(id)])
    }

    /// Ids ordered by their bytes (for ASCII terms, the order of `String` comparison).
    func sortedIDs() -> [Int32] {
        arena.withUnsafeBufferPointer { arena in
            (0 ..< Int32(count)).sorted { left, right in
                let l = Int(starts[Int(left)]), lEnd = Int(starts[Int(left) + 1])
                let r = Int(starts[Int(right)]), rEnd = Int(starts[Int(right) + 1])
                let common = min(lEnd - l, rEnd - r)
                for offset in 0 ..< common where arena[l + offset] != arena[r + offset] {
                    return arena[l + offset] < arena[r + offset]
                }
                return lEnd - l < rEnd - r
            }
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0 ..< count {
            var slot = Int(hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    /// FNV-1a, a byte at a time: `hash(hash(emptyHash, a), b)` is the hash of `[a, b]`.
    static let emptyHash: UInt32 = 2_166_136_261

    static func hash(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
        (hash ^ UInt32(byte)) &* 16_777_619
    }

    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        word.reduce(emptyHash, hash)
    }
}
