// Covers: Mustache rendering rule by rule (sections, lists and their positions, dotted and
// anchored names, transforms, partials with indentation, dynamic partials, layouts with blocks).
import Testing
@testable import StudyGuideKit

/// A view that answers from a dictionary, for templates no page view exercises. Its names must be
/// names some view has (`TemplateKey`): any other name finds nothing.
private final class MapView: TemplateView {
    let values: [String: TemplateValue]
    init(_ values: [String: TemplateValue]) { self.values = values }
    func value(_ key: TemplateKey) -> TemplateValue? { values[key.rawValue] }
}

@Suite struct TemplateRenderingTests {
    let item: @Sendable (String, String) -> TemplateValue = { title, href in
        .view(MapView(["title": .text(title), "href": .text(href)]))
    }

    func render(_ templates: [String: String], _ values: [String: TemplateValue], template: String = "page") throws -> String {
        var parsed: [String: Template] = [:]
        for (name, text) in templates { parsed[name] = try TemplateParser.parse(text) }
        let bytes = TemplateLibrary(templates: parsed).render(MapView(values), template: template)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func variablesAreEscapedUnlessTriple() throws {
        let html = try render(["page": "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{hasTOC}}|{{missing}}"],
                              ["title": .text("<a & \"b\">"), "count": .number(42), "hasTOC": .flag(true)])
        #expect(html == "&lt;a &amp; &quot;b&quot;&gt;|<a & \"b\">|<a & \"b\">|42|true|")
    }

    @Test func listsIterateWithTheirPositions() throws {
        let html = try render(
            ["page": "{{#questions}}{{#first()}}[{{/first()}}{{index()}}:{{title}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/questions}}{{^questions}}none{{/questions}}"],
            ["questions": .list([item("a", "1"), item("b", "2"), item("c", "3")])])
        #expect(html == "[0:a,1:b,2:c]")
        #expect(try render(["page": "{{#questions}}x{{/questions}}{{^questions}}none{{/questions}}"], ["questions": .list([])]) == "none")
    }

    /// A listing's cards are made as the section reaches them, each let go before the next is made.
    @Test func madeListsRenderAsListsMakingOneItemAtATime() throws {
        final class Made: @unchecked Sendable {
            var made: [Int] = []
            var alive = 0, mostAlive = 0
        }
        final class Counted: TemplateView, @unchecked Sendable {
            let number: Int, made: Made
            init(_ number: Int, _ made: Made) {
                self.number = number
                self.made = made
                made.made.append(number)
                made.alive += 1
                made.mostAlive = max(made.mostAlive, made.alive)
            }
            deinit { made.alive -= 1 }
            func value(_ key: TemplateKey) -> TemplateValue? { key == .title ? .text("q\(number)") : nil }
        }
        let made = Made()
        let list = MadeList(count: 3) { .view(Counted($0, made)) }
        let template = "{{count(questions)}}:{{#questions}}{{#first()}}[{{/first()}}{{index()}}={{title}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/questions}}{{^questions}}none{{/questions}}"
        #expect(try render(["page": template], ["questions": .madeList(list)]) == "3:[0=q0,1=q1,2=q2]")
        #expect(made.made == [0, 1, 2])
        #expect(made.mostAlive == 1)
        #expect(made.alive == 0)
        #expect(try render(["page": template], ["questions": .madeList(MadeList(count: 0) { _ in .flag(true) })]) == "0:none")
        #expect(try render(["page": "{{#last(questions)}}{{title}}{{/last(questions)}} {{#empty(questions)}}e{{/empty(questions)}}"],
                           ["questions": .madeList(list)]) == "q2 ")
    }

    @Test func namesLookOutwardUnlessAnchored() throws {
        let values: [String: TemplateValue] = [
            "title": .text("outer"), "chrome": .view(MapView(["siteTitle": .text("Guide")])),
            "category": .view(MapView(["href": .text("h")])),
        ]
        let html = try render(["page": "{{#category}}{{title}}/{{.title}}/{{href}}/{{chrome.siteTitle}}{{/category}}|{{chrome.siteTitle}}|{{chrome.missing}}"], values)
        #expect(html == "outer//h/Guide|Guide|")
    }

    @Test func dotIsTheCurrentValue() throws {
        let html = try render(["page": "{{#tags}}<{{.}}>{{/tags}}"], ["tags": .list([.text("a"), .text("b&c")])])
        #expect(html == "<a><b&amp;c>")
    }

    @Test func transformsApplyInnermostFirst() throws {
        let values: [String: TemplateValue] = [
            "tags": .list([.text("b"), .text("a")]), "areas": .list([]), "siteTitle": .text("Kafka"), "total": .number(0),
        ]
        let html = try render(
            ["page": "{{count(tags)}} {{#empty(areas)}}empty{{/empty(areas)}} {{uppercased(siteTitle)}} {{#equalzero(total)}}zero{{/equalzero(total)}} {{plusone(total)}} {{#sorted(tags)}}{{.}}{{/sorted(tags)}} {{#reversed(tags)}}{{.}}{{/reversed(tags)}}"],
            values)
        #expect(html == "2 empty KAFKA zero 1 ab ab")
    }

    @Test func flagsAndViewsOpenSections() throws {
        let values: [String: TemplateValue] = ["current": .flag(true), "nested": .flag(false), "previous": item("T", "u.html")]
        let html = try render(["page": "{{#current}}Y{{/current}}{{#nested}}N{{/nested}}{{^nested}}n{{/nested}}{{#previous}}<a href=\"{{href}}\">{{title}}</a>{{/previous}}{{^missing}}-{{/missing}}"], values)
        #expect(html == "Yn<a href=\"u.html\">T</a>-")
    }

    @Test func standaloneTagsLeaveNoBlankLines() throws {
        let html = try render(["page": "<ul>\n  {{#questions}}\n  <li>{{title}}</li>\n  {{/questions}}\n</ul>\n"],
                              ["questions": .list([item("a", ""), item("b", "")])])
        #expect(html == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func standalonePartialsIndentEveryLine() throws {
        let html = try render(["page": "<div>\n  {{> list}}\n</div>\n", "list": "<p>{{title}}</p>\n<p>two</p>\n"],
                              ["title": .text("one")])
        #expect(html == "<div>\n  <p>one</p>\n  <p>two</p>\n</div>\n")
    }

    /// A page is rendered into an array of `TemplateLibrary.pageCapacity` bytes first; one that
    /// outgrows it comes out whole, with the lines of an indented partial on both sides of the move.
    @Test func pagesLargerThanTheirFirstArrayRenderWhole() throws {
        let count = TemplateLibrary.pageCapacity / 20
        let partial = "<div>\n  {{> list}}\n</div>\n"
        let html = try render(["page": partial + "{{#questions}}<li>{{title}}</li>\n{{/questions}}" + partial,
                               "list": "<p>{{title}}</p>\n<p>two</p>\n"],
                              ["title": .text("one"), "questions": .list((0 ..< count).map { item("question \($0) <&>", "\($0)") })])
        let indented = "<div>\n  <p>one</p>\n  <p>two</p>\n</div>\n"
        let lines = (0 ..< count).map { "<li>question \($0) &lt;&amp;&gt;</li>\n" }.joined()
        #expect(html.utf8.count > TemplateLibrary.pageCapacity)
        #expect(html == indented + lines + indented)
    }

    /// A listing is rendered to its file a piece at a time: in pieces of any size, the bytes are
    /// those rendered whole, with indentation taken back on lines that stay empty, at any depth.
    @Test func pagesRenderedInPiecesAreThePagesRenderedWhole() throws {
        let templates = [
            "page": "<div>\n  {{> list}}\n</div>\r\n  {{> outer}}\nend {{missing}}\n",
            "list": "<p>{{title}}</p>\n{{missing}}\n{{#questions}}<li>{{title}}</li>\n{{/questions}}{{^questions}}none{{/questions}}<p>two</p>\n",
            "outer": "<section>\n  {{> list}}\n  {{missing}}\n</section>\n",
        ]
        var parsed: [String: Template] = [:]
        for (name, text) in templates { parsed[name] = try TemplateParser.parse(text) }
        let library = TemplateLibrary(templates: parsed)
        for questions in [[], (0 ..< 40).map { item("question \($0) <&>", "\($0)") }] {
            let view = MapView(["title": .text("one"), "questions": .list(questions)])
            let whole = library.render(view, template: "page")
            for pieceSize in [1, 2, 3, 5, 64, 4096] {
                var pieces: [[UInt8]] = []
                let size = library.render(view, template: "page", pieceSize: pieceSize) { pieces.append(Array($0)) }
                #expect(pieces.joined().elementsEqual(whole), "pieces of \(pieceSize) bytes")
                #expect(size == whole.count)
                if pieceSize < 64 { #expect(pieces.count > 1) }
            }
        }
    }

    @Test func dynamicPartialsAreNamedByAValue() throws {
        let html = try render(["page": "[{{>*kind}}]", "a": "A{{title}}", "b": "B"], ["kind": .text("a"), "title": .text("!")])
        #expect(html == "[A!]")
    }

    @Test func layoutsTakeBlocksAndKeepTheirDefaults() throws {
        let templates = [
            "base": "<html>\n  {{$head}}<title>default</title>{{/head}}\n  <main>\n    {{$main}}\n    nothing\n    {{/main}}\n  </main>\n</html>\n",
            "page": "{{<base}}\n{{$main}}\n<h1>{{title}}</h1>\n<p>body</p>\n{{/main}}\n{{/base}}\n",
        ]
        let html = try render(templates, ["title": .text("Hello")])
        #expect(html == "<html>\n  <title>default</title>\n  <main>\n    <h1>Hello</h1>\n    <p>body</p>\n  </main>\n</html>\n")
    }

    @Test func blocksOverrideThroughTwoLayouts() throws {
        let templates = [
            "outer": "[{{$a}}outer-a{{/a}}|{{$b}}outer-b{{/b}}]",
            "middle": "{{<outer}}{{$a}}middle-a{{/a}}{{/outer}}",
            "page": "{{<middle}}{{$a}}page-a{{/a}}{{$b}}page-b{{/b}}{{/middle}}",
        ]
        #expect(try render(templates, [:]) == "[page-a|page-b]")
    }
}
