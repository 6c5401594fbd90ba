/// How the index is cut into files that the browser loads on demand, for terms of any script.
///
/// `search-engine.js` makes the same choices (`vocabKey`, `bucketOf`, `bucketFile`): a query finds a
/// term only when both sides name the same file for it. A term of ASCII letters keeps the names it
/// always had (`vocab-c.js`, `post-cach.js`).
enum SearchShards {
    /// The vocabulary file of a term: its first letter when that is ASCII, else one of 64 files
    /// picked by its first character. A Russian or Chinese site then spreads over many small
    /// files (consecutive letters land in different ones) instead of one per lead byte.
    static func vocabularyKey(of term: some Collection<UInt8>) -> String {
        guard let first = term.first else { return "" }
        if first < 0x80 { return String(decoding: [first], as: UTF8.self) }
        let bucket = firstScalar(of: term) % 64
        return "u" + String(repeating: "0", count: bucket < 16 ? 1 : 0) + String(bucket, radix: 16)
    }

    /// The bytes of the first `count` characters of `term`: postings buckets are cut by characters,
    /// as the script's `Array.from` counts them, never inside one.
    static func prefix(_ term: some Collection<UInt8>, characters count: Int) -> [UInt8] {
        var result: [UInt8] = []
        var seen = 0
        for byte in term {
            if !isContinuation(byte) {
                if seen == count { break }
                seen += 1
            }
            result.append(byte)
        }
        return result
    }

    /// The file name part of a postings bucket: ASCII letters and digits as they are, any other
    /// character as `_<hex>_`, so every name is plain ASCII and safe on any host and file system.
    static func bucketFile(_ prefix: [UInt8]) -> String {
        if prefix.allSatisfy({ $0 < 0x80 }) { return String(decoding: prefix, as: UTF8.self) }
        var name = ""
        for scalar in String(decoding: prefix, as: UTF8.self).unicodeScalars {
            if scalar.isASCII { name.unicodeScalars.append(scalar) } else { name += "_" + String(scalar.value, radix: 16) + "_" }
        }
        return name
    }

    /// Whether `term` starts with a Han, kana or Hangul character (indexed as pairs).
    static func isPaired(_ term: some Collection<UInt8>) -> Bool {
        guard let first = term.first, first >= 0x80, let scalar = Unicode.Scalar(firstScalar(of: term)) else { return false }
        return SearchTokenizer.isPaired(scalar)
    }

    /// How many characters `bytes` (whole UTF-8 characters) hold.
    static func characterCount(_ bytes: some Collection<UInt8>) -> Int {
        bytes.reduce(0) { $0 + (isContinuation($1) ? 0 : 1) }
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    private static func firstScalar(of term: some Collection<UInt8>) -> UInt32 {
        String(decoding: Array(term.prefix(4)), as: UTF8.self).unicodeScalars.first?.value ?? 0
    }
}
