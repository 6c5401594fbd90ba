internal import Foundation

/// Turns text into search words, identically to `themes/default/static/assets/search-tokenizer.js`.
///
/// The index is built here and queried in the browser, so a word is only found when both sides
/// produce the same tokens; `Tests/search-vectors/tokenizer.tsv` holds the rows both test suites run.
enum SearchTokenizer {
    /// Longer "words" are base64, hashes or URLs: noise that would only bloat the index.
    static let maxTokenLength = 40

    /// Stemmed words in reading order, for the index and for queries.
    static func tokens(_ text: String) -> [String] {
        normalizedWords(text).map(PorterStemmer.stem)
    }

    /// Folded but unstemmed words, for prefix matching and highlighting, where the reader's own
    /// spelling must still line up with the page text.
    ///
    /// A word is a run of letters, marks and digits of any script. Han, kana and Hangul are written
    /// without spaces, so a run of them becomes its overlapping pairs ("数据库" → "数据", "据库"),
    /// as Lucene's CJK analyzer does: any query of two or more of those characters is then a
    /// sequence of pairs that the pages holding it also hold.
    static func normalizedWords(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        // NFKD splits "é" into "e" + accent and "ﬁ" into "fi", so dropping diacritics leaves plain
        // letters and "Café" finds "cafe". NFC then puts back together what is left (Hangul
        // syllables, kana with their voicing marks, Devanagari). Diacritics go before lowercasing,
        // matching the script's order; "ß" and a final "ς" are folded as case folding would.
        var previous: Unicode.Scalar = " "
        let decomposed = text.decomposedStringWithCompatibilityMapping.unicodeScalars.filter { scalar in
            defer { previous = scalar }
            return !isDiacritic(scalar, after: previous)
        }
        let folded = foldedCase(String(String.UnicodeScalarView(decomposed)).precomposedStringWithCanonicalMapping)

        var words: [String] = []
        var current = String.UnicodeScalarView(), currentLength = 0
        var pairs: [Unicode.Scalar] = []
        func finishWord() {
            if currentLength > 0 && currentLength <= maxTokenLength { words.append(String(current)) }
            current = String.UnicodeScalarView()
            currentLength = 0
        }
        func finishPairs() {
            if pairs.count == 1 { words.append(String(Character(pairs[0]))) }
            for index in pairs.indices.dropFirst() {
                var pair = String.UnicodeScalarView()
                pair.append(pairs[index - 1])
                pair.append(pairs[index])
                words.append(String(pair))
            }
            pairs.removeAll(keepingCapacity: true)
        }
        for scalar in folded.unicodeScalars {
            if isPaired(scalar) {
                finishWord()
                pairs.append(scalar)
            } else if isWordPart(scalar) {
                finishPairs()
                current.append(scalar)
                currentLength += 1
            } else {
                finishWord()
                finishPairs()
            }
        }
        finishWord()
        finishPairs()
        return words
    }

    /// Lowercase, with the two letters whose case folding differs from their lowercase folded too,
    /// so "Straße" meets "strasse" and "ΟΔΟΣ" meets "οδος" (the script does the same).
    private static func foldedCase(_ text: String) -> String {
        let lower = text.lowercased()
        guard lower.unicodeScalars.contains(where: { $0 == "ß" || $0 == "ς" }) else { return lower }
        var view = String.UnicodeScalarView()
        for scalar in lower.unicodeScalars {
            switch scalar {
            case "ß": view.append("s"); view.append("s")
            case "ς": view.append("σ")
            default: view.append(scalar)
            }
        }
        return String(view)
    }

    /// A combining accent of the Latin, Greek and Cyrillic alphabets, or a Hebrew or Arabic vowel
    /// point: marks that readers leave out when typing. Other scripts' marks (Devanagari vowel
    /// signs, kana voicing marks) are part of their letters and stay, and so does the breve of
    /// "й", a letter of its own that Russian's stemmer needs (while "ё" may be typed "е").
    static func isDiacritic(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard diacriticRanges.contains(where: { $0.contains(value) }) else { return false }
        if value == 0x0306 && (previous == "и" || previous == "И") { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static let diacriticRanges: [ClosedRange<UInt32>] = [
        0x0300 ... 0x036F,   // combining diacritical marks
        0x0483 ... 0x0489,   // Cyrillic combining marks
        0x0591 ... 0x05C7,   // Hebrew points and cantillation
        0x0610 ... 0x061A, 0x064B ... 0x065F, 0x0670 ... 0x0670, 0x06D6 ... 0x06ED, // Arabic
        0x1AB0 ... 0x1AFF,   // combining diacritical marks extended
        0x1DC0 ... 0x1DFF,   // combining diacritical marks supplement
        0x20D0 ... 0x20FF,   // combining marks for symbols
        0xFE20 ... 0xFE2F,   // combining half marks
    ]

    /// A letter, mark or digit of any script (`[\p{L}\p{M}\p{N}]` in the script).
    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Han, Hiragana, Katakana and Hangul letters and digits: scripts written without spaces
    /// between words, indexed as pairs. Code-point ranges rather than the Script property, which
    /// Swift does not offer; the script lists the same ranges.
    static func isPaired(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard pairedRanges.contains(where: { $0.contains(value) }) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static let pairedRanges: [ClosedRange<UInt32>] = [
        0x1100 ... 0x11FF,   // Hangul Jamo
        0x2E80 ... 0x2FDF,   // CJK and Kangxi radicals
        0x3005 ... 0x3007,   // 々 〆 〇
        0x3021 ... 0x3029,   // Hangzhou numerals
        0x3038 ... 0x303B,
        0x3041 ... 0x30FF,   // Hiragana, Katakana
        0x3130 ... 0x318F,   // Hangul compatibility jamo
        0x31F0 ... 0x31FF,   // Katakana phonetic extensions
        0x3400 ... 0x4DBF,   // CJK extension A
        0x4E00 ... 0x9FFF,   // CJK unified ideographs
        0xA960 ... 0xA97F,   // Hangul jamo extended A
        0xAC00 ... 0xD7FF,   // Hangul syllables, jamo extended B
        0xF900 ... 0xFAFF,   // CJK compatibility ideographs
        0xFF66 ... 0xFF9F,   // halfwidth Katakana
        0xFFA0 ... 0xFFDC,   // halfwidth Hangul
        0x20000 ... 0x323AF, // CJK extensions B to H
    ]

    /// Calls `body` with each word `normalizedWords(text)` would return, in order, and the word's
    /// `TermTable.Key`, without making a String per word (the index builder's path). A run of ASCII
    /// letters and digits is folded and hashed eight bytes at a time (`WordChunk`) into a scratch
    /// buffer; a run holding other characters goes through `forEachPlainWord` or `normalizedWords`.
    /// Cutting the text at ASCII punctuation and spaces first changes nothing: they separate words
    /// before and after folding alike, and NFKD never reorders marks across them.
    @inline(__always)
    static func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, TermTable.Key) -> Void) {
        let count = text.count
        guard let text = text.baseAddress else { return }
        // One allocation holds a scratch buffer with room for a word's chunks (past `maxTokenLength`
        // they wrap around, and the word is dropped) and a copy of the text with zeros (separators)
        // after it, so that eight bytes load anywhere in it without a check for its end. Not
        // `withUnsafeTemporaryAllocation`: in its closure, the caller's `body` was not inlined.
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: 64 + count + 16)
        defer { memory.deallocate() }
        let scratch = UnsafeMutableRawPointer(memory)
        let padded = memory + 64
        padded.initialize(from: text, count: count)
        (padded + count).initialize(repeating: 0, count: 16)
        let base = UnsafePointer(padded)
        var index = 0
        while index < count {
            var chunk = WordChunk(padded: base, at: index)
            guard chunk.holdsWords else { index &+= 8; continue }
            let skipped = chunk.separatorLength
            index &+= skipped
            let length: Int, key: TermTable.Key
            // Most words end inside the chunk they start in: those are done without loading
            // their bytes again.
            let word = chunk.dropping(skipped)
            let wordLength = word.runLength, mask = word.runMask
            if skipped &+ wordLength < 8 && !word.holdsNonASCII(in: mask) {
                let folded = word.folded & mask
                scratch.storeBytes(of: UInt64(littleEndian: folded), as: UInt64.self)
                length = wordLength
                key = TermTable.Key(hash: TermTable.Key.finish(TermTable.Key.mix(TermTable.Key.seed, folded)), head: folded)
                index &+= wordLength
            } else {
                // A chunk starts at a multiple of eight bytes into the word, as `TermTable.Key`
                // takes them: the lead chunk is the first when no separator came before the word.
                if skipped > 0 { chunk = WordChunk(padded: base, at: index) }
                let start = index
                var runLength = 0
                var state = TermTable.Key.seed
                var nonASCII: UInt64 = 0
                // Eight bytes of the run at a time, until a chunk ends it. The folded chunks of a
                // run holding other characters, or too long to be a word, are written and hashed
                // all the same, and then not used.
                while true {
                    let taken = chunk.runLength, mask = chunk.runMask
                    nonASCII |= chunk.nonASCII(in: mask)
                    let folded = chunk.folded & mask
                    scratch.storeBytes(of: UInt64(littleEndian: folded), toByteOffset: runLength & 63, as: UInt64.self)
                    runLength &+= taken
                    index &+= taken
                    if taken < 8 {
                        if taken > 0 { state = TermTable.Key.mix(state, folded) }
                        break
                    }
                    state = TermTable.Key.mix(state, folded)
                    chunk = WordChunk(padded: base, at: index)
                }
                if nonASCII != 0 {
                    let run = UnsafeBufferPointer(start: base + start, count: index - start)
                    index &+= 1
                    guard !forEachPlainWord(in: run, body) else { continue }
                    for var word in normalizedWords(String(decoding: run, as: UTF8.self)) {
                        word.withUTF8 { body($0, TermTable.Key($0)) }
                    }
                    continue
                }
                guard runLength <= maxTokenLength else {
                    index &+= 1
                    continue
                }
                length = runLength
                key = TermTable.Key(hash: TermTable.Key.finish(state), head: UInt64(littleEndian: scratch.load(as: UInt64.self)))
            }
            // One call for both kinds of ASCII words, so that `body` is inlined once.
            body(UnsafeBufferPointer(start: scratch.assumingMemoryBound(to: UInt8.self), count: length), key)
            // A separator ends the word: the next chunk starts after it, so that after a single
            // space it starts at the next word, as `TermTable.Key` takes its chunks.
            index &+= 1
        }
    }

    /// The same result for pure ASCII text, where NFKD and mark removal change nothing:
    /// most answers are ASCII, and this path skips Foundation's normalisation.
    private static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func finishWord() {
            if !current.isEmpty && current.count <= maxTokenLength { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            default: finishWord()
            }
        }
        finishWord()
        return words
    }
}
