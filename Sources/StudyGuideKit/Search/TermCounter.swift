/// The terms of one document: each distinct term once, with how often it occurs in each field.
struct DocumentTerms: Sendable {
    /// Term ids of the batch's `TermTable`, in order of first occurrence.
    var terms: [Int32] = []
    /// `SearchDocument.Field.allCases.count` counts per term, in the order of `terms`. Two bytes
    /// each, as a count is almost always small; `UInt16.max` means "see `largeCounts`".
    var counts: [UInt16] = []
    /// The counts of 65,535 and more, by their index in `counts`.
    var largeCounts: [Int: Int] = [:]

    /// Terms counted in each field: the field's length for BM25.
    var lengths: [Int32] = Array(repeating: 0, count: SearchDocument.Field.allCases.count)

    func count(at index: Int) -> Int {
        counts[index] == UInt16.max ? largeCounts[index]! : Int(counts[index])
    }

    mutating func increment(at index: Int) {
        if counts[index] < UInt16.max - 1 {
            counts[index] += 1
        } else {
            largeCounts[index] = (largeCounts[index] ?? Int(counts[index])) + 1
            counts[index] = UInt16.max
        }
    }
}

/// The counted terms of consecutive documents, numbered by the batch's own table.
struct CountedBatch: Sendable {
    var terms: TermTable
    var documents: [DocumentTerms]
}

/// Tokenises, stems and counts the words of documents. Batches run in parallel; within one,
/// every distinct word is stemmed once, however many pages repeat it.
enum TermCounter {
    static func count(_ documents: ArraySlice<SearchDocument>) -> CountedBatch {
        let fieldCount = SearchDocument.Field.allCases.count
        var words = TermTable(capacity: 8192)
        var termOfWord: [Int32] = []  // word id → term id, or -1 for a stopword
        var terms = TermTable(capacity: 8192)
        var slotOfTerm: [Int32] = []  // term id → its index in the current document's terms, or -1
        var stemmed: [UInt8] = []
        var counted: [DocumentTerms] = []
        counted.reserveCapacity(documents.count)
        // A new term's zero counts, appended as one copy (`repeatElement` went byte by byte).
        let noCounts = [UInt16](repeating: 0, count: fieldCount)

        for document in documents {
            var current = DocumentTerms()
            for (field, text) in document.fields.enumerated() {
                var text = text
                var fieldLength: Int32 = 0
                defer { current.lengths[field] += fieldLength }
                text.withUTF8 { bytes in
                    SearchTokenizer.forEachWord(in: bytes) { word in
                        let wordID = Int(words.id(of: word))
                        if wordID == termOfWord.count {
                            stemmed.removeAll(keepingCapacity: true)
                            stemmed.append(contentsOf: word)
                            PorterStemmer.stem(&stemmed)
                            let isStopword = SearchStopwords.list.contains(String(decoding: stemmed, as: UTF8.self))
                            termOfWord.append(isStopword ? -1 : terms.id(of: stemmed))
                            while slotOfTerm.count < terms.count { slotOfTerm.append(-1) }
                        }
                        let term = Int(termOfWord[wordID])
                        guard term >= 0 else { return }
                        var slot = Int(slotOfTerm[term])
                        if slot < 0 {
                            slot = current.terms.count
                            slotOfTerm[term] = Int32(slot)
                            current.terms.append(Int32(term))
                            current.counts.append(contentsOf: noCounts)
                        }
                        current.increment(at: slot * fieldCount + field)
                        fieldLength += 1
                    }
                }
            }
            for term in current.terms { slotOfTerm[Int(term)] = -1 }
            // Kept until the whole site is counted: exact-size copies, not arrays grown by doubling.
            current.terms = current.terms.withUnsafeBufferPointer { Array($0) }
            current.counts = current.counts.withUnsafeBufferPointer { Array($0) }
            counted.append(current)
        }
        return CountedBatch(terms: terms, documents: counted)
    }
}
