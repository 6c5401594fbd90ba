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
    /// `TermTable.hash`, without making a String per word (the index builder's path). A run of ASCII
    /// letters and digits is folded and hashed in one pass into a scratch buffer; a run holding
    /// other characters goes through `normalizedWords`. Cutting the text at ASCII punctuation and
    /// spaces first changes nothing: they separate words before and after folding alike, and NFKD
    /// never reorders marks across them.
    static func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxTokenLength) { scratch in
            folding.withUnsafeBufferPointer { folding in
                var index = 0
                while index < text.count {
                    if folding[Int(text[index])] == separator { index += 1; continue }
                    let start = index
                    var length = 0
                    var hash = TermTable.emptyHash
                    var ascii = true
                    while index < text.count {
                        let folded = folding[Int(text[index])]
                        if folded == separator { break }
                        if folded == nonASCII {
                            ascii = false
                        } else if length < maxTokenLength {
                            scratch[length] = folded
                            hash = TermTable.hash(hash, folded)
                        }
                        length += 1
                        index += 1
                    }
                    if !ascii {
                        let run = UnsafeBufferPointer(rebasing: text[start ..< index])
                        guard !forEachPlainWord(in: run, body) else { continue }
                        for var word in normalizedWords(String(decoding: run, as: UTF8.self)) {
                            word.withUTF8 { body($0, TermTable.hash($0)) }
                        }
                    } else if length <= maxTokenLength {
                        body(UnsafeBufferPointer(rebasing: scratch[0 ..< length]), hash)
                    }
                }
            }
        }
    }

    /// The words of a run of text (between ASCII separators) that needs no normalising beyond
    /// lowercasing: ASCII letters and digits, the basic Cyrillic alphabet, and Han, kana and Hangul
    /// that normalise to themselves. Returns false, having called nothing, when the run holds
    /// anything else, which `normalizedWords` then takes through Foundation. A Chinese or Russian
    /// site is almost all such runs, and Foundation's NFKD and NFC cost it most of its search stage.
    private static func forEachPlainWord(in run: UnsafeBufferPointer<UInt8>,
                                         _ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void) -> Bool {
        guard run.allSatisfy({ $0 < 0x80 || isPlainLead($0) || $0 & 0xC0 == 0x80 }) else { return false }
        var index = 0
        while index < run.count {
            guard let (value, length) = decode(run, at: index), plain(value) != nil else { return false }
            index += length
        }
        // One pass, no closures: captured mutable state would be boxed, and retained and released
        // on every character.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxTokenLength * 4) { word in
            var wordBytes = 0, wordLength = 0
            var pairStart = -1, pairLength = 0, pairs = 0  // the previous character of a run of pairs
            index = 0
            while index <= run.count {
                let next = index < run.count ? decode(run, at: index)! : (0, 0)
                let folded = index < run.count ? plain(next.0)! : (value: 0, paired: true)
                let atEnd = index == run.count
                let separates = !atEnd && folded.value == plainSeparator
                // A word ends at a paired character, a separator or the end; a run of pairs at
                // anything else.
                if (folded.paired || separates || atEnd) && wordLength > 0 {
                    if wordLength <= maxTokenLength {
                        let bytes = UnsafeBufferPointer(rebasing: word[0 ..< wordBytes])
                        body(bytes, TermTable.hash(bytes))
                    }
                    wordBytes = 0
                    wordLength = 0
                }
                if (!folded.paired || atEnd) && pairs > 0 {
                    if pairs == 1 {
                        let single = UnsafeBufferPointer(rebasing: run[pairStart ..< pairStart + pairLength])
                        body(single, TermTable.hash(single))
                    }
                    pairs = 0
                }
                if atEnd { break }
                if separates {
                    // Nothing to add.
                } else if folded.paired {
                    if pairs > 0 {
                        let pair = UnsafeBufferPointer(rebasing: run[pairStart ..< index + next.1])
                        body(pair, TermTable.hash(pair))
                    }
                    pairStart = index
                    pairLength = next.1
                    pairs += 1
                } else {
                    if wordLength < maxTokenLength { wordBytes += writeUTF8(folded.value, to: word.baseAddress! + wordBytes) }
                    wordLength += 1
                }
                index += next.1
            }
            return true
        }
    }

    /// Lead bytes of the plain characters: Latin-1 symbols (0xC2), Greek (0xCE, 0xCF), Cyrillic
    /// (0xD0, 0xD1), and three- or four-byte ones.
    private static func isPlainLead(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0xC3 || byte == 0xCE || byte == 0xCF || byte == 0xD0 || byte == 0xD1
            || (byte >= 0xE2 && byte <= 0xED) || byte == 0xF0
    }

    /// Marks `plain`'s answer for a character that separates words, as ASCII punctuation does.
    private static let plainSeparator: UInt32 = 0

    /// What a plain character becomes, and whether it is indexed in pairs (`plainSeparator` for
    /// one that separates words); nil for any other.
    private static func plain(_ value: UInt32) -> (value: UInt32, paired: Bool)? {
        switch value {
        case 0x30 ... 0x39, 0x61 ... 0x7A: return (value, false)
        case 0x41 ... 0x5A: return (value + 0x20, false)
        // Symbols and punctuation that stay separators whatever NFKD makes of them (a space, dots,
        // or a symbol and an overlay mark that goes): no-break space, © « ® ° ± · » × ÷, general
        // punctuation, arrows, mathematical operators, box drawing and geometric shapes.
        case 0xA0, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xB7, 0xBB, 0xD7, 0xF7, 0x2000 ... 0x206F, 0x2190 ... 0x21FF,
             0x2200 ... 0x22FF, 0x2500 ... 0x25FF:
            return (plainSeparator, false)
        case 0xB5: return (0x03BC, false)                         // the micro sign is μ under NFKD
        case 0x03B1 ... 0x03C1, 0x03C3 ... 0x03C9: return (value, false)  // α … ω
        case 0x03C2: return (0x03C3, false)                       // a final ς folds to σ
        case 0x0391 ... 0x03A1, 0x03A3 ... 0x03A9: return (value + 0x20, false)  // Α … Ω
        case 0x0430 ... 0x044F: return (value, false)             // а … я, й included: its breve stays
        case 0x0410 ... 0x042F: return (value + 0x20, false)      // А … Я
        case 0x0401, 0x0451: return (0x0435, false)               // Ё ё → е: the diaeresis goes
        // Han, kana and Hangul with no compatibility decomposition; voiced kana and Hangul
        // syllables come apart under NFKD and back together under NFC. Every code point here is
        // assigned, and a letter.
        case 0x3005, 0x3041 ... 0x3096, 0x30A1 ... 0x30FA, 0x30FC, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF,
             0xAC00 ... 0xD7A3, 0x20000 ... 0x2A6DF:
            return (value, true)
        default: return nil
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1 ..< length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// Writes `value` as UTF-8 at `at`; returns how many bytes.
    private static func writeUTF8(_ value: UInt32, to at: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case ..<0x80:
            at[0] = UInt8(value)
            return 1
        case ..<0x800:
            at[0] = UInt8(0xC0 | value >> 6)
            at[1] = UInt8(0x80 | value & 0x3F)
            return 2
        default:  // plain characters are below 0x10000 when not paired, and paired ones are not written
            at[0] = UInt8(0xE0 | value >> 12)
            at[1] = UInt8(0x80 | value >> 6 & 0x3F)
            at[2] = UInt8(0x80 | value & 0x3F)
            return 3
        }
    }

    /// Each byte as a word holds it: ASCII letters lowercased, digits as they are, `separator` for
    /// the rest of ASCII and `nonASCII` for the bytes of other characters.
    private static let folding: [UInt8] = (0 ... 255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x61 ... 0x7A, 0x30 ... 0x39: return UInt8(byte)
        case 0x41 ... 0x5A: return UInt8(byte + 32)
        case 0x80...: return nonASCII
        default: return separator
        }
    }
    private static let separator: UInt8 = 0
    private static let nonASCII: UInt8 = 0xFF

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
