/// A term's postings in the store with the changed documents' old postings taken out and their
/// new ones put in, for a build that updates the last build's postings (`writeUpdated`).
///
/// Postings are document gaps (varints) each followed by a score byte, so a posting whose
/// previous document stays keeps its bytes: the runs between changes are copied as they are,
/// and only the postings put in and the one after each change are written again. Decoding every
/// posting of the term into arrays and encoding them all again cost two thirds of an update
/// whose answer shares most of its terms with the rest of the site. The JSON size is worked
/// out from the record's own, by the digits that changed.
struct PostingsSplice {
    /// The new postings, as the store keeps them (reused from term to term).
    private(set) var bytes: [UInt8] = []
    /// How many postings `bytes` holds.
    private(set) var count = 0
    /// How long the postings are as JSON (`SearchIndexBuilder.encodedSize`).
    private(set) var encodedSize = 0

    /// Makes the postings of a record (`postings`, with its `frequency` and `encodedSize`) without
    /// those of the documents `changed` marks, and with `documents` and their `scores` (in
    /// document order) put in.
    mutating func make(from postings: UnsafeBufferPointer<UInt8>, frequency: Int, encodedSize oldSize: Int,
                       removing changed: [Bool], adding documents: [Int32], scores: [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(postings.count + 8 * documents.count)
        // The digits of every gap and score: the JSON less its brackets and commas.
        var digits = oldSize - 2 - max(0, 2 * frequency - 1)
        var count = frequency
        var previousIn = 0, previousOut = 0
        // Input bytes from `runStart` on are still to be copied as they are, while no posting
        // before them changed (`broken` says the next kept posting's gap must be written again).
        var runStart = 0, broken = false
        var newAt = 0
        func copyRun(upTo end: Int) {
            if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: postings[runStart ..< end])) }
        }
        func put(_ document: Int, _ score: UInt8) {
            bytes.appendVarint(document - previousOut)
            bytes.append(score)
            digits += DecimalDigits.length(of: document - previousOut) + DecimalDigits.length(of: Int(score))
            previousOut = document
        }
        guard let base = postings.baseAddress else {
            for (document, score) in zip(documents, scores) { put(Int(document), score) }
            return finish(count: documents.count, digits: digits)
        }
        var at = 0
        while at < postings.count {
            let start = at
            let gap = Varint.read(base, at: &at)
            let document = previousIn + gap
            let score = base[at]
            at += 1
            while newAt < documents.count, Int(documents[newAt]) < document {
                copyRun(upTo: start)
                put(Int(documents[newAt]), scores[newAt])
                count += 1
                newAt += 1
                runStart = start
                broken = true
            }
            if changed[document] {
                copyRun(upTo: start)
                digits -= DecimalDigits.length(of: gap) + DecimalDigits.length(of: Int(score))
                count -= 1
                runStart = at
                broken = true
            } else if broken {
                copyRun(upTo: start)
                digits -= DecimalDigits.length(of: gap)
                // `put` adds the new gap's digits and the score's, which stays: take the score's back out.
                digits -= DecimalDigits.length(of: Int(score))
                put(document, score)
                runStart = at
                broken = false
            } else {
                previousOut = document
            }
            previousIn = document
        }
        copyRun(upTo: postings.count)
        while newAt < documents.count {
            put(Int(documents[newAt]), scores[newAt])
            count += 1
            newAt += 1
        }
        finish(count: count, digits: digits)
    }

    private mutating func finish(count: Int, digits: Int) {
        self.count = count
        encodedSize = 2 + max(0, 2 * count - 1) + digits
    }
}
