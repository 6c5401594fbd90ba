// Covers: the preview's edits shown at once, checked against full builds after random sequences
// of edits of every kind (answers, titles, tags, weights; files added, deleted, renamed, moved;
// links to another page's heading, category introductions, a stylesheet, a template; a broken
// file and its fix): the served pages are the full build's, byte for byte.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct LivePreviewTests {
    /// A question's front-matter and body, written out as a file.
    struct Spec {
        var title: String
        var category: String
        var file: String
        var slug: String?
        var difficulty = "beginner"
        var kind = "technical"
        var summary: String
        var tags: [String]
        var related: [String] = []
        var followUps: [String] = []
        var weight = 0
        var updated = "2026-01-01"
        var draft = false
        var body: String

        var path: String { "content/\(category)/\(file).md" }
        /// The slug other questions name in `related`.
        var name: String { slug ?? file }

        var text: String {
            var lines = ["---", "title: \"\(title)\"", "difficulty: \(difficulty)", "kind: \(kind)", "summary: \"\(summary)\"",
                         "tags: [\(tags.joined(separator: ", "))]", "related: [\(related.joined(separator: ", "))]",
                         "weight: \(weight)", "updated: \(updated)"]
            if let slug { lines.append("slug: \(slug)") }
            if draft { lines.append("draft: true") }
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

    /// Question number `made` (`q01`, `q02`…), alternating between two categories, related to two
    /// of `others` (the names of the questions made before it).
    static func numberedSpec(_ made: Int, others: [String]) -> Spec {
        let file = String(format: "q%02d", made)
        return Spec(title: "Question \(file)?", category: made % 2 == 0 ? "basics" : "advanced", file: file,
                    summary: "Summary of \(file).", tags: [tags[made % 4], tags[(made + 1) % 4]],
                    related: others.isEmpty ? [] : Array(Set([others[made % others.count], others[(made * 7) % others.count]])).sorted(),
                    weight: made,
                    body: "## Answer\n\nText of \(file).\n\n## More\n\nSee [the first](../basics/first.md) and [below](#more).\n")
    }

    func options(for site: TestSite, output: URL) -> BuildOptions {
        var options = BuildOptions(source: site.directory.path, output: output.path, themes: Repository.themes)
        options.displayPrefix = ""
        return options
    }

    /// Random edits of every kind, one file or several at a time: after each, the served folder
    /// (the last full build's, then edited by the preview) holds exactly the HTML pages a fresh
    /// full build writes, byte for byte, and no page the fresh build does not write. A broken
    /// file is left to the full build, and its fix is shown at once.
    @Test func editsShownAtOnceMatchAFullBuildPageForPage() throws {
        var dice = Dice(state: 20_261_203)
        var specs: [String: Spec] = [:]  // by key: the first file name a question had
        let site = try TestSite.minimal([
            "content/advanced/_index.md": "---\ntitle: Advanced\ndescription: Harder ones.\n---\nMore.\n",
        ])
        var made = 0
        func newSpec() -> Spec {
            made += 1
            return Self.numberedSpec(made, others: specs.values.filter { !$0.draft }.map(\.name).sorted())
        }
        for _ in 1 ... 10 { let spec = newSpec(); specs[spec.file] = spec }
        for spec in specs.values { try site.write(spec.path, spec.text) }

        var build = 0
        var kept: LivePreview?
        func fullBuild() throws -> (URL, Bool) {
            build += 1
            let folder = site.directory.appendingPathComponent("out-\(build)")
            var options = options(for: site, output: folder)
            options.keepsPreview = true
            let report = SiteBuilder.build(options)
            kept = report.preview
            return (folder, report.succeeded)
        }
        var (served, _) = try fullBuild()
        var live = try #require(kept)
        var shownAtOnce = 0, structural = 0

        for step in 1 ... 80 {
            let key = dice.pick(specs.keys.sorted())
            var spec = specs[key]!
            var touched: Set<String> = [spec.path]
            /// Others no longer name `name` in `related`, as an author fixing references would.
            func forget(_ name: String) {
                for (other, var otherSpec) in specs where other != key && otherSpec.related.contains(name) {
                    otherSpec.related.removeAll { $0 == name }
                    specs[other] = otherSpec
                    touched.insert(otherSpec.path)
                }
            }
            var broken = false
            var elsewhere: String?  // a file that is not a question's: the only one touched
            switch dice.next(20) {
            case 0: spec.body += "\nA new paragraph at step \(step).\n"
            case 1: spec.summary = "Summary rewritten at step \(step)."
            case 2: spec.difficulty = dice.pick(["beginner", "intermediate", "advanced"])
            case 3: spec.kind = dice.pick(["technical", "behavioral", "system-design"])
            case 4: spec.followUps.append("Follow-up \(step)?")
            case 5:
                let others = specs.values.filter { !$0.draft && $0.name != spec.name }.map(\.name).sorted()
                spec.related = Array(Set([dice.pick(others), dice.pick(others)])).sorted()
            case 6: spec.title = dice.next(2) == 0 ? "A renamed question at step \(step)?" : "Question \(key), renamed at step \(step)?"
            case 7: spec.tags = [dice.pick(Self.tags)]
            case 8: spec.weight = dice.next(20)
            case 9: spec.category = spec.category == "basics" ? "advanced" : "basics"; structural += 1  // the file moves
            case 10: forget(spec.name); spec.slug = "moved-\(step)"; structural += 1
            case 11:
                forget(spec.name)
                spec.draft.toggle()
                structural += 1
            case 12:
                // Renamed on disk, the slug kept by `slug:` so that references still hold.
                if spec.slug == nil { spec.slug = spec.file }
                spec.file = "renamed-\(step)"
                structural += 1
            case 13:
                let added = newSpec()
                specs[added.file] = added
                touched = [added.path]
                structural += 1
            case 14:
                guard specs.count > 4 else { continue }
                forget(spec.name)
                specs[key] = nil
                try site.remove(spec.path)
                structural += 1
                spec = Spec(title: "", category: "", file: "", summary: "", tags: [], body: "")  // gone
            case 15: spec.body += "\nSee [the first answer](../basics/first.md#answer) at step \(step).\n"
            case 16:
                elsewhere = "content/\(dice.pick(["basics", "advanced"]))/_index.md"
                let title = elsewhere!.contains("basics") ? "Basics" : "Advanced"
                try site.write(elsewhere!, "---\ntitle: \(title)\ndescription: Described at step \(step).\n---\nAn introduction of step \(step).\n")
            case 17:
                elsewhere = "static/extra.css"
                try site.write(elsewhere!, "main { margin: \(step)px; }\n")
            case 18:
                elsewhere = "layouts/tag.mustache"
                let text = try #require(BuiltinTheme.files(in: "templates").first { $0.relative == "tag.mustache" }?.text)
                try site.write(elsewhere!, text.replacingOccurrences(of: "</h1>", with: "</h1><p>Styled at step \(step).</p>"))
            default:
                try site.write(spec.path, "---\ntitle: [unclosed\n---\n")
                broken = true
            }
            if let elsewhere { touched = [elsewhere] }
            if !spec.file.isEmpty && !broken && elsewhere == nil {
                if let old = specs[key], old.path != spec.path { try site.remove(old.path); touched.insert(old.path) }
                specs[key] = spec
                touched.insert(spec.path)
            }
            for path in touched where !broken && elsewhere == nil {
                if let now = specs.values.first(where: { $0.path == path }) { try site.write(path, now.text) }
            }

            let outcome = live.apply(Set(touched.map { site.directory.appendingPathComponent($0).path }), into: served)
            let (fresh, succeeded) = try fullBuild()
            if broken {
                #expect(!succeeded, "step \(step)")
                guard case .needsFullBuild = outcome else { Issue.record("step \(step): a broken file was shown: \(outcome)"); continue }
                try site.write(spec.path, spec.text)  // the fix, shown at once from the last good site
                let fixed = live.apply([site.directory.appendingPathComponent(spec.path).path], into: served)
                guard case .written = fixed else { Issue.record("step \(step): the fix was not shown: \(fixed)"); continue }
                let (repaired, _) = try fullBuild()
                try expectSamePages(served, repaired, step: step)
                served = repaired
                live = try #require(kept)
                continue
            }
            #expect(succeeded, "step \(step)")
            if case .written = outcome {
                shownAtOnce += 1
                try expectSamePages(served, fresh, step: step)
            } else {
                Issue.record("step \(step): \(outcome)")
                live = try #require(step % 2 == 0 ? kept : LivePreview.load(options(for: site, output: fresh)))
            }
            served = fresh
        }
        #expect(shownAtOnce >= 60)
        #expect(structural >= 20, "the walk must add, delete, rename and move questions")
    }

    /// Every HTML page of `expected` is in `served` with the same bytes, and `served` has no other.
    func expectSamePages(_ served: URL, _ expected: URL, step: Int) throws {
        let want = try OutputTree.files(in: expected).filter { $0.key.hasSuffix(".html") }
        let have = try OutputTree.files(in: served).filter { $0.key.hasSuffix(".html") }
        #expect(Set(have.keys) == Set(want.keys), "step \(step): pages \(Set(have.keys).symmetricDifference(want.keys).sorted())")
        let different = want.keys.filter { have[$0] != nil && have[$0] != want[$0] }.sorted()
        #expect(different == [], "step \(step): different bytes")
    }

    @Test func filesThatAreNotQuestionsNeedAFullBuild() throws {
        let site = try TestSite.minimal()
        let output = site.directory.appendingPathComponent("out")
        #expect(SiteBuilder.build(options(for: site, output: output)).succeeded)
        let live = try #require(LivePreview.load(options(for: site, output: output)))
        try site.write("content/basics/diagram.png", "not really a picture")
        try site.write("content/guides/how-to.md", "---\ntitle: How to\nsummary: A guide.\n---\nText.\n")
        try site.write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
        for path in ["content/_index.md", "site.yml", "content/basics/diagram.png", "content/guides/how-to.md"] {
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

    @Test func aLinkToAnotherPagesHeadingIsCheckedAndShownAtOnce() throws {
        let site = try TestSite.minimal(["content/basics/second.md": TestSite.question(title: "Second question?",
                                                                                       body: "## Trade-offs\n\nText.\n")])
        let output = site.directory.appendingPathComponent("out")
        #expect(SiteBuilder.build(options(for: site, output: output)).succeeded)
        let live = try #require(LivePreview.load(options(for: site, output: output)))
        let first = site.directory.appendingPathComponent("content/basics/first.md").path
        let third = site.directory.appendingPathComponent("content/basics/third.md").path

        // An answer, and a new question, that link to a heading the other page has.
        try site.write("content/basics/first.md", TestSite.question(title: "First question?", body: "See [it](second.md#trade-offs).\n"))
        guard case .written(let pages) = live.apply([first], into: output) else {
            Issue.record("not shown alone")
            return
        }
        #expect(pages.contains("basics/first.html"))
        try site.write("content/basics/third.md", TestSite.question(title: "Third question?", body: "See [it](second.md#trade-offs).\n"))
        guard case .written = live.apply([third], into: output) else {
            Issue.record("new question not shown alone")
            return
        }
        let fresh = site.directory.appendingPathComponent("fresh")
        #expect(SiteBuilder.build(options(for: site, output: fresh)).succeeded)
        try expectSamePages(output, fresh, step: 1)

        // A heading that is not there is a broken link, for the full build to report.
        try site.write("content/basics/first.md", TestSite.question(title: "First question?", body: "See [it](second.md#no-such).\n"))
        guard case .needsFullBuild = live.apply([first], into: output) else {
            Issue.record("broken anchor shown")
            return
        }
    }

    @Test func aThemeEditRewritesWhatRendersItAndLeavesQuestionTemplatesToTheFullBuild() throws {
        let site = try TestSite.minimal(["content/basics/second.md": TestSite.question(title: "Second question?", extra: "tags: [sql]\n")])
        let output = site.directory.appendingPathComponent("out")
        #expect(SiteBuilder.build(options(for: site, output: output)).succeeded)
        let live = try #require(LivePreview.load(options(for: site, output: output)))
        func builtin(_ name: String) throws -> String {
            try #require(BuiltinTheme.files(in: "templates").first { $0.relative == name }?.text)
        }
        let tagTemplate = site.directory.appendingPathComponent("layouts/tag.mustache").path
        let stylesheet = site.directory.appendingPathComponent("static/extra.css").path

        // A tag page's template and a new stylesheet: shown at once, as a full build makes them.
        try site.write("layouts/tag.mustache", try builtin("tag.mustache").replacingOccurrences(of: "</h1>", with: "</h1><p>restyled</p>"))
        try site.write("static/extra.css", "body { color: teal; }\n")
        guard case .written(let written) = live.apply([tagTemplate, stylesheet], into: output) else {
            Issue.record("theme edit not shown alone")
            return
        }
        #expect(written.contains("tags/sql.html") && written.contains("extra.css") && !written.contains("basics/second.html"))
        let fresh = site.directory.appendingPathComponent("fresh")
        #expect(SiteBuilder.build(options(for: site, output: fresh)).succeeded)
        try expectSamePages(output, fresh, step: 1)
        #expect(FileManager.default.contentsEqual(atPath: output.appendingPathComponent("extra.css").path,
                                                  andPath: fresh.appendingPathComponent("extra.css").path))

        // The question template needs every answer: left to the full build.
        let questionTemplate = site.directory.appendingPathComponent("layouts/question.mustache").path
        try site.write("layouts/question.mustache", try builtin("question.mustache") + "\n")
        guard case .needsFullBuild = live.apply([questionTemplate], into: output) else {
            Issue.record("question template shown alone")
            return
        }
    }

    @Test func anEditedCategoryIntroductionOrGuideIsShownAtOnceUnlessItIsRetitled() throws {
        let site = try TestSite.minimal(["content/guides/plan.md": "---\ntitle: A plan\nsummary: How to study.\n---\nStart here.\n"])
        let output = site.directory.appendingPathComponent("out")
        #expect(SiteBuilder.build(options(for: site, output: output)).succeeded)
        let live = try #require(LivePreview.load(options(for: site, output: output)))
        let category = site.directory.appendingPathComponent("content/basics/_index.md").path
        let guide = site.directory.appendingPathComponent("content/guides/plan.md").path

        try site.write("content/basics/_index.md", "---\ntitle: Basics\ndescription: Where to begin.\n---\nRead [the plan](../guides/plan.md) first.\n")
        guard case .written(let first) = live.apply([category], into: output) else {
            Issue.record("category introduction not shown alone")
            return
        }
        #expect(first.contains("basics/index.html") && first.contains("index.html"))
        try site.write("content/guides/plan.md", "---\ntitle: A plan\nsummary: How to study, week by week.\n---\nStart with [the basics](../basics/_index.md).\n")
        guard case .written(let second) = live.apply([guide], into: output) else {
            Issue.record("guide not shown alone")
            return
        }
        #expect(second.contains("guides/plan.html") && second.contains("guides/index.html"))
        let fresh = site.directory.appendingPathComponent("fresh")
        #expect(SiteBuilder.build(options(for: site, output: fresh)).succeeded)
        try expectSamePages(output, fresh, step: 1)

        // A new title is in every page's navigation: the full build's.
        try site.write("content/basics/_index.md", "---\ntitle: Fundamentals\ndescription: Where to begin.\n---\nText.\n")
        guard case .needsFullBuild = live.apply([category], into: output) else {
            Issue.record("retitled category shown alone")
            return
        }
    }
}
