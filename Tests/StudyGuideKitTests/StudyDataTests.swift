// Covers: the data the study features read (deck and card backs) and the Anki decks with stable ids.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct StudyDataTests {
    @Test func ankiDecksHaveStableIdsAndOneNotePerQuestion() throws {
        let site = try TestSite(fixture: "basic")
        let result = site.build().expectSuccess()
        let deck = try #require(result.file("anki/databases.tsv"))
        let lines = deck.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(Array(lines.prefix(7)) == [
            "#separator:tab", "#html:true", "#notetype:Basic", "#deck:Fixture Guide::Databases",
            "#columns:Id\tFront\tBack\tTags", "#guid column:1", "#tags column:4",
        ])
        let notes = lines.dropFirst(7).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(notes.map { $0.count } == [4, 4])
        #expect(notes.map { String($0[0]) } == ["studyguide-indexes", "studyguide-isolation-levels"])
        #expect(notes[0][1].contains("What is an index &amp; why use one?"))
        #expect(notes[0][2].hasPrefix("<p><b>A sorted structure that finds rows without scanning the table.</b></p>"))
        // Code as cmark-gfm writes it: Anki has no style for the page's highlighting.
        #expect(notes[0][2].contains("<pre tabindex=\"0\"><code class=\"language-sql\">CREATE INDEX orders_customer ON orders (customer_id);"))
        #expect(!notes[0][2].contains("<span"))
        #expect(notes[0][3] == "studyguide databases beginner technical sql indexing")
        #expect(result.file("anki/all.tsv")?.contains("studyguide-conflict\t") == true)
    }

    @Test func aRewordedTitleKeepsTheSameNoteId() throws {
        let site = try TestSite(fixture: "basic")
        let before = site.build().expectSuccess().file("anki/all.tsv") ?? ""
        let path = "content/databases/indexes.md"
        let text = try String(contentsOf: site.directory.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "What is an index & why use one?", with: "Why do indexes help?"))
        let after = site.build().expectSuccess().file("anki/all.tsv") ?? ""
        func ids(_ deck: String) -> [Substring] { deck.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.prefix { $0 != "\t" } } }
        #expect(ids(before) == ids(after))
        #expect(before != after)
    }

    @Test func deckAndCardBacksAreScripts() throws {
        let site = try TestSite(fixture: "basic")
        let result = site.build().expectSuccess()
        result.expectFile("study/deck.js", "StudyGuideStudy.registerDeck({\"version\":1,\"storageKey\":\"studyguide:https-example-org-guide\"",
                          "{\"slug\":\"indexes\",\"title\":\"What is an index \\u0026 why use one?\",\"url\":\"databases/indexes.html\"")
        result.expectFile("study/cards-0.js", "StudyGuideStudy.registerCards(0,{\"indexes\":{\"summary\":")
        result.expectFile("practice.html", "<script src=\"study/deck.js\"></script>", "href=\"anki/all.tsv\" download")
    }
}

/// Anki fields: every tab and line break (CR LF as one) becomes a space, whatever lies around it.
@Suite struct AnkiFieldTests {
    @Test func fieldsMatchAPlainReplacement() {
        func plain(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                out.append(byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0x20 : byte)
            }
            return out
        }
        // Runs long and short around the sixteen-byte blocks the field is scanned in, and every byte value.
        let pieces: [[UInt8]] = [Array("<p>".utf8), Array("word".utf8), Array("a longer run of words ".utf8), [0x09], [0x0A],
                                 [0x0D], [0x0D, 0x0A], [0x0B], [0x0E], Array("é".utf8), [0x7F], [0xFF]]
            + (0 ... 255).map { [UInt8($0)] }
        var random = SplitMix64(seed: 0xA2C1)
        for _ in 0 ..< 3_000 {
            var bytes: [UInt8] = []
            for _ in 0 ..< Int(random.next() % 80) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            var out: [UInt8] = []
            AnkiExport.appendField(bytes, to: &out)
            #expect(out == plain(bytes), "\(bytes)")
        }
    }
}

/// The answer in a note: the highlighter's tags are taken out of code blocks, and nothing else is.
@Suite struct AnkiAnswerTests {
    @Test func highlightingIsTakenOutOfCodeBlocksOnly() {
        let html = "<p>a <code>x</code></p><pre><code class=\"language-swift\"><span class=\"k\">let</span> x &lt; 1</code></pre>"
        var out: [UInt8] = []
        Array(html.utf8).withUnsafeBufferPointer { AnkiExport.appendWithoutHighlighting($0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "<p>a <code>x</code></p><pre><code class=\"language-swift\">let x &lt; 1</code></pre>")
    }

    /// Against the same rules written with a plain search, on random HTML made of the pieces that matter.
    @Test func matchesAPlainStripper() {
        func plain(_ html: [UInt8]) -> [UInt8] {
            func find(_ needle: String, from index: Int) -> Int? {
                let needle = Array(needle.utf8)
                var start = index
                while start + needle.count <= html.count {
                    if Array(html[start ..< start + needle.count]) == needle { return start }
                    start += 1
                }
                return nil
            }
            var out: [UInt8] = []
            var index = 0
            while let open = find("<code class=\"language-", from: index), let contentStart = find(">", from: open),
                  let close = find("</code>", from: contentStart) {
                out += html[index ... contentStart]
                var position = contentStart + 1
                while position < close {
                    let tag = min(find("<", from: position) ?? close, close)
                    out += html[position ..< tag]
                    guard tag < close else { break }
                    position = (find(">", from: tag) ?? close) + 1
                }
                index = close
            }
            return out + html[index...]
        }
        let pieces = ["<code class=\"language-swift\">", "<code class=\"language-", "<code>", "</code>", "</pre>",
                      "<span class=\"keyword\">", "</span>", "<", ">", "\"", "let x = 1", "&lt;", " ", "\n", "é"]
        var random = SplitMix64(seed: 0xC0DE)
        for _ in 0 ..< 3_000 {
            let html = Array((0 ..< random.below(30)).map { _ in pieces[random.below(pieces.count)] }.joined().utf8)
            var out: [UInt8] = []
            html.withUnsafeBufferPointer { AnkiExport.appendWithoutHighlighting($0, to: &out) }
            #expect(out == plain(html), "\(String(decoding: html, as: UTF8.self))")
        }
    }
}
