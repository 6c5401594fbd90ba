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

    /// Calls `body` with each word `normalizedWords(text)` would return, in order, without making a
    /// String per word (the index builder's path). A run of ASCII letters and digits is folded in a
    /// scratch buffer; a run holding other characters goes through `normalizedWords`. Cutting the
    /// text at ASCII punctuation and spaces first changes nothing: they separate words before and
    /// after folding alike, and NFKD never reorders marks across them.
    static func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxTokenLength) { scratch in
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte < 0x80 && !isWordByte(byte) { index += 1; continue }
                var end = index
                var ascii = true
                while end < text.count {
                    let next = text[end]
                    if next < 0x80 { if !isWordByte(next) { break } } else { ascii = false }
                    end += 1
                }
                if ascii {
                    let length = end - index
                    if length <= maxTokenLength {
                        for offset in 0 ..< length {
                            let letter = text[index + offset]
                            scratch[offset] = letter >= UInt8(ascii: "A") && letter <= UInt8(ascii: "Z") ? letter + 32 : letter
                        }
                        body(UnsafeBufferPointer(rebasing: scratch[0 ..< length]))
                    }
                } else {
                    for var word in normalizedWords(String(decoding: UnsafeBufferPointer(rebasing: text[index ..< end]), as: UTF8.self)) {
                        word.withUTF8 { body($0) }
                    }
                }
                index = end
            }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return false
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
