// Covers: the translated theme — tables by the site's language, a site's i18n/ overrides and their
// errors, plural forms, right-to-left languages, the scripts' words, and English left as it was.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct ThemeTranslationTests {
    @Test func aGermanSiteShowsTheThemeInGerman() throws {
        let site = try TestSite(fixture: "translated")
        site.build(themes: nil).expectSuccess()
            .expectFile("index.html", "<html lang=\"de\">", "<title>Lernleitfaden</title>", "3 Fragen in 2 Kategorien.",
                        ">Zum Inhalt springen</a>", "placeholder=\"Fragen durchsuchen\"", "<h2 id=\"categories-heading\">Kategorien</h2>",
                        "1 Einstieg", "<script src=\"assets/strings.js\"></script>")
            .expectFile("datenbanken/index.html", "<h2 id=\"questions-heading\">2 Fragen</h2>", ">Startseite</a>")
            .expectFile("verhalten/index.html", "<h2 id=\"questions-heading\">1 Frage</h2>")
            .expectFile("datenbanken/indizes.html", "<h2 id=\"short-answer-heading\">Kurze Antwort</h2>",
                        "<span class=\"visually-hidden\">Schwierigkeit: </span>Einstieg",
                        "Aktualisiert am <time datetime=\"2026-03-05\">5. März 2026</time>",
                        "<script src=\"../assets/strings.js\"></script>")
            .expectFile("tags/indizes.html", "<title>Schlagwort: indizes · Lernleitfaden</title>",
                        "<p class=\"lead\">2 Fragen tragen dieses Schlagwort.</p>")
            .expectFile("tags/transaktionen.html", "<p class=\"lead\">Eine Frage trägt dieses Schlagwort.</p>")
            .expectFile("search.html", "<option value=\"\">Jede Schwierigkeit</option>", "<option value=\"advanced\">Experte</option>")
            .expectFile("assets/strings.js", "window.StudyGuideStrings = {\"lang\":\"de\"", "\"search_no_match\":\"Keine passenden Fragen\"")
    }

    @Test func theSitesOwnWordsWinOverTheThemes() throws {
        let site = try TestSite(fixture: "translated")
        site.build(themes: nil).expectSuccess()
            .expectFile("index.html", ">Trainieren</a>")
            .expectFile("practice.html", "<h1>Trainieren</h1>", "<title>Trainieren · Lernleitfaden</title>")
            .expectFile("assets/strings.js", "\"practice_show_answer\":\"Lösung zeigen\"")
    }

    @Test func aRegionFallsBackToItsLanguageAndAnUnknownLanguageToEnglish() throws {
        let austrian = try TestSite.minimal(["site.yml": "title: Test\nlanguage: de-AT\n", "i18n/de-AT.yml": "home: \"Hauptseite\"\n"])
        austrian.build(themes: nil).expectSuccess()
            .expectFile("basics/index.html", "<html lang=\"de-AT\">", ">Hauptseite</a>", "<h2 id=\"questions-heading\">1 Frage</h2>")
        let swahili = try TestSite.minimal(["site.yml": "title: Test\nlanguage: sw\n"])
        swahili.build(themes: nil).expectSuccess()
            .expectFile("basics/index.html", "<html lang=\"sw\">", ">Home</a>")
            .expectNoFile("assets/strings.js")
    }

    @Test func rightToLeftLanguagesGetDirRTL() throws {
        for language in ["ar", "ar-EG", "he", "fa", "ur"] {
            let site = try TestSite.minimal(["site.yml": "title: Test\nlanguage: \(language)\n"])
            site.build(themes: nil).expectSuccess().expectFile("index.html", "<html lang=\"\(language)\" dir=\"rtl\">")
        }
        let french = try TestSite.minimal(["site.yml": "title: Test\nlanguage: fr\n"])
        french.build(themes: nil).expectSuccess().expectFile("index.html", "<html lang=\"fr\">", "Aller au contenu")
    }

    /// Every mistyped key of every site file is reported where it is written, and the site built
    /// before stays as it was.
    @Test func anUnknownKeyIsAnErrorAtItsLine() throws {
        let site = try TestSite.minimal(["site.yml": "title: Test\nlanguage: de\n"])
        site.build(themes: nil).expectSuccess().expectFile("practice.html", "<h1>Üben</h1>")
        try site.write("i18n/de.yml", "# Our words\npractice: Trainieren\npractise_start: Los\n")
        try site.write("i18n/fr.yml", "search: Chercher\ncategory_questions:\n  one: \"{count} question\"\n  several: \"{count} questions\"\nbanana: jaune\n")
        site.build(themes: nil).expectFile("practice.html", "<h1>Üben</h1>").expectErrors([
            "i18n/de.yml:3:1: error: unknown translation key 'practise_start' (did you mean 'practice_start'?) [i18n]",
            "i18n/fr.yml:4:3: error: unknown plural form 'several' in 'category_questions'; forms are zero, one, two, few, many, other [i18n]",
            "i18n/fr.yml:5:1: error: unknown translation key 'banana' [i18n]",
        ])
    }

    @Test func aSitesOwnTemplateMayUseKeysItsTableAdds() throws {
        let site = try TestSite.minimal([
            "layouts/404.mustache": "{{i18n.lost(count(categories))}}",
            "i18n/en.yml": "lost:\n  one: \"{count} place to start\"\n  other: \"{count} places to start\"\n",
        ])
        site.build(themes: nil).expectSuccess().expectFile("404.html", "1 place to start")
            .expectFile("assets/strings.js", "\"lost\":{\"one\":\"{count} place to start\"")
        try site.write("layouts/404.mustache", "{{i18n.nowhere}}")
        try site.remove("i18n/en.yml")
        site.build(themes: nil).expectErrors([
            "layouts/404.mustache:1:1: error: template uses translation 'nowhere', but no i18n table defines it [theme]",
        ])
    }

    /// English sites are as before: no table for the scripts, no `dir`, no script tag.
    @Test func anEnglishSiteIsUnchanged() throws {
        let site = try TestSite(fixture: "basic")
        site.build(themes: nil).expectSuccess()
            .expectNoFile("assets/strings.js")
            .expectFile("index.html", "<html lang=\"en\">", "3 questions in 2 categories.")
        #expect(!(site.build(themes: nil).file("index.html") ?? "").contains("strings.js"))
    }
}

@Suite struct PluralRuleTests {
    @Test func countsTakeTheFormsCLDRGivesThem() {
        #expect([0, 1, 2].map(PluralRule(language: "en").category) == [.other, .one, .other])
        #expect([0, 1, 2].map(PluralRule(language: "fr-CA").category) == [.one, .one, .other])
        #expect([1, 3, 5, 21, 112].map(PluralRule(language: "ru").category) == [.one, .few, .many, .one, .many])
        #expect([0, 1, 2, 3, 11, 100].map(PluralRule(language: "ar").category) == [.zero, .one, .two, .few, .many, .other])
        #expect([1, 5].map(PluralRule(language: "ja").category) == [.other, .other])
    }

    @Test func aMissingFormFallsBackToOther() {
        let questions = Translation.plural([.one: "{count} question", .other: "{count} questions"])
        #expect(questions.text(count: 1, rule: PluralRule(language: "en")) == "1 question")
        #expect(questions.text(count: 2, rule: PluralRule(language: "ru")) == "2 questions")
        #expect(Translation.text("{count} items").text(count: 4, rule: .oneForOne) == "4 items")
    }
}

@Suite struct TranslationFileTests {
    @Test func textsAndPluralFormsAreRead() {
        let (file, problems) = TranslationFile.parse("home: Start\ncount:\n  one: \"{count} Frage\"\n  other: \"{count} Fragen\"\n", path: "de.yml")
        #expect(problems == [])
        #expect(file.entries.map(\.key.value) == ["home", "count"])
        #expect(file.entries[1].translation == .plural([.one: "{count} Frage", .other: "{count} Fragen"]))
    }

    @Test func aPluralWithoutOtherOrAListIsAnError() {
        let (_, problems) = TranslationFile.parse("count:\n  one: eins\nlist: [a, b]\n", path: "de.yml")
        #expect(problems.map(\.description) == [
            "de.yml:2:3: error: translation 'count' needs an 'other' form [i18n]",
            "de.yml:3:7: error: translation 'list' must be a text or plural forms (one: …, other: …), not a list [i18n]",
        ])
    }
}

/// Each table the theme ships has every English key, and names no value the English text does not.
@Suite struct ShippedTablesTests {
    @Test func everyShippedTableIsCompleteAndUsesTheEnglishPlaceholders() throws {
        func table(_ path: String) throws -> [String: Translation] {
            let text = try #require(BuiltinTheme.files.first { $0.path == path }?.text)
            let (file, problems) = TranslationFile.parse(text, path: path)
            #expect(problems == [], "\(path)")
            return Dictionary(file.entries.map { ($0.key.value, $0.translation) }, uniquingKeysWith: { first, _ in first })
        }
        func placeholders(_ translation: Translation) -> Set<String> {
            let texts: [String] = switch translation {
            case .text(let text): [text]
            case .plural(let forms): Array(forms.values)
            }
            return Set(texts.flatMap { $0.matches(of: #/\{([a-z]+)\}/#).map { String($0.1) } })
        }
        let english = try table("i18n/en.yml")
        let shipped = BuiltinTheme.files.map(\.path).filter { $0.hasPrefix("i18n/") && $0 != "i18n/en.yml" }
        #expect(shipped == ["i18n/de.yml", "i18n/es.yml", "i18n/fr.yml"])
        for path in shipped {
            let translated = try table(path)
            #expect(Set(translated.keys) == Set(english.keys), "\(path) has other keys than en.yml")
            for (key, translation) in translated {
                #expect(placeholders(translation).isSubset(of: placeholders(english[key] ?? .text(""))), "\(path): \(key)")
            }
        }
    }
}

/// The scripts carry their English words; the build's table must say the same, or an English
/// site whose scripts use their own words and a site with a table would read differently.
@Suite struct ScriptWordsTests {
    @Test func theScriptsEnglishIsTheThemesEnglish() throws {
        let english = try #require(BuiltinTheme.files.first { $0.path == "i18n/en.yml" }?.text)
        let (table, problems) = TranslationFile.parse(english, path: "en.yml")
        #expect(problems == [])
        let entries = Dictionary(table.entries.map { ($0.key.value, $0.translation) }, uniquingKeysWith: { first, _ in first })
        let text = #/^\s+([a-z_]+): "((?:[^"\\]|\\.)*)",?$/#
        let plural = #/^\s+([a-z_]+): \{ (.*) \},?$/#
        let form = #/(\w+): "((?:[^"\\]|\\.)*)"/#
        var checked = 0
        for (path, source) in BuiltinTheme.files where path.hasSuffix(".js") && (source.contains("words({") || source.contains("var ENGLISH") || source.contains("var COMMON")) {
            for line in source.split(separator: "\n") {
                if let match = try text.wholeMatch(in: line) {
                    #expect(entries[String(match.1)] == .text(Self.unescaped(match.2)), "\(path): \(match.1)")
                    checked += 1
                } else if let match = try plural.wholeMatch(in: line) {
                    var forms: [PluralCategory: String] = [:]
                    for found in match.2.matches(of: form) { forms[PluralCategory(rawValue: String(found.1))!] = Self.unescaped(found.2) }
                    #expect(entries[String(match.1)] == .plural(forms), "\(path): \(match.1)")
                    checked += 1
                }
            }
        }
        #expect(checked > 150)
    }

    private static func unescaped(_ literal: Substring) -> String {
        String(literal).replacing("\\\"", with: "\"").replacing("\\\\", with: "\\")
    }
}
