/// The byte path of the tokenizer for text beyond ASCII that needs no normalising: what
/// `normalizedWords` would make of it, without Foundation. `SearchTokenizerTests` checks the two
/// agree on random text of every kind these functions accept or refuse.
extension SearchTokenizer {
    /// The words of a run of text (between ASCII separators) that needs no normalising beyond
    /// lowercasing: ASCII letters and digits, the basic Greek and Cyrillic alphabets, common
    /// symbols and punctuation (CJK punctuation too), and Han, kana and Hangul that normalise to themselves. Returns false, having called nothing, when the run holds
    /// anything else, which `normalizedWords` then takes through Foundation. A Chinese or Russian
    /// site is almost all such runs, and Foundation's NFKD and NFC cost it most of its search stage.
    static func forEachPlainWord(in run: UnsafeBufferPointer<UInt8>,
                                 _ body: (UnsafeBufferPointer<UInt8>, TermTable.Key) -> Void) -> Bool {
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
                        body(bytes, TermTable.Key(bytes))
                    }
                    wordBytes = 0
                    wordLength = 0
                }
                if (!folded.paired || atEnd) && pairs > 0 {
                    if pairs == 1 {
                        let single = UnsafeBufferPointer(rebasing: run[pairStart ..< pairStart + pairLength])
                        body(single, TermTable.Key(single))
                    }
                    pairs = 0
                }
                if atEnd { break }
                if separates {
                    // Nothing to add.
                } else if folded.paired {
                    if pairs > 0 {
                        let pair = UnsafeBufferPointer(rebasing: run[pairStart ..< index + next.1])
                        body(pair, TermTable.Key(pair))
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
    /// (0xD0, 0xD1), and three- or four-byte ones (0xEF: the fullwidth forms).
    private static func isPlainLead(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0xC3 || byte == 0xCE || byte == 0xCF || byte == 0xD0 || byte == 0xD1
            || (byte >= 0xE2 && byte <= 0xED) || byte == 0xEF || byte == 0xF0
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
        // CJK punctuation, in nearly every run of Chinese or Japanese text: the ideographic space,
        // comma and full stop, brackets and quotes, the katakana middle dot, and the fullwidth
        // forms of ASCII punctuation and their halfwidth CJK neighbours (NFKD makes them ASCII
        // punctuation or CJK punctuation: separators all).
        case 0x3000 ... 0x3003, 0x3008 ... 0x3011, 0x3014 ... 0x301F, 0x30FB, 0xFF01 ... 0xFF0F, 0xFF1A ... 0xFF20,
             0xFF3B ... 0xFF40, 0xFF5B ... 0xFF65:
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
}
