// Covers: rendered answers kept between builds (`build --cache`): reused when nothing they were
// made from changed, rendered again when their text or their links' targets changed, and a
// damaged, foreign or unusable cache never changes a byte of the output.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct BodyCacheTests {
    /// Builds `site` into a fresh folder, with the cache in `cache` when given.
    func build(_ site: TestSite, cache: URL?, into name: String) throws -> (BuildReport, [String: Data]) {
        let (report, files) = try site.build(cache: cache, into: name)
        #expect(report.succeeded, "\(report.diagnostics)")
        return (report, files)
    }

    /// Builds `site` into `name` (the cache in `cache` when given), whatever its problems, and
    /// says them as a contributor reads them.
    static func problems(of site: TestSite, cache: URL?, into name: String) -> (BuildReport, [String]) {
        var options = BuildOptions(source: site.directory.path, output: site.directory.appendingPathComponent(name).path,
                                   themes: Repository.themes)
        options.displayPrefix = ""
        options.cacheFolder = cache?.path
        let report = SiteBuilder.build(options)
        return (report, report.diagnostics.map(\.description))
    }

    @Test func aSecondBuildReusesEveryAnswerAndWritesTheSameBytes() throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache")
        let (_, plain) = try build(site, cache: nil, into: "plain")
        let (first, cold) = try build(site, cache: cache, into: "cold")
        #expect(first.cachedBodies == 0 && first.renderedBodies > 5)
        let (second, warm) = try build(site, cache: cache, into: "warm")
        #expect(second.cachedBodies == first.renderedBodies && second.renderedBodies == 0)
        #expect(cold == plain)
        #expect(warm == plain)
    }

    @Test func anEditedAnswerIsRenderedAgainAndTheRestReused() throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache")
        let (first, _) = try build(site, cache: cache, into: "one")
        let path = "content/databases/indexes.md"
        let text = try String(contentsOf: site.directory.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text + "\nA new closing paragraph.\n")
        let (second, warm) = try build(site, cache: cache, into: "two")
        #expect(second.renderedBodies == 1 && second.cachedBodies == first.renderedBodies - 1)
        let (_, plain) = try build(site, cache: nil, into: "plain")
        #expect(warm == plain)
    }

    /// A body taken from the cache keeps what each of its links names, so a build from the cache
    /// finds the same broken links, with the same words, as one that renders everything.
    @Test func aBuildFromTheCacheFindsTheSameBrokenLinks() throws {
        let site = try TestSite.minimal([
            "content/basics/second.md": TestSite.question(title: "Second question?",
                                                          body: "## Answer\n\nSee [the first](first.md#nowhere), [a page](gone.md) and [this](#answer).\n"),
        ])
        func problems(cache: URL?, into name: String) -> (BuildReport, [String]) { Self.problems(of: site, cache: cache, into: name) }
        let cache = site.directory.appendingPathComponent(".cache")
        let (_, plain) = problems(cache: nil, into: "plain")
        #expect(plain.count == 2, "\(plain)")
        #expect(plain.contains { $0.contains("names no heading") } && plain.contains { $0.contains("names no page") })
        _ = problems(cache: cache, into: "cold")
        let (warm, fromCache) = problems(cache: cache, into: "warm")
        #expect(warm.cachedBodies > 0)
        #expect(fromCache == plain)
    }

    /// An unchanged answer whose links checked out is not checked again (`LinkVerdicts`), until
    /// what one of its links names goes: a page, a listing, a file of `content/`. Then a build from
    /// the cache finds the broken link, with the same words, as one without it.
    @Test(arguments: ["page", "tag page", "file"])
    func anUncheckedAnswerStillFindsATargetThatWent(_ target: String) throws {
        let site = try TestSite.minimal([
            "content/basics/first.md": TestSite.question(title: "First question?", extra: "tags: [sql]\n"),
            "content/basics/second.md": TestSite.question(title: "Second question?",
                                                          body: "See [the first](first.md), [its tag](../tags/sql.html) and [a picture](picture.png).\n"),
            "content/basics/picture.png": "not really a picture",
        ])
        func problems(cache: URL?, into name: String) -> (BuildReport, [String]) { Self.problems(of: site, cache: cache, into: name) }
        let cache = site.directory.appendingPathComponent(".cache")
        let (cold, none) = problems(cache: cache, into: "cold")
        #expect(cold.succeeded && none.isEmpty, "\(none)")
        let (warm, stillNone) = problems(cache: cache, into: "warm")
        #expect(warm.succeeded && stillNone.isEmpty && warm.cachedBodies > 0)
        switch target {
        case "page": try site.remove("content/basics/first.md")
        case "tag page": try site.write("content/basics/first.md", TestSite.question(title: "First question?"))
        default: try site.remove("content/basics/picture.png")
        }
        let (_, plain) = problems(cache: nil, into: "plain")
        #expect(!plain.isEmpty && plain.allSatisfy { $0.contains("second.md") }, "\(plain)")
        let (after, fromCache) = problems(cache: cache, into: "after")
        #expect(after.cachedBodies > 0)
        #expect(fromCache == plain)
    }

    /// A category's Anki deck made again after an edit copies the notes of its other questions from
    /// the previous output's deck (`KeptNotes`) rather than making them: a mark put in the old
    /// deck where the ledger cannot see it (same size and times) is still there after, and the
    /// edited question's note is new. Without the mark, the bytes are a cold build's.
    @Test func aDeckMadeAgainCopiesItsUnchangedNotes() throws {
        let site = try TestSite.minimal([
            "content/basics/second.md": TestSite.question(title: "Second question?"),
        ])
        let cache = site.directory.appendingPathComponent(".cache")
        let output = site.directory.appendingPathComponent("out")
        func build() throws -> BuildReport {
            let (report, problems) = Self.problems(of: site, cache: cache, into: "out")
            #expect(report.succeeded, "\(problems)")
            return report
        }
        _ = try build()
        let deck = output.appendingPathComponent("anki/basics.tsv")
        var before = stat()
        #expect(stat(deck.path, &before) == 0)
        var bytes = try Data(contentsOf: deck)
        let summary = try #require(bytes.range(of: Data("<p><b>A short answer.".utf8)))
        bytes[summary.lowerBound + 6] = UInt8(ascii: "Z")  // the first note's summary, "Z short answer."
        try bytes.write(to: deck)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, deck.path, &times, 0) == 0)

        try site.write("content/basics/second.md", TestSite.question(title: "Second question, edited?"))
        _ = try build()
        let after = String(decoding: try Data(contentsOf: deck), as: UTF8.self)
        #expect(after.contains("Z short answer.") && after.contains("Second question, edited?"))
        #expect(String(decoding: try Data(contentsOf: output.appendingPathComponent("anki/all.tsv")), as: UTF8.self).contains("Z short answer."))
    }

    /// A body's links are rewritten to the pages they name; when a target page moves, the
    /// unchanged body that links to it must not come from the cache.
    @Test func aBodyWhoseLinkTargetMovedIsRenderedAgain() throws {
        let site = try TestSite.minimal([
            "content/basics/second.md": TestSite.question(title: "Second question?", body: "See [the first](first.md).\n"),
        ])
        let cache = site.directory.appendingPathComponent(".cache")
        _ = try build(site, cache: cache, into: "one")
        try site.write("content/basics/first.md", TestSite.question(title: "First question?", extra: "slug: moved\n"))
        let (second, warm) = try build(site, cache: cache, into: "two")
        #expect(second.renderedBodies == 2)  // the edited file, and the one linking to it
        let (_, plain) = try build(site, cache: nil, into: "plain")
        #expect(warm == plain)
        #expect(String(decoding: warm["basics/second.html"] ?? Data(), as: UTF8.self).contains("href=\"moved.html\""))
    }

    @Test(arguments: ["flip", "truncate", "garbage index", "empty index", "foreign pack"])
    func aDamagedCacheIsIgnored(_ damage: String) throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache")
        let (first, _) = try build(site, cache: cache, into: "one")
        let pack = cache.appendingPathComponent("bodies.pack"), index = cache.appendingPathComponent("bodies.index")
        var bytes = try Data(contentsOf: pack)
        switch damage {
        case "flip": for offset in stride(from: 3, to: bytes.count, by: 7) { bytes[offset] ^= 0x5A }
        case "truncate": bytes = bytes.prefix(bytes.count / 2)
        case "garbage index": try Data("studyguide-bodies-2\nnot an index at all".utf8).write(to: index)
        case "empty index": try Data().write(to: index)
        default: bytes = Data(repeating: 0x41, count: bytes.count)
        }
        try bytes.write(to: pack)
        let (second, damaged) = try build(site, cache: cache, into: "two")
        #expect(second.cachedBodies == 0 && second.renderedBodies == first.renderedBodies && second.cachedParses == 0)
        let (_, plain) = try build(site, cache: nil, into: "plain")
        #expect(damaged == plain)
        // And the cache works again afterwards.
        let (third, _) = try build(site, cache: cache, into: "three")
        #expect(third.cachedBodies == first.renderedBodies)
    }

    @Test func aCacheFolderThatCannotBeMadeIsNoCache() throws {
        let site = try TestSite(fixture: "basic")
        try site.write("blocker", "a file where the cache folder would go")
        let (report, output) = try build(site, cache: site.directory.appendingPathComponent("blocker/cache"), into: "out")
        #expect(report.cachedBodies == 0 && report.renderedBodies == 0)
        let (_, plain) = try build(site, cache: nil, into: "plain")
        #expect(output == plain)
    }

    /// The minimal site's first answer, rendered and stored alone under `key` in a new cache
    /// folder (`hashingShape`: with the site's pages hashed, as a build with a cache has them).
    func storedFirstAnswer(under key: BodyCache.Key, hashingShape: Bool) throws -> (TestSite, RenderedBody, BodyLinks, URL) {
        let site = try TestSite.minimal()
        var report = BuildReport()
        var options = BuildOptions(source: site.directory.path, output: site.directory.appendingPathComponent("out").path,
                                   themes: Repository.themes)
        options.displayPrefix = ""
        let loaded = try #require(SiteBuilder.load(options, report: &report))
        let document = try #require(loaded.documents.first { $0.contentPath == "basics/first.md" })
        var body = document.body
        body.bytes = try #require(body.load(contentPath: document.contentPath))
        let links = ContentLinks(site: loaded, hashingShape: hashingShape).links(from: document.contentPath, page: document.page)
        let rendered = RenderedBody.render(body, path: "first.md", rawHTML: false, links: links, paragraphs: false, codeBlocks: nil)
        let folder = site.directory.appendingPathComponent(".cache")
        let cache = try #require(BodyCache(folder: folder.path))
        cache.store(rendered, for: key, links: links)
        cache.save()
        return (site, rendered, links, folder)  // the site's folder goes with its last reference
    }

    /// A kept answer's text is read back only when asked for; one that no longer reads back whole
    /// is rendered again (and kept again), never used damaged.
    @Test func aKeptTextThatDoesNotReadBackIsRenderedAgain() throws {
        let key = BodyCache.Key(high: 1, low: 2)
        let (site, rendered, links, folder) = try storedFirstAnswer(under: key, hashingShape: false)
        defer { withExtendedLifetime(site) {} }
        // The text is stored first: damage it and leave the headings and links whole.
        let pack = folder.appendingPathComponent("bodies.pack")
        var bytes = try Data(contentsOf: pack)
        bytes[4] ^= 0x20
        try bytes.write(to: pack)

        let renders = Counter()
        do {
            let cache = try #require(BodyCache(folder: folder.path))
            let render: @Sendable () -> RenderedBody = {
                renders.add()
                return RenderedBody(html: "<p>rendered again</p>", headings: [], plainText: "rendered again", links: [], paragraphs: [])
            }
            let kept = try #require(cache.body(for: key, path: "first.md", links: links, lazily: render))
            #expect(kept.excerpt == rendered.excerpt && kept.headings.map(\.id) == rendered.headings.map(\.id))
            #expect(renders.value == 0, "nothing read the text yet")
            #expect(kept.html == "<p>rendered again</p>" && kept.plainText == "rendered again")
            #expect(renders.value == 1)
            _ = kept.html
            #expect(renders.value == 1, "read once")
            cache.save()
        }
        let cache = try #require(BodyCache(folder: folder.path))
        #expect(cache.body(for: key, path: "first.md", links: links)?.html == "<p>rendered again</p>", "the text rendered again was kept")
    }

    /// A kept body stored with the same pages (`ContentLinks.shape`) is taken without reading
    /// anything back: a kept page never asks for its headings and links. Asked for, headings and
    /// links that no longer read back are made again, never used damaged.
    @Test func aKeptBodyWithTheSamePagesIsReadOnlyWhenAskedFor() throws {
        let key = BodyCache.Key(high: 3, low: 4)
        let (site, rendered, links, folder) = try storedFirstAnswer(under: key, hashingShape: true)
        defer { withExtendedLifetime(site) {} }
        #expect(!rendered.headings.isEmpty)
        // The headings and links are stored last: damage them and leave the text whole.
        let pack = folder.appendingPathComponent("bodies.pack")
        var bytes = try Data(contentsOf: pack)
        bytes[bytes.count - 1] ^= 0x20
        try bytes.write(to: pack)

        let renders = Counter()
        let cache = try #require(BodyCache(folder: folder.path))
        let render: @Sendable () -> RenderedBody = {
            renders.add()
            return RenderedBody(html: "<p>rendered again</p>", headings: [], plainText: "rendered again", links: [], paragraphs: [])
        }
        let kept = try #require(cache.body(for: key, path: "first.md", links: links, lazily: render), "taken without reading it")
        #expect(renders.value == 0)
        #expect(kept.headings.isEmpty, "made again")
        #expect(renders.value == 1)
        // The body made again replaced the damaged one, text and all: read once, and kept.
        #expect(kept.html == "<p>rendered again</p>")
        #expect(renders.value == 1)
        #expect(cache.misses == 1 && cache.hits == 0, "counted as rendered, not taken")
        #expect(cache.body(for: key, path: "first.md", links: links)?.html == "<p>rendered again</p>")
    }

    @Test func keysDependOnEveryInputAndNotOnTheProcess() {
        let bytes: ArraySlice<UInt8> = Array("## Answer\n\nText.\n".utf8)[...]
        let key = BodyCache.key(bytes: bytes, contentPath: "a/b.md", page: "a/b.html", firstLine: 8, rawHTML: false, highlighted: true)
        #expect(key == BodyCache.key(bytes: bytes, contentPath: "a/b.md", page: "a/b.html", firstLine: 8, rawHTML: false, highlighted: true))
        let others = [
            BodyCache.key(bytes: Array("## Answer\n\nText!\n".utf8)[...], contentPath: "a/b.md", page: "a/b.html", firstLine: 8, rawHTML: false, highlighted: true),
            BodyCache.key(bytes: bytes, contentPath: "a/c.md", page: "a/b.html", firstLine: 8, rawHTML: false, highlighted: true),
            BodyCache.key(bytes: bytes, contentPath: "a/b.md", page: "a/c.html", firstLine: 8, rawHTML: false, highlighted: true),
            BodyCache.key(bytes: bytes, contentPath: "a/b.md", page: "a/b.html", firstLine: 9, rawHTML: false, highlighted: true),
            BodyCache.key(bytes: bytes, contentPath: "a/b.md", page: "a/b.html", firstLine: 8, rawHTML: true, highlighted: true),
            BodyCache.key(bytes: bytes, contentPath: "a/b.md", page: "a/b.html", firstLine: 8, rawHTML: false, highlighted: false),
        ]
        #expect(Set(others + [key]).count == 7)
        // Fixed constants, not Swift's per-process seed: these values hold in every run and on
        // every machine (a cache written by one build is read by the next).
        #expect(StableHash.checksum(Array("studyguide".utf8)[...]) == 3_651_844_053_931_217_097)
        #expect(StableHash.checksum([][...]) == 10_393_108_600_207_271_421)
        #expect(StableHash.checksum(Array("ab".utf8)[...]) != StableHash.checksum(Array("ba".utf8)[...]))
        // A byte changed in any lane of a long input, or in its tail, changes the checksum.
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 70)
        let changed = [0, 8, 16, 24, 33, 40, 64, 69].map { position in
            var bytes = long
            bytes[position] = UInt8(ascii: "b")
            return StableHash.checksum(bytes[...])
        }
        #expect(Set(changed + [StableHash.checksum(long[...])]).count == 9)
    }
}

/// Counts calls from any thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
