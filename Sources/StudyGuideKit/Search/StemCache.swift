/// Words stemmed by the batches counted so far, and their terms: batches counted together read
/// it, and it learns their words after, in batch order (so the bytes never depend on the
/// workers). Answers repeat most of their words; stemming each again in every batch cost about a
/// tenth of counting a 10,000-question site.
struct StemCache: Sendable {
    /// Words beyond this are stemmed every time, so a site with a huge vocabulary stays in bounds.
    static let capacity = 1 << 16

    private var words = TermTable(capacity: 1 << 14)
    /// Each word's term in `stems`, or -1 for a stopword.
    private var stemOfWord: [Int32] = []
    private var stems = TermTable(capacity: 1 << 14)

    /// The term of a cached word: nil when the word is new, `.some(nil)` for a stopword.
    func term(of word: UnsafeBufferPointer<UInt8>, key: TermTable.Key) -> ArraySlice<UInt8>?? {
        guard let id = words.existingID(of: word, key: key) else { return nil }
        let stem = stemOfWord[Int(id)]
        return stem < 0 ? .some(nil) : stems.bytes(stem)
    }

    /// Learns the words of a batch (after the batches counted with it, which is why the batch
    /// itself records nothing while it counts).
    mutating func learn(_ batch: CountedBatch) {
        for index in 0 ..< Int32(batch.words.count) {
            guard words.count < Self.capacity else { return }
            let known = words.count
            let id = batch.words.bytes(index).withUnsafeBufferPointer { words.id(of: $0) }
            guard Int(id) == known else { continue }
            let term = batch.termOfWord[Int(index)]
            stemOfWord.append(term < 0 ? -1 : batch.terms.bytes(term).withUnsafeBufferPointer { stems.id(of: $0) })
        }
    }
}
