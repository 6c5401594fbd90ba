// Covers: the preview's fast path for an edited question, checked against full builds after
// random sequences of edits: the pages it writes are the full build's bytes, and every page the
// full build changes is among them.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct LivePreviewTests {
    /// A question's front-matter and body, written out as a file.
    struct Spec {
        var title: String
        var category: String
        var difficulty = "beginner"
        var kind = "technical"
        var summary: String
        var tags: [String]
        var related: [String] = []
        var followUps: [String] = []
        var weight = 0
        var updated = "2026-01-01"
        var body: String

        var text: String {
            var lines = ["---", "title: \"\(title)\"", "difficulty: \(difficulty)", "kind: \(kind)", "summary: \"\(summary)\"",
                         "tags: [\(tags.joined(separator: ", "))]", "related: [\(related.joined(separator: ", "))]",
                         "weight: \(weight)", "updated: \(updated)"]
            if !followUps.isEmpty { lines += ["follow_ups:"] + followUps.map { "  - \"\($0)\"" } }
            return (lines + ["---", "", body]).joined(separator: "\n") + "\n"
        }
    }

    /// A small deterministic generator (the test must not depend on the run).
    struct Dice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let tags = ["sql", "cache", "http", "queues"]

    func options(for site: TestSite, output: URL) -> BuildOptions {
        var options = BuildOptions(source: site.directory.path, output: output.path, themes: Repository.themes)
        options.displayPrefix = ""
        return options
    }

    @Test func editsShownAloneMatchAFullBuildAndMissNoPage() throws {
        var dice = Dice(state: 20_261_203)
        var specs: [String: Spec] = [:]
        let site = try TestSite.minimal([
            "content/advanced/_index.md": "---\ntitle: Advanced\ndescription: Harder ones.\n---\nMore.\n",
        ])
        for number in 1 ... 12 {
            let slug = String(format: "q%02d", number)
            specs[slug] = Spec(title: "Question \(slug)?", category: number % 2 == 0 ? "basics" : "advanced",
                               summary: "Summary of \(slug).", tags: [Self.tags[number % 4], Self.tags[(number + 1) % 4]],
                               related: number > 1 ? [String(format: "q%02d", number - 1)] : [], weight: number,
                               body: "## Answer\n\nText of \(slug).\n\n## More\n\nSee [the first](../basics/first.md) and [below](#more).\n")
        }
        func write(_ slug: String) throws { try site.write("content/\(specs[slug]!.category)/\(slug).md", specs[slug]!.text) }
        for slug in specs.keys { try write(slug) }

        var build = 0
        var kept: LivePreview?
        func fullBuild() throws -> URL {
            build += 1
            let folder = site.directory.appendingPathComponent("out-\(build)")
            var options = options(for: site, output: folder)
            options.keepsPreview = true
            let report = SiteBuilder.build(options)
            #expect(report.succeeded, "\(report.diagnostics)")
            kept = report.preview
            return folder
        }
        var served = try fullBuild()
        var live = try #require(kept)
        var shownAlone = 0

        for step in 1 ... 30 {
            let slug = String(format: "q%02d", 1 + dice.next(12))
            var spec = specs[slug]!
            let local: Bool
            switch dice.next(10) {
            case 0: spec.body += "\nA new paragraph at step \(step).\n"; local = true
            case 1: spec.summary = "Summary rewritten at step \(step)."; local = true
            case 2: spec.difficulty = dice.pick(["beginner", "intermediate", "advanced"]); local = true
            case 3: spec.kind = dice.pick(["technical", "behavioral", "system-design"]); local = true
            case 4: spec.followUps.append("Follow-up \(step)?"); local = true
            case 5: spec.related = [String(format: "q%02d", 1 + dice.next(12))]; local = true
            case 6: spec.updated = "2026-02-\(String(format: "%02d", 1 + dice.next(28)))"; local = true
            case 7:
                // Kept in place (every title starts "Question qNN"), then moved to the front of its lists.
                let moves = dice.next(2) == 0
                spec.title = moves ? "A renamed question at step \(step)?" : "Question \(slug), renamed at step \(step)?"
                local = !moves
            case 8: spec.tags = [dice.pick(Self.tags)]; local = false
            default: spec.weight = dice.next(20); local = false
            }
            specs[slug] = spec
            try write(slug)
            let before = try OutputTree.files(in: served)
            let outcome = live.apply([site.directory.appendingPathComponent("content/\(spec.category)/\(slug).md").path], into: served)
            let fresh = try fullBuild()
            let after = try OutputTree.files(in: fresh)
            // An edit that may move pages is allowed to be shown alone only when nothing moved (a
            // title that keeps its place, a tag or weight set to what it was): the same checks hold.
            if case .written(let written) = outcome {
                shownAlone += 1
                for path in written { #expect(try Data(contentsOf: served.appendingPathComponent(path)) == after[path], "step \(step): \(path)") }
                let changedPages = after.keys.filter { $0.hasSuffix(".html") && after[$0] != before[$0] }
                #expect(Set(changedPages).isSubset(of: Set(written)), "step \(step): pages changed but not written: \(Set(changedPages).subtracting(written))")
            } else {
                #expect(!local, "step \(step): \(outcome)")
                // As `serve` does: the full build's site becomes the preview's, every other time
                // kept by the build, else loaded on its own.
                live = try #require(step % 2 == 0 ? kept : LivePreview.load(options(for: site, output: fresh)))
            }
            served = fresh
        }
        #expect(shownAlone > 10)
        #expect(shownAlone < 30, "some edits moved pages and needed a full build")
    }

    @Test func filesThatAreNotQuestionsNeedAFullBuild() throws {
        let site = try TestSite.minimal()
        let output = site.directory.appendingPathComponent("out")
        #expect(SiteBuilder.build(options(for: site, output: output)).succeeded)
        let live = try #require(LivePreview.load(options(for: site, output: output)))
        for path in ["content/basics/_index.md", "site.yml", "content/basics/new.md"] {
            let outcome = live.apply([site.directory.appendingPathComponent(path).path], into: output)
            guard case .needsFullBuild = outcome else {
                Issue.record("\(path): \(outcome)")
                continue
            }
        }
    }

    @Test func aBrokenEditIsLeftToTheFullBuild() throws {
        let site = try TestSite.minimal()
        let output = site.directory.appendingPathComponent("out")
        #expect(SiteBuilder.build(options(for: site, output: output)).succeeded)
        let live = try #require(LivePreview.load(options(for: site, output: output)))
        let page = try Data(contentsOf: output.appendingPathComponent("basics/first.html"))
        for text in [TestSite.question(title: "First question?", body: "See [nowhere](missing.md).\n"),
                     TestSite.question(title: "First question?", extra: "related: [nothing-here]\n"),
                     "---\ntitle: [unclosed\n---\n"] {
            try site.write("content/basics/first.md", text)
            let outcome = live.apply([site.directory.appendingPathComponent("content/basics/first.md").path], into: output)
            guard case .needsFullBuild = outcome else {
                Issue.record("\(text): \(outcome)")
                continue
            }
        }
        #expect(try Data(contentsOf: output.appendingPathComponent("basics/first.html")) == page)
    }
}
