// Covers: `check`: every rule against its fixture under Tests/Fixtures/check, output formats, and `new`.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct CheckRuleTests {
    static let fixtures = (try? FileManager.default.contentsOfDirectory(atPath: Repository.fixture("check").path).sorted()) ?? []

    /// Each fixture folder holds a small site and `expected.txt`: the exact findings, in order.
    @Test(arguments: fixtures)
    func ruleFixtureGivesItsExpectedDiagnostics(_ name: String) throws {
        let folder = Repository.fixture("check/\(name)")
        var options = BuildOptions(source: folder.path)
        options.displayPrefix = ""
        let findings = SiteChecker.check(options).map(\.description)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(findings == expected)
    }

    @Test func everyRuleHasAFixtureThatTriggersIt() throws {
        var triggered = Set<String>()
        for name in Self.fixtures {
            let text = try String(contentsOf: Repository.fixture("check/\(name)/expected.txt"), encoding: .utf8)
            for match in text.matches(of: /\[([a-z-]+)\]$/.anchorsMatchLineEndings()) { triggered.insert(String(match.output.1)) }
        }
        let rules = ["schema", "unknown-key", "slug", "tag", "duplicate-slug", "near-duplicate", "related", "broken-link",
                     "broken-anchor", "missing-category", "short-answer", "repeated-paragraph", "heading-level",
                     "missing-file", "remote-image"]
        #expect(rules.filter { !triggered.contains($0) } == [])
        #expect(Self.fixtures.contains("clean"))
    }

    @Test func theRepositoryContentChecksClean() {
        var options = BuildOptions(source: Repository.root.path)
        options.displayPrefix = ""
        #expect(SiteChecker.check(options).map(\.description) == [])
    }
}

@Suite struct DiagnosticFormatTests {
    let diagnostics = [
        Diagnostic.error(at: .init(path: "content/a,b.md", line: 3, column: 7), "bad: 100% wrong\nreally", rule: "schema"),
        Diagnostic.warning(at: .init(path: "content/c.md", line: 1, column: 1), "short", rule: "short-answer"),
    ]

    @Test func textIsOneLinePerFinding() {
        #expect(DiagnosticFormat.text.render(diagnostics) ==
            "content/a,b.md:3:7: error: bad: 100% wrong\nreally [schema]\ncontent/c.md:1:1: warning: short [short-answer]\n")
    }

    @Test func githubAnnotationsAreEscaped() {
        #expect(DiagnosticFormat.github.render(diagnostics) ==
            "::error file=content/a%2Cb.md,line=3,col=7,title=schema::bad: 100%25 wrong%0Areally\n"
            + "::warning file=content/c.md,line=1,col=1,title=short-answer::short\n")
    }

    @Test func jsonCountsAndListsFindings() {
        #expect(DiagnosticFormat.json.render(diagnostics) ==
            "{\"errors\":1,\"warnings\":1,\"diagnostics\":[{\"path\":\"content/a,b.md\",\"line\":3,\"column\":7,\"severity\":\"error\","
            + "\"rule\":\"schema\",\"message\":\"bad: 100% wrong\\nreally\"},{\"path\":\"content/c.md\",\"line\":1,\"column\":1,"
            + "\"severity\":\"warning\",\"rule\":\"short-answer\",\"message\":\"short\"}]}\n")
    }
}

@Suite struct NewQuestionTests {
    @Test func newThenCheckPassesForEveryKind() throws {
        let site = try TestSite.minimal()
        for kind in QuestionKind.allCases {
            let path = try NewQuestion.create(source: site.directory.path, category: "basics", title: "What about \"\(kind.rawValue)\" work?",
                                              kind: kind, difficulty: .advanced, today: ContentDate("2026-11-24")!)
            #expect(path.hasSuffix("content/basics/what-about-\(kind.rawValue)-work.md"))
        }
        var options = BuildOptions(source: site.directory.path)
        options.displayPrefix = ""
        let findings = SiteChecker.check(options)
        #expect(!findings.containsErrors, "\(findings.map(\.description))")
        site.build().expectSuccess().expectFile("basics/what-about-behavioral-work.html", "Example answer outline")
    }

    @Test func newRefusesToOverwriteAndRejectsUnknownCategories() throws {
        let site = try TestSite.minimal()
        #expect(throws: NewQuestion.Failure.alreadyExists(site.directory.path + "/content/basics/first.md")) {
            try NewQuestion.create(source: site.directory.path, category: "basics", title: "First!",
                                   kind: .technical, difficulty: .beginner, today: ContentDate("2026-11-24")!)
        }
        #expect(throws: NewQuestion.Failure.unknownCategory("basic", known: ["basics"])) {
            try NewQuestion.create(source: site.directory.path, category: "basic", title: "Anything",
                                   kind: .technical, difficulty: .beginner, today: ContentDate("2026-11-24")!)
        }
        #expect(NewQuestion.Failure.unknownCategory("basic", known: ["basics"]).description.contains("did you mean 'basics'?"))
    }
}
