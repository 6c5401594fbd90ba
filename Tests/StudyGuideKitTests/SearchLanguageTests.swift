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
        forms.learn(batch) { local in batch.terms.bytes(local).withUnsafeBufferPointer { terms.existingID(of: $0, hash: TermTable.hash($0))! } }
        #expect(forms.count == 7)
        let endings = forms.endings(terms: terms)
        #expect(endings.map(\.from) == ["ungen", "en"])
        #expect(endings.allSatisfy { $0.to == "" })
    }
}
