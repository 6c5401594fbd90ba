// Covers: search in the site's language: which stemmer a language tag picks, Snowball's stems, the
// forms and endings the index ships for languages the browser does not stem, and English unchanged.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct SearchLanguageTests {
    @Test(arguments: [
        ("en", Stemming.porter), ("en-GB", .porter), ("", .porter),
        ("de", .snowball(algorithm: "de")), ("de-AT", .snowball(algorithm: "de")), ("pt_BR", .snowball(algorithm: "pt")),
        ("fr", .snowball(algorithm: "fr")), ("es", .snowball(algorithm: "es")), ("it", .snowball(algorithm: "it")),
        ("nl", .snowball(algorithm: "nl")), ("sv", .snowball(algorithm: "sv")), ("RU", .snowball(algorithm: "ru")),
        ("ja", .none), ("zh-Hans", .none), ("xx", .none),
    ])
    func aLanguageTagPicksItsStemmer(_ tag: String, _ expected: Stemming) {
        #expect(Stemming(language: tag) == expected)
    }

    @Test(arguments: [
        ("de", "datenbanken", "datenbank"), ("de", "tabellen", "tabell"), ("de", "tabelle", "tabell"),
        ("ru", "кэширование", "кэширован"), ("ru", "кэширования", "кэширован"),
        ("fr", "connexions", "connex"), ("es", "consultas", "consult"), ("sv", "tabellerna", "tabell"),
    ])
    func snowballStemsFoldedWords(_ language: String, _ word: String, _ stem: String) throws {
        let stemmer = try #require(SnowballStemmer(algorithm: language))
        var bytes = Array(word.utf8)
        stemmer.stem(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == stem)
    }

    @Test func anUnknownAlgorithmIsNoStemmer() {
        #expect(SnowballStemmer(algorithm: "klingon") == nil)
    }

    @Test func aGermanSiteShipsItsFormsAndEndingsAndNoEnglishStopwords() throws {
        let site = try TestSite(fixture: "german")
        let result = site.build().expectSuccess()
        let manifest = try String(contentsOf: result.output.appendingPathComponent("search/manifest.js"), encoding: .utf8)
        #expect(manifest.contains(#""stopwords":[]"#))
        #expect(manifest.contains(#""stemming":"snowball-de""#))
        #expect(manifest.contains(#"["en",""]"#))
        let vocabulary = try String(contentsOf: result.output.appendingPathComponent("search/vocab-t.js"), encoding: .utf8)
        #expect(vocabulary.contains(#""tabell":"#))
        #expect(vocabulary.contains(#""tabellen":"tabell""#))
        #expect(vocabulary.contains(#""transaktionen":"transaktion""#))
    }

    /// Every script's terms made a class at a time (a budget of one posting) give the files made
    /// with the default budget, which makes this small site's postings at once.
    @Test func aMultilingualIndexMadeAClassAtATimeIsTheIndexMadeAtOnce() throws {
        let site = try TestSite(fixture: "multilingual")
        let whole = site.build(output: site.directory.appendingPathComponent("whole")).expectSuccess()
        var context = BuildContext()
        context.postingsGroup = 1
        let pieces = BuildContext.$current.withValue(context) { site.build(output: site.directory.appendingPathComponent("pieces")) }.expectSuccess()
        let made = try OutputTree.files(in: whole.output.appendingPathComponent("search"))
        #expect(made.keys.contains { $0.hasPrefix("post-_") })
        #expect(try OutputTree.files(in: pieces.output.appendingPathComponent("search")) == made)
    }

    @Test func aLanguageWithoutAStemmerIsSearchedUnstemmed() throws {
        let site = try TestSite(fixture: "multilingual")
        try site.write("site.yml", "title: 多言語\ndescription: テスト\nlanguage: ja\n")
        let result = site.build().expectSuccess()
        let manifest = try String(contentsOf: result.output.appendingPathComponent("search/manifest.js"), encoding: .utf8)
        #expect(manifest.contains(#""stemming":"none""#))
        #expect(!manifest.contains("endings"))
        #expect(manifest.contains(#""stopwords":[]"#))
        // Words stay whole: Porter would have made "Straße" "strass". No forms either.
        let vocabulary = try String(contentsOf: result.output.appendingPathComponent("search/vocab-s.js"), encoding: .utf8)
        #expect(vocabulary.contains(#""strasse":"#))
        #expect(!vocabulary.contains("},{"))
    }

    @Test func anEnglishSiteKeepsItsManifestAndVocabularyAsTheyWere() throws {
        let site = try TestSite(fixture: "basic")
        let result = site.build().expectSuccess()
        let manifest = try String(contentsOf: result.output.appendingPathComponent("search/manifest.js"), encoding: .utf8)
        #expect(!manifest.contains("stemming"))
        #expect(manifest.contains(#""stopwords":["a","about""#))
        let vocabulary = try String(contentsOf: result.output.appendingPathComponent("search/vocab-i.js"), encoding: .utf8)
        #expect(vocabulary.hasSuffix("});\n"))
        #expect(!vocabulary.contains("},{"))
    }

    @Test func endingsComeLongestFirstAndLeaveOutWhatOneWordDid() {
        var terms = TermTable()
        var batch = CountedBatch(terms: TermTable())
        for (word, stem) in [("tabellen", "tabell"), ("zeilen", "zeil"), ("spalten", "spalt"), ("sperrungen", "sperr"),
                             ("meldungen", "meld"), ("große", "gross"), ("häuser", "haus")] {
            let local = Array(stem.utf8).withUnsafeBufferPointer { batch.terms.id(of: $0) }
            _ = Array(word.utf8).withUnsafeBufferPointer { batch.words.id(of: $0) }
            batch.termOfWord.append(local)
            _ = Array(stem.utf8).withUnsafeBufferPointer { terms.id(of: $0) }
        }
        var forms = SurfaceForms()
        forms.learn(batch) { local in batch.terms.bytes(local).withUnsafeBufferPointer { terms.existingID(of: $0, key: TermTable.Key($0))! } }
        #expect(forms.count == 7)
        let endings = forms.endings(terms: terms)
        #expect(endings.map(\.from) == ["ungen", "en"])
        #expect(endings.allSatisfy { $0.to == "" })
    }
}

@Suite struct SearchShardsTests {
    @Test func asciiTermsKeepTheirFileNames() {
        #expect(SearchShards.vocabularyKey(of: Array("cache".utf8)) == "c")
        #expect(SearchShards.bucketFile(Array("cach".utf8)) == "cach")
    }

    @Test func otherTermsSpreadOverSixtyFourVocabularyFiles() {
        // Consecutive Cyrillic letters land in different files.
        let keys = ["а", "б", "в", "г", "д"].map { SearchShards.vocabularyKey(of: Array(($0 + "x").utf8)) }
        #expect(keys == ["u30", "u31", "u32", "u33", "u34"])
        #expect(SearchShards.vocabularyKey(of: Array("数据".utf8)) == "u30")  // U+6570 % 64 = 0x30
        #expect(SearchShards.vocabularyKey(of: Array("𠀀".utf8)) == "u00")   // beyond the BMP too
    }

    @Test func bucketsAreCutByCharactersAndNamedInASCII() {
        let term = Array("кэширован".utf8)
        #expect(SearchShards.prefix(term, characters: 2) == Array("кэ".utf8))
        #expect(SearchShards.prefix(Array("ab".utf8), characters: 6) == Array("ab".utf8))
        #expect(SearchShards.bucketFile(Array("кэ".utf8)) == "_43a__44d_")
        #expect(SearchShards.bucketFile(Array("sqlз".utf8)) == "sql_437_")
    }

    @Test func aRussianIndexHasNoFileHoldingMostOfIt() throws {
        let words = ["кэширование", "база", "данных", "запрос", "индекс", "таблица", "сервер", "очередь", "поток",
                     "память", "ключ", "значение", "репликация", "шардирование", "транзакция", "журнал"]
        var files: [String: Int] = [:]
        for word in words { files[SearchShards.vocabularyKey(of: Array(word.utf8)), default: 0] += 1 }
        #expect(files.count >= 12)
        #expect(files.values.max()! <= 2)
    }
}
