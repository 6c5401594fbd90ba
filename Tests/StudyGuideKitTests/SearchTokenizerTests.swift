// Covers: the search tokenizer and Porter stemmer, against the vectors the browser script also runs.
internal import Foundation
import Testing
@testable import StudyGuideKit

/// One row of Tests/search-vectors/tokenizer.tsv.
struct TokenizerVector: Sendable, CustomTestStringConvertible {
    let line: Int
    let input: String
    let expected: [String]

    var testDescription: String { "line \(line): \"\(input)\"" }

    /// Read at test time rather than copied in, so check_tokenizer.js and this suite share one file.
    static let all: [TokenizerVector] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/search-vectors/tokenizer.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        // Split on "\n" only: "\r\n" is a single Character in Swift and would hide the row breaks.
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst().compactMap { index, line in
            guard !line.isEmpty else { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            return TokenizerVector(
                line: index + 1,
                input: columns.first.map(String.init) ?? "",
                expected: columns.count > 1 ? columns[1].split(separator: " ").map(String.init) : ["<missing column>"]
            )
        }
    }()
}

@Suite struct SearchTokenizerTests {
    @Test func vectorsAreLoaded() {
        #expect(TokenizerVector.all.count >= 120)
    }

    @Test(arguments: TokenizerVector.all)
    func matchesSharedVector(_ vector: TokenizerVector) {
        #expect(SearchTokenizer.tokens(vector.input) == vector.expected)
    }

    @Test(arguments: [
        ("index", "index"), ("indexes", "index"), ("indexing", "index"), ("indexed", "index"),
        ("caching", "cach"), ("cached", "cach"), ("cache", "cach"), ("caches", "cach"),
        ("queries", "queri"), ("query", "queri"), ("databases", "databas"), ("database", "databas"),
        ("connection", "connect"), ("connections", "connect"), ("connected", "connect"), ("connecting", "connect"),
        ("generalization", "gener"), ("relational", "relat"), ("hopeful", "hope"), ("running", "run"),
        ("agreed", "agre"), ("sky", "sky"),
    ])
    func stemsRequiredWords(_ word: String, _ stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
        #expect(SearchTokenizer.tokens(word) == [stem])
    }

    @Test func leavesDigitsAndShortWordsUnstemmed() {
        #expect(PorterStemmer.stem("http2") == "http2")
        #expect(PorterStemmer.stem("is") == "is")
        #expect(SearchTokenizer.tokens("x86_64 HTTP/2") == ["x86", "64", "http", "2"])
    }

    @Test func normalizedWordsFoldButDoNotStem() {
        #expect(SearchTokenizer.normalizedWords("Café Indexing, read-through!") == ["cafe", "indexing", "read", "through"])
        #expect(SearchTokenizer.normalizedWords("") == [])
        #expect(SearchTokenizer.normalizedWords(String(repeating: "a", count: 41)) == [])
    }

    /// The index builder's word-by-word path gives the same words, each with its table hash.
    @Test(arguments: TokenizerVector.all.map(\.input) + [
        "Café Indexing, read-through!", String(repeating: "a", count: 40), String(repeating: "b", count: 41) + " ok",
        "ﬁle Ünïcode straße x86_64", "",
    ])
    func wordsWithHashesMatchNormalizedWords(_ text: String) {
        Self.expectWordsWithHashesMatchNormalizedWords(text)
    }

    /// Random text in the scripts the word-by-word path reads itself (Han, kana, Hangul, Cyrillic,
    /// ASCII) mixed with characters that send a run to Foundation: both give the same words.
    @Test func plainRunsMatchNormalizedWordsOnRandomText() {
        let alphabet = Array("数据库索引的是々がガかカーキャッシュ한국어검색ĀéŸÑКэшЙйЁёабвгдxyzXYZ019 ,.-_ﬁ①ｶﾞ丽𠀀𪘀\u{301}\u{3099}µΣσςΩωάΐ—–→×÷≈−─·…\u{A0}\u{200D}\u{2017}ⁿªº²½，。、：；！？「」『』【】《》（）〜・　＿［］｢｣､･｡＂")
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 500 {
            let length = Int.random(in: 0 ... 30, using: &generator)
            Self.expectWordsWithHashesMatchNormalizedWords(String((0 ..< length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
    }

    /// Chinese and Japanese text is punctuated with CJK and fullwidth marks in nearly every run:
    /// the byte path reads them as separators, as Foundation's path does.
    @Test func cjkPunctuationKeepsARunOnTheBytePath() {
        for text in ["数据库，索引。缓存：「事务」（日志）！分片？复制、一致性・读写　完成", "キャッシュ【検索】『索引』〜《一致》＿［分片］｢読｣､書｡"] {
            var words: [String] = []
            let plain = Array(text.utf8).withUnsafeBufferPointer { run in
                SearchTokenizer.forEachPlainWord(in: run) { bytes, _ in words.append(String(decoding: bytes, as: UTF8.self)) }
            }
            #expect(plain)
            #expect(words == SearchTokenizer.normalizedWords(text))
            #expect(words.contains("缓存") || words.contains("検索"))
        }
    }

    /// ASCII text read eight bytes at a time: words ending inside their first chunk and past it,
    /// at every offset, of 39 to 41 letters, and text ending mid-chunk give the same words.
    @Test func asciiChunksMatchNormalizedWordsOnRandomText() {
        let alphabet = Array("abcxyzABCXYZ0189 .,-_@[`{/:\n\t~")
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 2000 {
            var text = ""
            for _ in 0 ..< Int.random(in: 0 ... 6, using: &generator) {
                let length = [Int.random(in: 0 ... 17, using: &generator), Int.random(in: 38 ... 42, using: &generator)].randomElement(using: &generator)!
                text += String((0 ..< length).map { _ in alphabet.randomElement(using: &generator)! })
                text += String(repeating: " ", count: Int.random(in: 0 ... 9, using: &generator))
            }
            Self.expectWordsWithHashesMatchNormalizedWords(text)
        }
    }

    /// Each lane of a chunk is classified as the byte would be alone, whatever its neighbours.
    @Test func wordChunksClassifyEveryByteInEveryLane() {
        var generator = SystemRandomNumberGenerator()
        for byte in UInt8.min ... UInt8.max {
            let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let separates = byte < 0x80 && !isWordByte
            let folded = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            for lane in 0 ..< 8 {
                var lanes = (0 ..< 8).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
                lanes[lane] = byte
                let chunk = WordChunk(bytes: lanes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) })
                #expect((chunk.separators >> (8 * lane + 7)) & 1 == (separates ? 1 : 0))
                if isWordByte { #expect(UInt8(truncatingIfNeeded: chunk.folded >> (8 * lane)) == folded) }
            }
        }
    }

    /// A key reads a word eight bytes at a time and its tail zero-padded, at every tail length,
    /// without reading past the word (the bytes after it here are not zeros).
    @Test func keyChunksReadEveryTailAsZeroPadded() {
        let bytes = (0 ..< 32).map { UInt8(0xA1 &+ $0) }
        bytes.withUnsafeBufferPointer { all in
            for count in 0 ... 24 {
                let word = UnsafeBufferPointer(rebasing: all[0 ..< count])
                for offset in stride(from: 0, to: count, by: 8) {
                    var expected: UInt64 = 0
                    for index in 0 ..< min(8, count - offset) { expected |= UInt64(all[offset + index]) << (8 * index) }
                    #expect(TermTable.Key.chunk(word, at: offset) == expected)
                }
            }
        }
    }

    /// Words sharing their first eight bytes, or a prefix, are told apart by the table.
    @Test func termTableTellsApartWordsSharingTheirHead() {
        var table = TermTable(capacity: 4)
        let words = ["abcdefgh", "abcdefghi", "abcdefghj", "abc", "ab", "abcdefghijklmnopq", "abcdefghijklmnopr", "a"]
        let ids = words.map { table.id(of: Array($0.utf8)) }
        #expect(ids == Array(0 ..< Int32(words.count)))
        #expect(words.map { table.id(of: Array($0.utf8)) } == ids)
        #expect(ids.map { String(decoding: table.bytes($0), as: UTF8.self) } == words)
    }

    /// Words of 9 to 40 bytes differing from another in a single byte, at any place past the
    /// first eight (where the table compares eight bytes at a time), are told apart.
    @Test func termTableTellsApartLongWordsDifferingInOneByte() {
        var generator = SystemRandomNumberGenerator()
        for length in 9 ... 40 {
            var table = TermTable(capacity: 4)
            let word = (0 ..< length).map { _ in UInt8.random(in: 0x61 ... 0x7A, using: &generator) }
            #expect(table.id(of: word) == 0)
            for place in 8 ..< length {
                var other = word
                other[place] = other[place] == 0x61 ? 0x62 : other[place] - 1
                #expect(table.id(of: other) == Int32(place - 7))
                #expect(table.id(of: word) == 0)
            }
            #expect(table.count == length - 7)
        }
    }

    /// A table grown many times (hashing each word again from its bytes) still finds every word,
    /// by its own id, and nothing it was not given.
    @Test func termTableFindsEveryWordAfterGrowing() {
        var generator = SystemRandomNumberGenerator()
        var table = TermTable(capacity: 1)
        var words: [[UInt8]] = []
        var ids: [[UInt8]: Int32] = [:]
        while words.count < 5000 {
            let word = (0 ..< Int.random(in: 1 ... 20, using: &generator)).map { _ in UInt8.random(in: 0x61 ... 0x66, using: &generator) }
            if ids[word] == nil {
                ids[word] = Int32(words.count)
                words.append(word)
            }
            #expect(table.id(of: word) == ids[word])
        }
        for (id, word) in words.enumerated() {
            #expect(word.withUnsafeBufferPointer { table.existingID(of: $0, key: TermTable.Key($0)) } == Int32(id))
        }
        #expect(!Array("zz".utf8).withUnsafeBufferPointer { table.contains($0) })
    }

    /// Terms sorted by their first eight bytes first are in the order of all their bytes: short
    /// and long terms sharing a start, bytes past 0x7F, and zero bytes, which pad the eight.
    @Test func termTableSortsIdsByTheirBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0, 0x61, 0x62, 0x7A, 0x80, 0xE6, 0xFF]
        for _ in 0 ..< 50 {
            var table = TermTable(capacity: 4)
            for _ in 0 ..< 60 {
                let word = (0 ..< Int.random(in: 1 ... 18, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                _ = table.id(of: word)
            }
            let sorted = table.sortedIDs().map { Array(table.bytes($0)) }
            #expect(sorted == (0 ..< Int32(table.count)).map { Array(table.bytes($0)) }.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    private static func expectWordsWithHashesMatchNormalizedWords(_ text: String) {
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            SearchTokenizer.forEachWord(in: bytes) { word, key in
                words.append(String(decoding: word, as: UTF8.self))
                #expect(key == TermTable.Key(word))
            }
        }
        #expect(words == SearchTokenizer.normalizedWords(text))
    }
}
