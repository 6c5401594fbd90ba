/// The counted terms of consecutive documents, numbered by the batch's own table.
struct CountedBatch: Sendable {
    var terms: TermTable
    /// Each document's distinct terms in order of first occurrence, one document after another.
    var documentTerms: [Int32] = []
    /// The counts of each entry of `documentTerms` in its fields, one entry after another (`FieldCounts`).
    var fieldCounts: [UInt8] = []
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
/// earlier batch stemmed it (`StemCache`) or one counted at the same time did (`SharedStems`).
enum TermCounter {
    /// `vocabulary`: the builder's table of terms, which the ids `cache` gives are in.
    static func count(_ documents: ArraySlice<SearchDocument>, stems cache: StemCache = StemCache(), vocabulary: TermTable = TermTable(capacity: 1),
                      shared: SharedStems? = nil, stemming: Stemming = .porter) -> CountedBatch {
        var counting = BatchCounting(cache: cache, vocabulary: vocabulary, shared: shared, stemming: stemming)
        defer { counting.deallocate() }
        for document in documents {
            for (field, text) in document.fields.enumerated() { counting.count(text, field: field) }
            counting.finishDocument()
        }
        return counting.batch
    }
}

/// The state of `TermCounter.count`, in one value the closure called per word borrows: its parts
/// captured one by one were each copied (retained and released) for every field.
private struct BatchCounting {
    static let fieldCount = SearchDocument.Field.allCases.count

    let cache: StemCache
    let vocabulary: TermTable
    let shared: SharedStems?
    let stopwords: TermTable
    let stemmer: WordStemmer
    var batch = CountedBatch(terms: TermTable(capacity: 8192), words: TermTable(capacity: 8192))
    private var stemmed: [UInt8] = []
    /// By term: its counts in the current document's fields, and the last document holding it.
    private var fieldCounts: [Int32] = []
    private var seenIn: [Int32] = []
    /// The terms of one field in order, stopwords left out; the current document's distinct terms
    /// in order of first occurrence, and their counts, `fieldCount` per term.
    private var fieldTerms = ScratchBuffer<Int32>(capacity: 4096)
    private var documentTerms = ScratchBuffer<Int32>(capacity: 1024)
    private var documentCounts = ScratchBuffer<UInt8>(capacity: 1024 * FieldCounts.longest)
    /// The current document's place in the batch.
    private var number: Int32 = 0

    init(cache: StemCache, vocabulary: TermTable, shared: SharedStems?, stemming: Stemming) {
        self.cache = cache
        self.vocabulary = vocabulary
        self.shared = shared
        stopwords = stemming.usesStopwords ? SearchStopwords.table : TermTable(capacity: 1)
        stemmer = stemming.makeStemmer()
    }

    func deallocate() {
        fieldTerms.deallocate()
        documentTerms.deallocate()
        documentCounts.deallocate()
    }

    /// Counts the words of one field of the current document.
    mutating func count(_ text: String, field: Int) {
        // Words to terms first (the tables grow as new words come), then the terms counted through
        // pointers: no uniqueness or bounds check per token.
        fieldTerms.count = 0
        var text = text
        text.withUTF8 { bytes in
            SearchTokenizer.forEachWord(in: bytes) { word, key in
                let wordID = Int(batch.words.id(of: word, key: key))
                if wordID == batch.termOfWord.count { batch.termOfWord.append(term(ofNewWord: word, key: key)) }
                let term = batch.termOfWord[wordID]
                if term >= 0 { fieldTerms.append(term) }
            }
        }
        let termCount = batch.terms.count
        if seenIn.count < termCount {
            seenIn += repeatElement(-1, count: termCount - seenIn.count)
            fieldCounts += repeatElement(0, count: termCount * Self.fieldCount - fieldCounts.count)
        }
        let fieldCount = Self.fieldCount, number = number
        let terms = fieldTerms.elements
        // A field adds at most as many distinct terms as it has tokens.
        let newTerms = documentTerms.reserve(adding: terms.count)
        var added = 0
        seenIn.withUnsafeMutableBufferPointer { seenIn in
            fieldCounts.withUnsafeMutableBufferPointer { fieldCounts in
                for term in terms {
                    let term = Int(term)
                    if seenIn[term] != number {
                        seenIn[term] = number
                        newTerms[added] = Int32(truncatingIfNeeded: term)
                        added &+= 1
                    }
                    fieldCounts[term &* fieldCount &+ field] &+= 1
                }
            }
        }
        documentTerms.count += added
        batch.lengths.append(Int32(terms.count))
    }

    /// Files the current document's terms and counts, and clears its counts for the next.
    mutating func finishDocument() {
        let fieldCount = Self.fieldCount
        let terms = documentTerms.elements
        documentCounts.count = 0
        let start = documentCounts.reserve(adding: terms.count * FieldCounts.longest)
        var at = start
        fieldCounts.withUnsafeMutableBufferPointer { fieldCounts in
            for term in terms {
                at = FieldCounts.write(fieldCounts.baseAddress! + Int(term) &* fieldCount, at: at, clearing: true)
            }
        }
        documentCounts.count = at - start
        batch.documentTerms.append(contentsOf: terms)
        batch.fieldCounts.append(contentsOf: documentCounts.elements)
        batch.ends.append(batch.documentTerms.count)
        documentTerms.count = 0
        number += 1
    }

    /// The term of a word the batch meets for the first time, or -1 for a stopword.
    @inline(never)
    private mutating func term(ofNewWord word: UnsafeBufferPointer<UInt8>, key: TermTable.Key) -> Int32 {
        if let cached = cache.term(of: word, key: key) {
            return cached < 0 ? -1 : vocabulary.bytes(cached).withUnsafeBufferPointer { batch.terms.id(of: $0) }
        }
        if let shared, let term = shared.withStem(of: word, key: key, { stem in stem.map { term(ofStem: $0) } }) {
            return term
        }
        stemmed.removeAll(keepingCapacity: true)
        stemmed.append(contentsOf: word)
        stemmer.stem(&stemmed)
        shared?.record(word, key: key, stem: stemmed)
        return stemmed.withUnsafeBufferPointer { term(ofStem: $0) }
    }

    private mutating func term(ofStem stem: UnsafeBufferPointer<UInt8>) -> Int32 {
        stopwords.contains(stem) ? -1 : batch.terms.id(of: stem)
    }
}

/// Values appended through a pointer: `Array.append` checks that the array is uniquely
/// referenced on every call, and counting appends one per token. Freed by its owner.
private struct ScratchBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    var count = 0

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = value
        count &+= 1
    }

    /// Room for `adding` more values after the current ones; where they go.
    mutating func reserve(adding: Int) -> UnsafeMutablePointer<Element> {
        if count + adding > capacity { grow(to: count + adding) }
        return base + count
    }

    @inline(never)
    private mutating func grow(to minimum: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: max(minimum, capacity * 2))
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = max(minimum, capacity * 2)
    }

    func deallocate() { base.deallocate() }
}
