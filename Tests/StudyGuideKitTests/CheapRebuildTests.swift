import Foundation
import Testing
@testable import StudyGuideKit

/// What makes a rebuild cheap without changing what it writes: the reading order computed once
/// by rank, files the previous build wrote linked instead of written again, and a build that can
/// be stopped by a newer edit.
@Suite struct CheapRebuildTests {
    /// Titles that tempt a byte-wise comparison to differ from `String`'s: prefixes, case,
    /// punctuation, weights; and, on the second site, accents written composed and decomposed.
    static let asciiTitles = ["Ab?", "A b?", "A?", "a?", "Abc?", "B?", "Zeta?", "Ab?"]
    static let otherTitles = ["\u{00C9}clair?", "E\u{0301}clairs?", "Eclair?", "\u{00DC}ber?", "Uber?", "\u{65E5}\u{672C}?", "Zeta?"]

    @Test(arguments: [asciiTitles, otherTitles])
    func categoriesAndTagsAreInStringOrder(titles: [String]) throws {
        var files: [String: String] = [:]
        for (number, title) in titles.enumerated() {
            let weight = number % 3 == 0 ? "weight: 1\n" : ""
            files["content/basics/q\(number).md"] = TestSite.question(title: "\"\(title)\"", extra: weight + "tags: [shared]\n")
        }
        let resolved = try Self.resolved(files)
        let questions = resolved.questions
        let readingOrder = questions.sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }
        #expect(questions.map(\.slug) == readingOrder.map(\.slug))
        let tag = try #require(resolved.tags.first { $0.name == "shared" })
        let byTitle = tag.members.map { questions[$0] }.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) }
        #expect(tag.members.map { questions[$0].slug } == byTitle.map(\.slug))
    }

    /// Resolving reads each question's tags from its notes (on disk), a run of questions per
    /// worker: every tag page lists its questions once, in reading order, whatever run read them.
    @Test func tagPagesListEachQuestionOnceFromItsNotes() throws {
        var files: [String: String] = [:]
        for number in 0 ..< 1_200 {  // more than one run of questions
            let tags = number % 3 == 0 ? "[every, every, third]" : number % 2 == 0 ? "[every, even]" : "[every]"
            files["content/basics/q\(String(format: "%04d", number)).md"] = TestSite.question(title: "\"Question \(String(format: "%04d", number))?\"", extra: "tags: \(tags)\n")
        }
        let resolved = try Self.resolved(files)
        func members(_ name: String) -> [String] {
            (resolved.tags.first { $0.name == name }.map { Array($0.members) } ?? []).map { resolved.questions[$0].slug }
        }
        let slugs = resolved.questions.map(\.slug).filter { $0.hasPrefix("q") }
        #expect(resolved.tags.map(\.name) == ["even", "every", "third"])
        #expect(members("every") == slugs)
        #expect(members("third") == slugs.filter { Int($0.dropFirst())! % 3 == 0 })
        #expect(members("even") == slugs.filter { Int($0.dropFirst())! % 3 != 0 && Int($0.dropFirst())! % 2 == 0 })
    }

    /// Resolving reads the titles from the notes a run of questions per worker and sorts them where
    /// each run left them: a category reads by title across every run, ASCII or not.
    @Test func aCategoryReadsByTitleAcrossTheRunsTitlesWereReadIn() throws {
        for accent in ["", "é"] {
            var files: [String: String] = [:]
            for number in 0 ..< 1_100 {  // more than two runs; titles in the reverse order of the files
                let title = "\"\(accent)Question \(String(format: "%04d", 1_099 - number))?\""
                files["content/basics/q\(String(format: "%04d", number)).md"] = TestSite.question(title: title)
            }
            let resolved = try Self.resolved(files)
            let basics = try #require(resolved.categories.first { $0.category.slug == "basics" })
            let slugs = resolved.questions[basics.members].map(\.slug).filter { $0.hasPrefix("q") }
            #expect(slugs == (0 ..< 1_100).reversed().map { "q\(String(format: "%04d", $0))" }, "accent '\(accent)'")
        }
    }

    /// The site of the minimal fixture with `files` added, resolved without errors.
    static func resolved(_ files: [String: String]) throws -> Site {
        let site = try TestSite.minimal(files)
        var report = BuildReport()
        var options = BuildOptions(source: site.directory.path, themes: Repository.themes)
        options.displayPrefix = ""
        let resolved = try #require(SiteBuilder.load(options, report: &report))
        #expect(!report.diagnostics.containsErrors)
        return resolved
    }

    @Test func aRebuildKeepsTheFilesItWouldWriteUnchangedAndWritesTheRest() throws {
        let site = try TestSite.minimal(["content/basics/second.md": TestSite.question(title: "Second question?", extra: "tags: [queues]\n")])
        let options = BuildOptions(source: site.directory.path, themes: Repository.themes)
        let first = SiteBuilder.build(options)
        #expect(first.succeeded && first.reusedFiles == 0)
        func inode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.systemFileNumber] as? Int)
        }
        let unchangedPage = try inode("basics/first.html"), editedPage = try inode("basics/second.html")
        // A listing, written as it is rendered, is compared once written.
        let unchangedListing = try inode("basics/index.html")

        // An edited answer, and pages changed in the output behind the build's back.
        try site.write("content/basics/second.md", TestSite.question(title: "Second question?", extra: "tags: [queues]\n",
                                                                     body: "## Answer\n\nNew text.\n"))
        let tampered = ["tags/index.html", "tags/queues.html"].map { site.output.appendingPathComponent($0) }
        let original = try tampered.map { try Data(contentsOf: $0) }
        for file in tampered { try Data("changed".utf8).write(to: file) }

        let second = SiteBuilder.build(options)
        #expect(second.succeeded)
        #expect(second.reusedFiles > 0 && second.reusedFiles < second.filesWritten)
        #expect(try inode("basics/first.html") == unchangedPage)
        #expect(try inode("basics/index.html") == unchangedListing)
        #expect(try inode("basics/second.html") != editedPage)
        #expect(try tampered.map { try Data(contentsOf: $0) } == original)
        #expect(try String(contentsOf: site.output.appendingPathComponent("basics/second.html"), encoding: .utf8).contains("New text."))

        // The same bytes as a build from nothing.
        let fresh = site.directory.appendingPathComponent("fresh")
        let cold = site.build(output: fresh)
        cold.expectSuccess()
        let linked = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).sorted()
        #expect(linked == (try FileManager.default.subpathsOfDirectory(atPath: fresh.path).sorted()))
        for path in linked where !path.hasSuffix("/") {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: fresh.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            #expect(FileManager.default.contentsEqual(atPath: site.output.appendingPathComponent(path).path,
                                                      andPath: fresh.appendingPathComponent(path).path), "\(path) differs")
        }
    }

    @Test func aCancelledBuildWritesNothingAndKeepsThePreviousSite() throws {
        let site = try TestSite.minimal()
        site.build().expectSuccess()
        let before = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        try site.write("content/basics/first.md", TestSite.question(title: "Renamed question?"))

        let cancellation = BuildCancellation()
        cancellation.cancel()
        let options = BuildOptions(source: site.directory.path, themes: Repository.themes)
        let report = BuildContext.$current.withValue(BuildContext(cancellation: cancellation)) { SiteBuilder.build(options) }
        #expect(report.cancelled && !report.succeeded && report.diagnostics.isEmpty)
        #expect(try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.directory.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }
}
