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
    static func normalizedWords(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        // NFKD splits "é" into "e" + accent and "ﬁ" into "fi", so dropping marks leaves plain letters
        // and "Café" finds "cafe". Marks go before lowercasing, matching the script's order.
        let decomposed = text.decomposedStringWithCompatibilityMapping.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: return true
            }
        }
        let folded = String(String.UnicodeScalarView(decomposed)).lowercased()

        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finishWord() {
            if !current.isEmpty && current.count <= maxTokenLength { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            // Anything outside a-z0-9 — including letters that survive folding, like "ß" or "ø" —
            // separates words, because that is all the script's /[^a-z0-9]+/ split keeps.
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.append(scalar)
            } else {
                finishWord()
            }
        }
        finishWord()
        return words
    }

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
                        for var word in normalizedWords(String(decoding: UnsafeBufferPointer(rebasing: text[start ..< index]), as: UTF8.self)) {
                            word.withUTF8 { body($0, TermTable.hash($0)) }
                        }
                    } else if length <= maxTokenLength {
                        body(UnsafeBufferPointer(rebasing: scratch[0 ..< length]), hash)
                    }
                }
            }
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
