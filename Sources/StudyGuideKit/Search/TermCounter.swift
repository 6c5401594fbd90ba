/// The counted terms of consecutive documents, numbered by the batch's own table.
struct CountedBatch: Sendable {
    var terms: TermTable
    /// Each document's distinct terms in order of first occurrence, one document after another.
    var documentTerms: [Int32] = []
    /// `PackedTerms.fieldCount` counts for each entry of `documentTerms`.
    var counts: [Int32] = []
    /// Where each document's entries end in `documentTerms`.
    var ends: [Int] = []
    /// Terms counted in each field, `PackedTerms.fieldCount` per document.
    var lengths: [Int32] = []
    /// Every distinct word of the batch, and each one's term in `terms` (-1: a stopword).
    var words = TermTable(capacity: 16)
    var termOfWord: [Int32] = []

    /// Lets the words go once the stem cache has learned them.
    mutating func forgetWords() {
        words = TermTable(capacity: 16)
        termOfWord = []
    }
}

/// Tokenises, stems and counts the words of documents. Batches run in parallel; within one,
/// every distinct word is stemmed once, however many pages repeat it, and not at all when an
/// earlier batch stemmed it (`StemCache`).
enum TermCounter {
    static func count(_ documents: ArraySlice<SearchDocument>, stems cache: StemCache = StemCache(),
                      stemming: Stemming = .porter) -> CountedBatch {
        let fieldCount = SearchDocument.Field.allCases.count
        var words = TermTable(capacity: 8192)
        var termOfWord: [Int32] = []  // word id → term id, or -1 for a stopword
        var terms = TermTable(capacity: 8192)
        var slotOfTerm: [Int32] = []  // term id → its index in the current document's terms, or -1
        var stemmed: [UInt8] = []
        var documentTerms: [Int32] = []
        var counts: [Int32] = []
        var ends: [Int] = []
        var lengths: [Int32] = []
        let noCounts = [Int32](repeating: 0, count: fieldCount)
        let stopwords = stemming.usesStopwords ? SearchStopwords.table : TermTable(capacity: 1)
        let stemmer = stemming.makeStemmer()

        for document in documents {
            let firstSlot = documentTerms.count
            lengths += noCounts
            for (field, text) in document.fields.enumerated() {
                var text = text
                var fieldLength: Int32 = 0
                defer { lengths[lengths.count - fieldCount + field] += fieldLength }
                text.withUTF8 { bytes in
                    SearchTokenizer.forEachWord(in: bytes) { word, hash in
                        let wordID = Int(words.id(of: word, hash: hash))
                        if wordID == termOfWord.count {
                            if let cached = cache.term(of: word, hash: hash) {
                                termOfWord.append(cached.map { stem in stem.withUnsafeBufferPointer { terms.id(of: $0) } } ?? -1)
                            } else {
                                stemmed.removeAll(keepingCapacity: true)
                                stemmed.append(contentsOf: word)
                                stemmer.stem(&stemmed)
                                let isStopword = stemmed.withUnsafeBufferPointer { stopwords.contains($0) }
                                termOfWord.append(isStopword ? -1 : terms.id(of: stemmed))
                            }
                            while slotOfTerm.count < terms.count { slotOfTerm.append(-1) }
                        }
                        let term = Int(termOfWord[wordID])
                        guard term >= 0 else { return }
                        var slot = Int(slotOfTerm[term])
                        if slot < 0 {
                            slot = documentTerms.count - firstSlot
                            slotOfTerm[term] = Int32(slot)
                            documentTerms.append(Int32(term))
                            counts.append(contentsOf: noCounts)
                        }
                        counts[(firstSlot + slot) * fieldCount + field] += 1
                        fieldLength += 1
                    }
                }
            }
            for term in documentTerms[firstSlot...] { slotOfTerm[Int(term)] = -1 }
            ends.append(documentTerms.count)
        }
        return CountedBatch(terms: terms, documentTerms: documentTerms, counts: counts, ends: ends, lengths: lengths,
                            words: words, termOfWord: termOfWord)
    }
}
