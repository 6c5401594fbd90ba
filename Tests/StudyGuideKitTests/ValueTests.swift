// Covers: slug rules, URL relativisation, HTML/JS escaping, dates and suggestions.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct SlugTests {
    @Test(arguments: ["sql-injection", "cap", "http2", "a-b-c"])
    func validSlugs(_ slug: String) { #expect(Slug.isValid(slug)) }

    @Test(arguments: ["", "..", "a/b", "/abs", "Upper", "with space", "double--hyphen", "-lead", "trail-", "é", ".hidden", "a_b"])
    func invalidSlugs(_ slug: String) { #expect(!Slug.isValid(slug)) }

    @Test func slugsAreMadeFromTitles() {
        #expect(Slug.make(from: "What is the CAP theorem?") == "what-is-the-cap-theorem")
        #expect(Slug.make(from: "Café & Crème brûlée") == "cafe-creme-brulee")
        #expect(Slug.make(from: "../../etc/passwd") == "etc-passwd")
    }
}

@Suite struct PagePathTests {
    @Test func linksAreRelativeAndNameFiles() {
        let question = PagePath.question("indexes", in: "databases")
        #expect(question.link(to: .tag("sql")) == "../tags/sql.html")
        #expect(question.link(to: .category("databases")) == "index.html")
        #expect(question.link(to: .question("joins", in: "databases")) == "joins.html")
        #expect(question.link(to: .home) == "../index.html")
        #expect(PagePath.home.link(to: question) == "databases/indexes.html")
        #expect(PagePath.search.link(to: .asset("style.css")) == "assets/style.css")
        #expect(PagePath.tagsIndex.link(to: .guidesIndex) == "../guides/index.html")
        #expect(question.rootPrefix == "../")
    }

    /// Links between paths of random folders, against the same rules on segment arrays.
    @Test func linksClimbOutOfEveryUnsharedFolder() {
        let names = ["a", "ab", "b", "databases", "data", "é", "tags", "index.html", "x.html", "ab.html"]
        var random = SplitMix64(seed: 0x1_1E_4C)
        func path() -> [String] { (0 ... Int(random.next() % 4)).map { _ in names[Int(random.next() % UInt64(names.count))] } }
        for _ in 0 ..< 2_000 {
            let from = path(), to = path()
            let shared = zip(from.dropLast(), to.dropLast()).prefix { $0 == $1 }.count
            let expected = String(repeating: "../", count: from.count - 1 - shared) + to[shared...].joined(separator: "/")
            #expect(PagePath(from.joined(separator: "/")).link(to: PagePath(to.joined(separator: "/"))) == expected, "\(from) → \(to)")
        }
    }

    /// Page paths never hold doubled or trailing slashes, which Foundation would fold first.
    @Test(arguments: ["databases/indexes.html", "index.html", "tags/a/b.html", "/srv/site/public/x.html", "/x.html",
                      "já/ünï/cödé.html", "e\u{301}/x.html"])
    func foldersAreFoundAsFoundationFindsThem(path: String) {
        #expect(path.parentPath == (path as NSString).deletingLastPathComponent)
        let folder = String(PagePath(path).folder)
        #expect(folder == (path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""))
    }
}

@Suite struct ByteAppendingTests {
    @Test(arguments: [0, 7, 9, 10, 11, 99, 100, 101, 65_535, 1_000_000, 123_456_789, Int.max, -1, -10, -987, Int.min])
    func decimalsAreSpelledAsStringSpellsThem(_ number: Int) {
        var bytes: [UInt8] = Array("x".utf8)
        bytes.appendDecimal(number)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(number))
    }
}

@Suite struct EscapingTests {
    @Test func markupEscapesTheFiveCharacters() {
        #expect(Escaping.markup("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func javaScriptStringsCannotCloseTheScript() {
        let literal = Escaping.javaScriptString("</script><!-- \u{2028}\u{2029} \"q\" \\ \n\u{1}")
        #expect(literal == "\"\\u003c/script\\u003e\\u003c!-- \\u2028\\u2029 \\\"q\\\" \\\\ \\n\\u0001\"")
        #expect(!literal.contains("</"))
    }

    /// The escaper against a plain one written character by character, on random text made of
    /// the characters that matter (and U+2028's first byte in other characters, like "→"), long
    /// enough to span several of the sixteen-byte blocks the escaper scans at a time.
    @Test func javaScriptStringsMatchAPlainEscaper() {
        func plain(_ text: String, inScript: Bool = true) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<" where inScript: out += "\\u003c"
                case ">" where inScript: out += "\\u003e"
                case "&" where inScript: out += "\\u0026"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    out += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xF, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let pieces = ["a", "word ", "<p>", "</code>", "&amp;", "\"", "\\", "\n", "\r\n", "\t", "\u{1}", "\u{7F}", "\u{2028}",
                      "\u{2029}", "→", "€", "é", "\u{2027}", "\u{202A}", "🙂", ""]
        var random = SplitMix64(seed: 2028)
        for _ in 0 ..< 2_000 {
            let text = (0 ..< Int(random.next() % 64)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(Escaping.javaScriptString(text) == plain(text), "\(Array(text.unicodeScalars))")
            var file: [UInt8] = []
            Escaping.appendJavaScriptFileString(text, to: &file)
            #expect(String(decoding: file, as: UTF8.self) == plain(text, inScript: false), "\(Array(text.unicodeScalars))")
        }
    }

    /// The markup escaper (for a buffer, and written in place as templates do) against a plain
    /// one, on random text of every ASCII character and a few longer ones, runs of plain text
    /// long and short around the sixteen-byte blocks the escaper scans at a time.
    @Test func markupMatchesAPlainEscaper() {
        func plain(_ text: String) -> String {
            var out = ""
            for character in text.unicodeScalars {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(character)
                }
            }
            return out
        }
        let pieces = (0 ..< 128).map { String(UnicodeScalar(UInt8($0))) }
            + ["é", "€", "→", "\u{2028}", "🙂", "plain text ", "a longer run of text with nothing to escape "]
        var random = SplitMix64(seed: 0x3C26)
        for _ in 0 ..< 3_000 {
            let text = (0 ..< random.below(48)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(Escaping.markup(text) == plain(text), "\(Array(text.unicodeScalars))")
            var bytes: [UInt8] = []
            Escaping.appendMarkup(text, to: &bytes)
            #expect(bytes == Array(plain(text).utf8))
        }
    }

    /// What a script file of its own may keep: its strings read back as the text they were made of.
    @Test func javaScriptFileStringsKeepMarkupAndReadBackTheSame() throws {
        let text = "<pre><code>a && b</code></pre> \"q\" \\ \n\u{2028}"
        var file: [UInt8] = []
        Escaping.appendJavaScriptFileString(text, to: &file)
        #expect(String(decoding: file, as: UTF8.self).hasPrefix("\"<pre><code>a && b</code></pre>"))
        let decoded = try JSONSerialization.jsonObject(with: Data(file), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test func jsonKeepsKeyOrder() {
        let value = JSONValue.object([("b", .number(1)), ("a", .array([.string("x"), .bool(true)]))])
        #expect(value.serialized == "{\"b\":1,\"a\":[\"x\",true]}")
    }
}

@Suite struct SmallValueTests {
    @Test func datesAreValidatedAndFormatted() {
        #expect(ContentDate("2024-02-29")?.longForm == "29 February 2024")
        #expect(ContentDate("2023-02-29") == nil)
        #expect(ContentDate("2023-13-01") == nil)
        #expect(ContentDate("23-01-01") == nil)
        #expect(ContentDate("2026-11-24")?.timestamp == "2026-11-24T00:00:00Z")
        // Written back as read, with its zeros: every valid date of a few years, and early ones.
        for text in ["0001-01-01", "0999-12-31", "1970-01-09", "2000-02-29", "9999-12-31"] {
            #expect(ContentDate(text)?.description == text)
        }
        for year in 2023 ... 2025 {
            for month in 1 ... 12 {
                for day in 1 ... 31 {
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                    if let date = ContentDate(text) { #expect(date.description == text) }
                }
            }
        }
    }

    @Test func suggestionsComeFromEditDistance() {
        #expect(Suggestion.closest(to: "dificulty", in: ["difficulty", "kind"]) == "difficulty")
        #expect(Suggestion.closest(to: "zzz", in: ["difficulty", "kind"]) == nil)
    }
}
