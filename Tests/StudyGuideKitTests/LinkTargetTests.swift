// Covers: what a link names, decided once as its body renders (`LinkTarget`, `BodyLinks`), and
// kept whole by the body cache.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct LinkTargetTests {
    /// `databases/indexes.md` (page `databases/indexes.html`) is the linking file; the site has
    /// one other page, `networking/tcp.md`, whose page is `networking/tcp-handshake.html`.
    private func target(_ destination: String) -> LinkTarget {
        LinkTarget.of(destination, from: "databases/indexes.md", page: PagePath("databases/indexes.html")) { contentPath in
            contentPath == "networking/tcp.md" ? PagePath("networking/tcp-handshake.html") : nil
        }
    }

    @Test func relativeMarkdownLinksNameAFileAndItsPage() {
        #expect(target("../networking/tcp.md#three-way") == .content(
            .init(contentPath: "networking/tcp.md", fragment: "#three-way"), page: PagePath("networking/tcp-handshake.html")))
        #expect(target("./../networking/./tcp.md") == .content(.init(contentPath: "networking/tcp.md", fragment: ""),
                                                               page: PagePath("networking/tcp-handshake.html")))
    }

    @Test func aMarkdownLinkToAFileWithoutAPageIsUnresolved() {
        #expect(target("btree.md") == .content(.init(contentPath: "databases/btree.md", fragment: ""), page: nil))
    }

    @Test func htmlLinksNameAGeneratedPageFromThePagesFolder() {
        #expect(target("../tags/sql.html#top") == .generated(PagePath("tags/sql.html")))
        #expect(target("../search.html?q=index") == .generated(PagePath("search.html")))
    }

    @Test func otherRelativePathsNameFilesOfTheContentFolder() {
        #expect(target("diagrams/b-tree.svg") == .file("databases/diagrams/b-tree.svg"))
        #expect(target("../schemas/./orders.sql") == .file("schemas/orders.sql"))
    }

    @Test func anchorsNetworkSchemesAndAbsolutePaths() {
        #expect(target("") == .missing)
        #expect(target("#composite-keys") == .anchor("composite-keys"))
        #expect(target("https://example.org/a.md") == .network)
        #expect(target("//cdn.example.org/x.png") == .network)
        #expect(target("mailto:team@example.org") == .otherScheme)
        #expect(target("tel:+15550100") == .otherScheme)
        #expect(target("news:comp.lang") == .otherScheme)
        #expect(target("/databases/indexes.md") == .rootAbsolute)
    }

    /// A `.html` link to a question's page names the page its `slug:` gives it, not its file's name.
    @Test func htmlLinksToARenamedQuestionFindItsPageOnly() throws {
        let site = try TestSite.minimal([
            "content/basics/first.md": TestSite.question(title: "First question?", extra: "slug: renamed-first\n"),
            "content/basics/second.md": TestSite.question(
                title: "Second question?", body: "## Answer\n\nSee [the first](renamed-first.html), not [its file](first.html).\n"),
        ])
        var options = BuildOptions(source: site.directory.path, themes: Repository.themes)
        options.displayPrefix = ""
        let errors = SiteChecker.check(options).filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["content/basics/second.md:10:42: error: link to 'first.html' names no generated page [broken-link]"])
    }

    /// A body's links read back from the cache with the targets they were rendered with.
    @Test func theBodyCacheKeepsEveryKindOfTarget() throws {
        let site = try TestSite.minimal(["content/basics/second.md": TestSite.question(title: "Second question?")])
        var report = BuildReport()
        var options = BuildOptions(source: site.directory.path, output: site.directory.appendingPathComponent("out").path,
                                   themes: Repository.themes)
        options.displayPrefix = ""
        let loaded = try #require(SiteBuilder.load(options, report: &report))
        let links = ContentLinks(site: loaded).links(from: "basics/first.md", page: PagePath("basics/first.html"))
        let destinations = ["", "#answer", "second.md#answer", "gone.md", "../tags/x.html", "img/a.png",
                            "https://example.org", "mailto:a@example.org", "/basics/second.md"]
        let at = SourceLocation(path: "first.md", line: 7, column: 1)
        let body = RenderedBody(html: "<p>x</p>", headings: [], plainText: "x", links: destinations.map {
            RenderedBody.Link(destination: $0, isImage: false, location: at, target: links.target(of: $0))
        }, paragraphs: [])
        #expect(body.links[2].target == .content(.init(contentPath: "basics/second.md", fragment: "#answer"),
                                                 page: PagePath("basics/second.html")))
        let folder = site.directory.appendingPathComponent(".cache")
        let key = BodyCache.Key(high: 3, low: 4)
        do {
            let cache = try #require(BodyCache(folder: folder.path))
            cache.store(body, for: key, links: links)
            cache.save()
        }
        let cache = try #require(BodyCache(folder: folder.path))
        let kept = try #require(cache.body(for: key, path: "first.md", links: links))
        #expect(kept.links.map(\.target) == body.links.map(\.target))
        #expect(kept.links.map(\.destination) == destinations)
    }
}
