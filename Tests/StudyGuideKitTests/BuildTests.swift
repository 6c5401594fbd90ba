// Covers: whole builds of fixture sites: golden output, failed builds, removed pages, drafts, overrides, determinism.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct GoldenSiteTests {
    /// The `basic` fixture's generated files must equal `Tests/Fixtures/basic.expected` byte for
    /// byte. Theme assets are copied verbatim, so they are left out of the golden copy.
    /// Record a new expectation on purpose with `STUDYGUIDE_RECORD=1 swift test` (that run fails).
    @Test func basicFixtureMatchesItsGoldenOutput() throws {
        let site = try TestSite(fixture: "basic")
        let result = site.build().expectSuccess()
        let expected = Repository.fixture("basic.expected")
        if ProcessInfo.processInfo.environment["STUDYGUIDE_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.copyItem(at: result.output, to: expected)
            try FileManager.default.removeItem(at: expected.appendingPathComponent("assets"))
            Issue.record("recorded \(expected.path); run the tests again without STUDYGUIDE_RECORD")
            return
        }
        let actualFiles = try OutputTree.files(in: result.output).filter { !$0.key.hasPrefix("assets/") }
        let expectedFiles = try OutputTree.files(in: expected)
        #expect(actualFiles.keys.sorted() == expectedFiles.keys.sorted())
        for (path, bytes) in actualFiles.sorted(by: { $0.key < $1.key }) where expectedFiles[path] != bytes {
            Issue.record("\(path) differs from the golden copy; if the change is intended, record it again")
        }
    }

    @Test func basicFixtureHasWhatMatters() throws {
        let site = try TestSite(fixture: "basic")
        site.build().expectSuccess()
            .expectFile("databases/indexes.html",
                        "<title>What is an index &amp; why use one? · Fixture Guide</title>",
                        "<a href=\"isolation-levels.html#anomalies\">isolation</a>",
                        "<a href=\"../guides/interview-process.html\">process</a>",
                        "<nav class=\"toc\"", "<h2 id=\"trade-offs\">",
                        "<link rel=\"canonical\" href=\"https://example.org/guide/databases/indexes.html\">",
                        "rel=\"next\" href=\"isolation-levels.html\"")
            .expectFile("databases/isolation-levels.html", "<!-- raw HTML omitted -->", "rel=\"prev\" href=\"indexes.html\"")
            .expectFile("index.html", "<strong>2</strong> questions", "1 beginner", "1 advanced", "guides/interview-process.html")
            .expectFile("behavioral/conflict.html", "Areas to cover", "Red flags", "Follow-up questions")
            .expectFile("tags/sql.html", "../databases/indexes.html", "../databases/isolation-levels.html")
            .expectFile("sitemap.xml", "<loc>https://example.org/guide/databases/indexes.html</loc><lastmod>2026-01-15</lastmod>")
            .expectFile("robots.txt", "Sitemap: https://example.org/guide/sitemap.xml")
            .expectFile("feed.xml", "<updated>2026-02-01T00:00:00Z</updated>", "<title>Which isolation levels does SQL define?</title>")
            .expectFile("404.html", "<a href=\"search.html\">searching the questions</a>")
            .expectFile("search/manifest.js", "StudyGuideSearch.registerManifest({\"version\":4,\"documents\":3")
            .expectFile("search/docs-0.js", "\"databases/indexes.html\"")
            .expectFile("search/vocab-i.js", "\"index\":1")
            .expectFile("search/post-i.js", "\"index\":[")
            .expectNoFile("databases/draft-question.html")
    }

    @Test func theBuildWritesExactlyThePagesLinksAreCheckedAgainst() throws {
        let site = try TestSite(fixture: "basic")
        site.build().expectSuccess()
        var options = BuildOptions(source: site.directory.path)
        options.displayPrefix = ""
        var report = BuildReport()
        let model = try #require(SiteBuilder.load(options, report: &report))
        let written = try OutputTree.files(in: site.output).keys.filter { $0.hasSuffix(".html") }
        #expect(Set(written) == Set(model.pagePaths.map(\.path)))
        #expect(model.pagePaths.contains(.practice) && model.pagePaths.contains(.interview))
    }

    @Test func draftsAreBuiltOnlyWhenAsked() throws {
        let site = try TestSite(fixture: "basic")
        site.build(drafts: true).expectSuccess().expectFile("databases/draft-question.html", "Draft body.")
    }
}

@Suite struct FailedBuildTests {
    @Test func anInvalidDifficultyFailsWithItsLocationAndKeepsThePreviousOutput() throws {
        let site = try TestSite.minimal()
        site.build().expectSuccess()
        let before = try OutputTree.files(in: site.output)

        try site.write("content/basics/first.md", TestSite.question(title: "First?").replacingOccurrences(of: "beginner", with: "expert"))
        try site.write("content/basics/second.md", TestSite.question(title: "Second?", extra: "tags: [Bad Tag]\n"))
        site.build().expectErrors([
            "content/basics/first.md:3:13: error: 'expert' is not a valid difficulty; use one of: beginner, intermediate, advanced [schema]",
            "content/basics/second.md:6:8: error: tag 'Bad Tag' must be lowercase letters, digits and single hyphens, like 'sql-injection' (try 'bad-tag') [tag]",
        ])
        #expect(try OutputTree.files(in: site.output) == before)
    }

    @Test func buildAndCheckReportABrokenLinkIdentically() throws {
        let site = try TestSite.minimal([
            "content/basics/second.md": TestSite.question(title: "Second?", body: "See [the first](first.md), [practice](../practice.html) and [nothing](gone.md).\n"),
        ])
        let expected = ["content/basics/second.md:8:61: error: link to 'gone.md' names no page [broken-link]"]
        site.build().expectErrors(expected)
        var options = BuildOptions(source: site.directory.path, themes: Repository.themes)
        options.displayPrefix = ""
        #expect(SiteChecker.check(options).filter { $0.severity == .error }.map(\.description) == expected)
    }

    /// Links are checked batch by batch as pages render, except those to a heading of another
    /// page, which wait for every heading: the errors are the same whatever the batch size.
    @Test func anchorsInLaterAndEarlierBatchesAreCheckedWhateverTheBatch() throws {
        var files: [String: String] = [:]
        for number in 1 ... 30 {
            let name = String(format: "q%02d", number)
            var body = "## Setting up\n\nSome text.\n"
            if number == 1 { body += "\nSee [later](q30.md#setting-up), [wrong](q30.md#nowhere) and [here](#setting-up).\n" }
            if number == 30 { body += "\nSee [earlier](q01.md#setting-up) and [wrong](q01.md#missing).\n" }
            files["content/basics/\(name).md"] = TestSite.question(title: "Question \(name)?", extra: "weight: \(number)\n", body: body)
        }
        let site = try TestSite.minimal(files)
        let expected = [
            "content/basics/q01.md:13:33: error: 'q30.md#nowhere' names no heading [broken-anchor]",
            "content/basics/q30.md:13:38: error: 'q01.md#missing' names no heading [broken-anchor]",
        ]
        for batch in [25, 1_000] {
            var context = BuildContext()
            context.questionBatch = batch
            let result = BuildContext.$current.withValue(context) { site.build() }
            #expect(result.errors == expected, "batch of \(batch)")
        }
    }

    /// A build keeps no heading of a page once it is written; a broken anchor to such a page still
    /// gets a suggestion from the page's real headings.
    @Test func aBrokenAnchorToAWrittenPageStillGetsASuggestion() throws {
        let site = try TestSite.minimal([
            "content/basics/a.md": TestSite.question(title: "A", extra: "weight: 1\n", body: "## Setting up\n\nText.\n"),
            "content/basics/b.md": TestSite.question(title: "B", extra: "weight: 2\n", body: "See [a](a.md#seting-up).\n"),
        ])
        var context = BuildContext()
        context.questionBatch = 25
        let result = BuildContext.$current.withValue(context) { site.build() }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.contains("'a.md#seting-up' names no heading (did you mean 'setting-up'?)") == true, "\(result.errors)")
    }

    /// Anchors on pages of earlier, the same and later batches, on introductions and guides, named
    /// again from later batches after they were looked up: a build reports what `check`, which
    /// holds every heading, reports, whatever the batch.
    @Test func anchorsOnEveryKindOfPageAreFoundAsCheckFindsThem() throws {
        var files: [String: String] = [
            "content/basics/_index.md": "---\ntitle: Basics\ndescription: The basics.\n---\n## Overview\n\n[a](q60.md#setting-up) [b](q60.md#gone) [c](#overview) [d](#nope)\n",
            "content/guides/tour.md": "---\ntitle: Tour\nsummary: A tour.\n---\n## Rounds\n\n[a](../basics/q40.md#setting-up) [b](../basics/q40.md#laps) [c](#rounds) [d](#nope)\n",
        ]
        let links: [Int: String] = [
            1: "[a](q30.md#setting-up) [b](q30.md#nowhere) [c](q02.md#setting-up) [d](q02.md#nope) [e](../guides/tour.md#rounds) [f](../guides/tour.md#laps) [g](_index.md#overview) [h](_index.md#under)",
            30: "[a](q01.md#setting-up) [b](q01.md#missing) [c](q55.md#setting-up) [d](q55.md#ending)",
            55: "[a](q30.md#setting-up) [b](q30.md#nowhere) [c](q01.md#missing) [d](q01.md#setting-up) [e](q56.md#setting-up) [f](gone.md#x)",
        ]
        for number in 1 ... 60 {
            let name = String(format: "q%02d", number)
            let body = "## Setting up\n\nSome text.\n" + (links[number].map { "\n\($0)\n" } ?? "")
            files["content/basics/\(name).md"] = TestSite.question(title: "Question \(name)?", extra: "weight: \(number)\n", body: body)
        }
        let site = try TestSite.minimal(files)
        var options = BuildOptions(source: site.directory.path, themes: Repository.themes)
        options.displayPrefix = ""
        let checked = SiteChecker.check(options).filter { $0.severity == .error }.map(\.description)
        #expect(checked.filter { $0.contains("[broken-anchor]") }.count == 12, "\(checked)")
        for batch in [25, 50, 1_000] {
            var context = BuildContext()
            context.questionBatch = batch
            let result = BuildContext.$current.withValue(context) { site.build() }
            #expect(result.errors == checked, "batch of \(batch)")
        }
    }

    /// Links may name generated pages directly: listings, tags, and questions by their page's
    /// name, which `slug:` can make differ from the file's.
    @Test func linksToGeneratedPagesAreCheckedAgainstEveryPageTheBuildWrites() throws {
        let site = try TestSite.minimal([
            "content/basics/renamed-file.md": TestSite.question(title: "Renamed", extra: "slug: given-slug\ntags: [sql]\n"),
            "content/basics/links.md": TestSite.question(title: "Links", body: """
                [a](first.html) [b](given-slug.html) [c](../tags/sql.html) [d](../practice.html) [e](index.html)

                [f](renamed-file.html) [g](../tags/nosql.html) [h](../nowhere/index.html)
                """),
        ])
        site.build().expectErrors([
            "content/basics/links.md:10:1: error: link to 'renamed-file.html' names no generated page [broken-link]",
            "content/basics/links.md:10:24: error: link to '../tags/nosql.html' names no generated page [broken-link]",
            "content/basics/links.md:10:48: error: link to '../nowhere/index.html' names no generated page [broken-link]",
        ])
    }

    @Test func everyProblemOfARunIsReportedTogether() throws {
        let site = try TestSite.minimal([
            "content/basics/a.md": TestSite.question(title: "A", extra: "related: [nowhere, firts]\n"),
            "content/orphans/b.md": TestSite.question(title: "B"),
            "content/basics/c.md": "no front matter\n",
        ])
        site.build().expectErrors([
            "content/basics/a.md:6:11: error: related page 'nowhere' does not exist [related]",
            "content/basics/a.md:6:20: error: related page 'firts' does not exist (did you mean 'first'?) [related]",
            "content/basics/c.md:1:1: error: missing front-matter: the file must start with a '---' line, then YAML keys, then '---' [front-matter]",
            "content/orphans/b.md:1:1: error: category 'orphans' has no _index.md: add content/orphans/_index.md with a title and a description [missing-category]",
        ])
    }

    @Test func duplicateSlugsAreErrors() throws {
        let site = try TestSite.minimal([
            "content/other/_index.md": "---\ntitle: Other\ndescription: More.\n---\n",
            "content/other/first.md": TestSite.question(title: "Again"),
        ])
        site.build().expectErrors(["content/other/first.md:1:1: error: slug 'first' is already used by content/basics/first.md [duplicate-slug]"])
    }

    /// Regression: the clash was reported at line 1 of whichever file sorted later, even when
    /// the other file was the one whose `slug:` line caused it.
    @Test func aDuplicateSlugIsReportedAtTheSlugLineThatDeclaresIt() throws {
        let site = try TestSite.minimal([
            "content/another/_index.md": "---\ntitle: Another\ndescription: More.\n---\n",
            "content/another/copy.md": TestSite.question(title: "Again", extra: "weight: 2\nslug: first\n"),
        ])
        site.build().expectErrors(["content/another/copy.md:7:1: error: slug 'first' is already used by content/basics/first.md [duplicate-slug]"])
    }

    @Test func theOutputIsNeverAFolderOfSomethingElse() throws {
        let site = try TestSite.minimal(["precious/notes.txt": "keep me"])
        let result = site.build(output: site.directory.appendingPathComponent("precious"))
        #expect(!result.report.succeeded)
        #expect(result.errors.first?.contains("does not look like a generated site") == true)
        #expect(try String(contentsOf: site.directory.appendingPathComponent("precious/notes.txt"), encoding: .utf8) == "keep me")
    }
}

@Suite struct RebuildTests {
    @Test func pagesOfRemovedSourcesDisappear() throws {
        let site = try TestSite.minimal(["content/basics/second.md": TestSite.question(title: "Second", extra: "tags: [gone]\n")])
        site.build().expectSuccess().expectFile("basics/second.html").expectFile("tags/gone.html")
        try site.remove("content/basics/second.md")
        site.build().expectSuccess().expectNoFile("basics/second.html").expectNoFile("tags/gone.html")
    }

    @Test func leftoverStagingFoldersAreCleanedUp() throws {
        let site = try TestSite.minimal()
        let leftover = site.directory.appendingPathComponent(".public.staging-99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        site.build().expectSuccess()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.directory.path)
        #expect(!siblings.contains { $0.contains("staging") })
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let site = try TestSite(fixture: "basic")
        let first = site.build(output: site.directory.appendingPathComponent("one")).expectSuccess()
        let second = site.build(output: site.directory.appendingPathComponent("two")).expectSuccess()
        #expect(try OutputTree.files(in: first.output) == OutputTree.files(in: second.output))
    }

    @Test func siteLayoutsAndStaticFilesOverrideTheTheme() throws {
        let site = try TestSite.minimal([
            "layouts/404.mustache": "{{<base}}{{$main}}<p>Custom not found</p>{{/main}}{{/base}}",
            "static/assets/print.css": "/* mine */\n",
            "static/extra/logo.txt": "logo",
        ])
        site.build().expectSuccess()
            .expectFile("404.html", "<p>Custom not found</p>", "<header class=\"site-header\">")
            .expectFile("assets/print.css", "/* mine */")
            .expectFile("extra/logo.txt", "logo")
            .expectFile("assets/style.css", "StudyGuide default theme")
    }

    @Test func withoutBaseURLThereAreNoAbsoluteFiles() throws {
        let site = try TestSite.minimal()
        site.build().expectSuccess().expectNoFile("sitemap.xml").expectNoFile("robots.txt").expectNoFile("feed.xml")
        site.build(baseURL: "https://example.org/sub").expectSuccess()
            .expectFile("sitemap.xml", "<loc>https://example.org/sub/basics/first.html</loc>")
    }

    @Test func frontMatterTextIsEscapedInPages() throws {
        let site = try TestSite.minimal([
            "content/basics/first.md": TestSite.question(
                title: "\"<script>window.pwned=1</script>\"",
                extra: "tags: [xss]\naliases: [\"<img src=x onerror=alert(1)>\"]\n"),
        ])
        let result = site.build().expectSuccess()
        for page in ["basics/first.html", "basics/index.html", "tags/xss.html"] {
            let html = result.file(page) ?? ""
            #expect(!html.contains("<script>window.pwned"), "\(page)")
            #expect(!html.contains("<img src=x"), "\(page)")
        }
        result.expectFile("search/docs-0.js", "\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e")
    }
}

/// Every file of an output folder, by relative path.
enum OutputTree {
    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = base + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }
}

/// Each output says what it was made from, for incremental rebuilds.
@Suite struct OutputInputsTests {
    let outputs: [String: OutputInputs]

    init() throws {
        outputs = try TestSite(fixture: "basic").build().expectSuccess().report.outputs
    }

    @Test func aQuestionPageNamesItsNeighboursRelatedPagesAndCategory() throws {
        let page = try #require(outputs["databases/indexes.html"])
        #expect(page.content == ["databases/_index.md", "databases/indexes.md", "databases/isolation-levels.md",
                                 "guides/interview-process.md"])
        #expect(!page.allContent)
        #expect(page.navigation)
        #expect(page.templates == ["badges", "base", "question", "study-scripts"])
    }

    @Test func listingsNameWhatTheyList() throws {
        #expect(outputs["databases/index.html"]?.content == ["databases/_index.md", "databases/indexes.md", "databases/isolation-levels.md"])
        #expect(outputs["tags/transactions.html"]?.content == ["databases/isolation-levels.md"])
        #expect(outputs["index.html"]?.allContent == true)
        #expect(outputs["guides/index.html"]?.content == ["guides/_index.md", "guides/interview-process.md"])
    }

    @Test func studyDataAndDecksNameTheirQuestions() throws {
        #expect(outputs["study/cards-0.js"]?.content == ["behavioral/conflict.md", "databases/indexes.md", "databases/isolation-levels.md"])
        #expect(outputs["anki/databases.tsv"]?.content == ["databases/_index.md", "databases/indexes.md", "databases/isolation-levels.md"])
        #expect(outputs["anki/all.tsv"]?.allContent == true)
        #expect(outputs["search/manifest.js"]?.allContent == true)
        #expect(outputs["feed.xml"]?.allContent == true)
    }

    @Test func everyWrittenFileIsRecorded() throws {
        let site = try TestSite(fixture: "basic")
        let result = site.build().expectSuccess()
        let written = try OutputTree.files(in: result.output).keys.sorted()
        #expect(result.report.outputs.keys.sorted() == written)
        let stylesheet = try #require(result.report.outputs.first { $0.key.hasSuffix(".css") }?.value)
        #expect(stylesheet.copiedFrom?.hasSuffix(".css") == true)
    }

    /// `build` does not ask for the record (it is a large part of what a large site holds).
    @Test func aBuildThatDoesNotAskKeepsNoRecord() throws {
        let site = try TestSite(fixture: "basic")
        let output = site.directory.appendingPathComponent("plain")
        let report = SiteBuilder.build(BuildOptions(source: site.directory.path, output: output.path, themes: Repository.themes))
        #expect(report.succeeded)
        #expect(report.outputs.isEmpty)
        #expect(report.filesWritten == (try OutputTree.files(in: output).count))
    }
}
