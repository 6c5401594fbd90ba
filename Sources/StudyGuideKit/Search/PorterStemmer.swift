/// The original Porter (1980) stemmer, so "indexes", "indexing" and "indexed" all meet at "index".
///
/// It mirrors `stem` in `themes/default/static/assets/search-tokenizer.js` rule for rule: the browser
/// stems queries and this stems the index, and a word is only found when both agree. Both are
/// checked against `Tests/search-vectors/tokenizer.tsv`.
///
/// It works on ASCII bytes because the tokenizer only hands it `a-z` words and because the index
/// builder stems every word of every page, where `String` indexing would dominate the build time.
enum PorterStemmer {
    static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        stem(&w)
        return String(decoding: w, as: UTF8.self)
    }

    /// Stems the word in place (the index builder's path: no String per word).
    static func stem(_ w: inout [UInt8]) {
        // Short words and anything with digits or non-letters (http2, x86) stay as typed.
        guard w.count > 2, w.allSatisfy({ $0 >= a && $0 <= z }) else { return }
        step1a(&w)
        step1b(&w)
        step1c(&w)
        replaceLongest(&w, step2Rules)
        replaceLongest(&w, step3Rules)
        step4(&w)
        step5(&w)
    }

    private static let a = UInt8(ascii: "a"), z = UInt8(ascii: "z")

    private static func bytes(_ s: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    // Lists are ordered longest suffix first: the paper obeys only the longest matching suffix,
    // even when its condition then fails, so a shorter suffix must never get a second chance.
    private static let step2Rules: [(suffix: [UInt8], replacement: [UInt8])] = [
        ("ational", "ate"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("ization", "ize"),
        ("tional", "tion"), ("biliti", "ble"),
        ("entli", "ent"), ("ousli", "ous"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("iviti", "ive"),
        ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"), ("alli", "al"), ("ator", "ate"),
        ("eli", "e"),
    ].map { (bytes($0.0), bytes($0.1)) }

    private static let step3Rules: [(suffix: [UInt8], replacement: [UInt8])] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"),
        ("ical", "ic"), ("ness", ""),
        ("ful", ""),
    ].map { (bytes($0.0), bytes($0.1)) }

    private static let step4Suffixes: [[UInt8]] = [
        "ement",
        "ance", "ence", "able", "ible", "ment",
        "ant", "ent", "ion", "ism", "ate", "iti", "ous", "ive", "ize",
        "al", "er", "ic", "ou",
    ].map(bytes)

    private static let ion = bytes("ion")

    // MARK: Letter classes. Each helper looks only at the first `length` letters: the stem
    // left once a suffix has been set aside.

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            return false
        case UInt8(ascii: "y"):
            // The paper's y is a vowel after a consonant (happy) and a consonant elsewhere (toy, yes).
            return i == 0 ? true : !isConsonant(w, i - 1)
        default:
            return true
        }
    }

    /// m in [C](VC)^m[V]: the number of vowel-consonant runs, the paper's proxy for "enough stem left".
    private static func measure(_ w: [UInt8], _ length: Int) -> Int {
        var m = 0, i = 0
        while i < length && isConsonant(w, i) { i += 1 }
        while i < length {
            while i < length && !isConsonant(w, i) { i += 1 }
            if i >= length { break }
            while i < length && isConsonant(w, i) { i += 1 }
            m += 1
        }
        return m
    }

    private static func hasVowel(_ w: [UInt8], _ length: Int) -> Bool {
        (0..<length).contains { !isConsonant(w, $0) }
    }

    private static func endsWithDoubleConsonant(_ w: [UInt8], _ length: Int) -> Bool {
        length >= 2 && w[length - 1] == w[length - 2] && isConsonant(w, length - 1)
    }

    /// *o: consonant-vowel-consonant, last not w, x or y — short syllables like "hop" that keep their e.
    private static func endsCVC(_ w: [UInt8], _ length: Int) -> Bool {
        guard length >= 3, isConsonant(w, length - 3), !isConsonant(w, length - 2), isConsonant(w, length - 1)
        else { return false }
        let last = w[length - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    private static func endsWith(_ w: [UInt8], _ suffix: [UInt8]) -> Bool {
        w.count >= suffix.count && w[(w.count - suffix.count)...].elementsEqual(suffix)
    }

    /// Compares in place: the steps test literal suffixes on every word of every page, so
    /// this must not build an array per test.
    private static func endsWith(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard w.count >= count else { return false }
        let start = suffix.utf8Start, offset = w.count - count
        for index in 0..<count where w[offset + index] != start[index] { return false }
        return true
    }

    // MARK: Steps

    private static func step1a(_ w: inout [UInt8]) {
        if endsWith(w, "sses") || endsWith(w, "ies") {
            w.removeLast(2)
        } else if endsWith(w, "ss") {
            return
        } else if endsWith(w, "s") {
            w.removeLast()
        }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if endsWith(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        let cut = endsWith(w, "ed") ? 2 : endsWith(w, "ing") ? 3 : 0
        guard cut > 0, hasVowel(w, w.count - cut) else { return }
        w.removeLast(cut)
        // Undo what stripping broke: conflat(ed) -> conflate, hopp(ing) -> hop, fil(ing) -> file.
        if endsWith(w, "at") || endsWith(w, "bl") || endsWith(w, "iz") {
            w.append(UInt8(ascii: "e"))
        } else if endsWithDoubleConsonant(w, w.count) {
            let last = w[w.count - 1]
            if last != UInt8(ascii: "l") && last != UInt8(ascii: "s") && last != UInt8(ascii: "z") { w.removeLast() }
        } else if measure(w, w.count) == 1 && endsCVC(w, w.count) {
            w.append(UInt8(ascii: "e"))
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if endsWith(w, "y") && hasVowel(w, w.count - 1) { w[w.count - 1] = UInt8(ascii: "i") }
    }

    /// Steps 2 and 3: swap the longest listed suffix when the stem before it has m > 0.
    private static func replaceLongest(_ w: inout [UInt8], _ rules: [(suffix: [UInt8], replacement: [UInt8])]) {
        guard let rule = rules.first(where: { endsWith(w, $0.suffix) }) else { return }
        let length = w.count - rule.suffix.count
        guard measure(w, length) > 0 else { return }
        w.removeLast(rule.suffix.count)
        w.append(contentsOf: rule.replacement)
    }

    private static func step4(_ w: inout [UInt8]) {
        guard let suffix = step4Suffixes.first(where: { endsWith(w, $0) }) else { return }
        let length = w.count - suffix.count
        if suffix == ion {
            // Only -sion and -tion are suffixes; "lion" or "onion" end in -ion by accident.
            guard length > 0, w[length - 1] == UInt8(ascii: "s") || w[length - 1] == UInt8(ascii: "t") else { return }
        }
        if measure(w, length) > 1 { w.removeLast(suffix.count) }
    }

    private static func step5(_ w: inout [UInt8]) {
        if endsWith(w, "e") {
            let length = w.count - 1
            let m = measure(w, length)
            if m > 1 || (m == 1 && !endsCVC(w, length)) { w.removeLast() }
        }
        if endsWith(w, "ll") && measure(w, w.count) > 1 { w.removeLast() }
    }
}
