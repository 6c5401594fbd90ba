internal import Foundation

/// Words stemmed so far by the batches counted together, shared as they go: batches running at
/// the same time meet mostly the same words, and `StemCache` learns them only after the round.
/// A stem depends on nothing but its word, so what a batch finds here, and which batch stemmed
/// it first, never changes the bytes of the index; only how often a word is stemmed. So no batch
/// ever waits for it: a batch that finds it taken stems the word itself (on a real vocabulary,
/// waiting for the lock cost more than the stemming it saved).
final class SharedStems: @unchecked Sendable {
    private struct Stems {
        var words = TermTable(capacity: 1 << 12)
        /// Word id → where its stem is in `bytes`, `starts[id] ..< starts[id + 1]`.
        var starts: [Int32] = [0]
        var bytes: [UInt8] = []
    }

    private let lock = NSLock()
    /// Behind a pointer, and only touched under the lock: a stored property of a class would be
    /// checked for exclusive access at run time on every use.
    private let stems: UnsafeMutablePointer<Stems>

    init() {
        stems = .allocate(capacity: 1)
        stems.initialize(to: Stems())
    }

    deinit {
        stems.deinitialize(count: 1)
        stems.deallocate()
    }

    /// Calls `body` with the stem of `word` when a batch stemmed it already, nil when none did or
    /// another batch holds the table (under the lock: `body` should be short).
    func withStem<Result>(of word: UnsafeBufferPointer<UInt8>, key: TermTable.Key,
                          _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard lock.try() else { return body(nil) }
        defer { lock.unlock() }
        guard let id = stems.pointee.words.existingID(of: word, key: key) else { return body(nil) }
        let start = Int(stems.pointee.starts[Int(id)]), end = Int(stems.pointee.starts[Int(id) + 1])
        return stems.pointee.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start ..< end])) }
    }

    /// Records the stem of `word` (unless another batch did meanwhile, or holds the table now).
    func record(_ word: UnsafeBufferPointer<UInt8>, key: TermTable.Key, stem: [UInt8]) {
        guard lock.try() else { return }
        defer { lock.unlock() }
        let known = stems.pointee.words.count
        guard Int(stems.pointee.words.id(of: word, key: key)) == known else { return }
        stems.pointee.bytes.append(contentsOf: stem)
        stems.pointee.starts.append(Int32(stems.pointee.bytes.count))
    }
}
