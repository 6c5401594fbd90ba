/// Words stemmed by the batches counted so far, and their terms: batches counted together read
/// it, and it learns their words after, in batch order (so the bytes never depend on the
/// workers). Answers repeat most of their words; stemming each again in every batch cost about a
/// tenth of counting a 10,000-question site.
///
/// A word's term is kept as its id in the builder's table of every term (`SearchIndexBuilder`),
/// which holds every stem the cache could name: a table of the stems alone was a second copy of
/// most of the vocabulary.
struct StemCache: Sendable {
    /// Words beyond this are stemmed every time, so a site with a huge vocabulary stays in bounds.
    static let capacity = 1 << 16

    private var words: TermTable
    /// Each word's term in the builder's table, or -1 for a stopword.
    private var termOfWord: [Int32] = []

    /// `room`: the words it holds before its table grows.
    init(room: Int = 1 << 14) {
        words = TermTable(capacity: room)
    }

    /// The term of a cached word, as an id in the builder's table: nil when the word is new, -1 for
    /// a stopword.
    func term(of word: UnsafeBufferPointer<UInt8>, key: TermTable.Key) -> Int32? {
        words.existingID(of: word, key: key).map { termOfWord[Int($0)] }
    }

    /// Learns the words of a batch (after the batches counted with it, which is why the batch
    /// itself records nothing while it counts), whose terms have the ids `ids` in the builder's table.
    mutating func learn(_ batch: CountedBatch, renumberedBy ids: [Int32]) {
        for index in 0 ..< Int32(batch.words.count) {
            guard words.count < Self.capacity else { return }
            let known = words.count
            let id = batch.words.bytes(index).withUnsafeBufferPointer { words.id(of: $0) }
            guard Int(id) == known else { continue }
            let term = batch.termOfWord[Int(index)]
            termOfWord.append(term < 0 ? -1 : ids[Int(term)])
        }
    }
}
