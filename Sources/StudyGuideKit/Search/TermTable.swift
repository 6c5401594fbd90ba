/// Distinct byte strings (search words and terms) numbered 0, 1, 2… in order of first sight.
///
/// The index builder meets millions of word occurrences; giving each distinct one an integer once
/// means everything after works on `Int32`s, and no `String` is made per token or per posting.
/// Bytes live in one arena; lookup is open addressing with linear probing on `Key.hash`. Most
/// words are at most eight bytes long, and for those comparing `Key.head` (with the length) is the
/// whole comparison: no call to `memcmp` per token.
struct TermTable {
    private(set) var arena: [UInt8] = []
    /// Term `i` is `arena[starts[i] ..< starts[i + 1]]`.
    private var starts: [Int32] = [0]
    /// Slot → term id + 1; 0 is empty. Kept at most half full.
    private var slots: [Int32]
    /// Each term's `Key.head`.
    private var heads: [UInt64] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    var count: Int { starts.count - 1 }

    /// The id of `word`, adding it when new.
    mutating func id(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        id(of: word, key: Key(word))
    }

    /// The id of `word`, whose `Key` is known already (the tokenizer works it out as it folds).
    @inline(__always)
    mutating func id(of word: UnsafeBufferPointer<UInt8>, key: Key) -> Int32 {
        let (found, slot) = find(word, key: key)
        if let found { return found }
        return insert(word, key: key, at: slot)
    }

    /// Adds `word` at the empty `slot` that `find` gave (kept out of line: most lookups find).
    @inline(never)
    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, key: Key, at slot: Int) -> Int32 {
        let id = Int32(count)
        arena.append(contentsOf: word)
        starts.append(Int32(arena.count))
        heads.append(key.head)
        slots[slot] = id + 1
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `word` when the table holds it, without adding it.
    func existingID(of word: UnsafeBufferPointer<UInt8>, key: Key) -> Int32? {
        find(word, key: key).id
    }

    /// Whether `word` is in the table, without adding it.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        find(word, key: Key(word)).id != nil
    }

    /// The id of `word`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ word: UnsafeBufferPointer<UInt8>, key: Key) -> (id: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(key.hash) & mask
        // Millions of lookups and few insertions: the probe reads raw buffers, without the
        // bounds and uniqueness checks of array subscripts.
        let found = slots.withUnsafeBufferPointer { slots in
            heads.withUnsafeBufferPointer { heads in
                starts.withUnsafeBufferPointer { starts in
                    arena.withUnsafeBufferPointer { arena -> Int32? in
                        while true {
                            let entry = slots[slot]
                            if entry == 0 { return nil }
                            let id = Int(entry &- 1)
                            if heads[id] == key.head {
                                let start = Int(starts[id])
                                // The head holds all of a word of up to eight bytes.
                                if Int(starts[id &+ 1]) &- start == word.count,
                                   word.count <= 8 || Self.tailsMatch(arena.baseAddress! + start, word.baseAddress!, count: word.count) {
                                    return Int32(id)
                                }
                            }
                            slot = (slot &+ 1) & mask
                        }
                    }
                }
            }
        }
        return (found, slot)
    }

    /// Whether two strings of `count` bytes (more than eight) whose first eight are equal are
    /// equal: compared eight bytes at a time, the last eight ending at their end (overlapping the
    /// eight before), so nothing past either is read. Most such words are at most 16 bytes long:
    /// one comparison, where a call to `memcmp` cost more than the rest of the lookup.
    @inline(__always)
    private static func tailsMatch(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 8
        while offset &+ 8 < count {
            if UnsafeRawPointer(left + offset).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(right + offset).loadUnaligned(as: UInt64.self) {
                return false
            }
            offset &+= 8
        }
        return UnsafeRawPointer(left + (count &- 8)).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(right + (count &- 8)).loadUnaligned(as: UInt64.self)
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
        // Most terms differ in their first eight bytes: their heads, most significant byte first,
        // order them (a shorter term's zero padding sorts it before the longer ones it begins).
        let keys = heads.map { $0.byteSwapped }
        return arena.withUnsafeBufferPointer { arena in
            (0 ..< Int32(count)).sorted { left, right in
                let leftKey = keys[Int(left)], rightKey = keys[Int(right)]
                if leftKey != rightKey { return leftKey < rightKey }
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

    /// Doubles the slots. Each term's hash is worked out again from its bytes: kept, it took four
    /// bytes a term for the few times a table grows.
    private mutating func grow() {
        var slots = [Int32](repeating: 0, count: self.slots.count * 2)
        self.slots = []
        let mask = slots.count - 1
        arena.withUnsafeBufferPointer { arena in
            for id in 0 ..< count {
                let word = UnsafeBufferPointer(rebasing: arena[Int(starts[id]) ..< Int(starts[id + 1])])
                var slot = Int(Key(word).hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id + 1)
            }
        }
        self.slots = slots
    }
}

extension TermTable {
    /// What the table looks a word up by: a hash of its bytes taken eight at a time, and its first
    /// eight bytes, zero-padded (`UInt64(littleEndian:)` of them). `SearchTokenizer.forEachWord`
    /// works out the same values from the folded chunks it writes.
    struct Key: Equatable {
        var hash: UInt32
        var head: UInt64

        init(hash: UInt32, head: UInt64) {
            self.hash = hash
            self.head = head
        }

        init(_ word: UnsafeBufferPointer<UInt8>) {
            var state = Self.seed
            var head: UInt64 = 0
            var offset = 0
            while offset < word.count {
                let chunk = Self.chunk(word, at: offset)
                if offset == 0 { head = chunk }
                state = Self.mix(state, chunk)
                offset += 8
            }
            self.init(hash: Self.finish(state), head: head)
        }

        /// The eight bytes of `word` from `offset` on, zero-padded past its end. A shorter tail is
        /// read as two loads that overlap (their common bytes are the same bytes), nothing past
        /// its end: a call to copy a few bytes cost more than the rest of a lookup, and a table
        /// that grows hashes every word it holds again.
        @inline(__always)
        static func chunk(_ word: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
            let base = UnsafeRawPointer(word.baseAddress!) + offset
            let count = word.count &- offset
            if count >= 8 { return UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) }
            if count >= 4 {
                let low = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
                let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
                return low | high << (8 &* (count &- 4))
            }
            if count >= 2 {
                let low = UInt64(UInt16(littleEndian: base.loadUnaligned(as: UInt16.self)))
                let high = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)))
                return low | high << (8 &* (count &- 2))
            }
            return count == 1 ? UInt64(base.load(as: UInt8.self)) : 0
        }

        /// Multiplicative hashing a chunk at a time; the high half of the product depends on every
        /// bit below it, so `finish` keeps that half.
        static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always)
        static func mix(_ state: UInt64, _ chunk: UInt64) -> UInt64 {
            (state ^ chunk) &* 0x9E37_79B9_7F4A_7C15
        }

        @inline(__always)
        static func finish(_ state: UInt64) -> UInt32 {
            UInt32(truncatingIfNeeded: state >> 32)
        }
    }
}
