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
        var stemmed: [UInt8] = []
        var documentTerms: [Int32] = []
        var counts: [Int32] = []
        var ends: [Int] = []
        var lengths: [Int32] = []
        // By term: its counts in the current document's fields, and the last document holding it.
        var fieldCounts: [Int32] = []
        var seenIn: [Int32] = []
        // The terms of one field in order, stopwords left out.
        var fieldTerms: [Int32] = []
        let stopwords = stemming.usesStopwords ? SearchStopwords.table : TermTable(capacity: 1)
        let stemmer = stemming.makeStemmer()

        for (number, document) in documents.enumerated() {
            let firstSlot = documentTerms.count
            let number = Int32(number)
            for (field, text) in document.fields.enumerated() {
                // Words to terms first (the tables grow as new words come), then the terms
                // counted through pointers: no uniqueness or bounds check per token.
                fieldTerms.removeAll(keepingCapacity: true)
                var text = text
                text.withUTF8 { bytes in
                    SearchTokenizer.forEachWord(in: bytes) { word, key in
                        let wordID = Int(words.id(of: word, key: key))
                        if wordID == termOfWord.count {
                            if let cached = cache.term(of: word, key: key) {
                                termOfWord.append(cached.map { stem in stem.withUnsafeBufferPointer { terms.id(of: $0) } } ?? -1)
                            } else {
                                stemmed.removeAll(keepingCapacity: true)
                                stemmed.append(contentsOf: word)
                                stemmer.stem(&stemmed)
                                let isStopword = stemmed.withUnsafeBufferPointer { stopwords.contains($0) }
                                termOfWord.append(isStopword ? -1 : terms.id(of: stemmed))
                            }
                        }
                        let term = termOfWord[wordID]
                        if term >= 0 { fieldTerms.append(term) }
                    }
                }
                if seenIn.count < terms.count {
                    seenIn += repeatElement(-1, count: terms.count - seenIn.count)
                    fieldCounts += repeatElement(0, count: terms.count * fieldCount - fieldCounts.count)
                }
                fieldTerms.withUnsafeBufferPointer { fieldTerms in
                    seenIn.withUnsafeMutableBufferPointer { seenIn in
                        fieldCounts.withUnsafeMutableBufferPointer { fieldCounts in
                            for term in fieldTerms {
                                let term = Int(term)
                                if seenIn[term] != number {
                                    seenIn[term] = number
                                    documentTerms.append(Int32(term))
                                }
                                fieldCounts[term &* fieldCount &+ field] &+= 1
                            }
                        }
                    }
                }
                lengths.append(Int32(fieldTerms.count))
            }
            // Each term's counts, in order of first occurrence, and cleared for the next document.
            let firstCount = counts.count
            counts += repeatElement(0, count: (documentTerms.count - firstSlot) * fieldCount)
            documentTerms.withUnsafeBufferPointer { documentTerms in
                counts.withUnsafeMutableBufferPointer { counts in
                    fieldCounts.withUnsafeMutableBufferPointer { fieldCounts in
                        var at = firstCount
                        for term in documentTerms[firstSlot...] {
                            let start = Int(term) &* fieldCount
                            for field in 0 ..< fieldCount {
                                counts[at &+ field] = fieldCounts[start &+ field]
                                fieldCounts[start &+ field] = 0
                            }
                            at &+= fieldCount
                        }
                    }
                }
            }
            ends.append(documentTerms.count)
        }
        return CountedBatch(terms: terms, documentTerms: documentTerms, counts: counts, ends: ends, lengths: lengths,
                            words: words, termOfWord: termOfWord)
    }
}
