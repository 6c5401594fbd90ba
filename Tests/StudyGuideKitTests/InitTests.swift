// Covers: `studyguide init`: a starter site that builds and checks with no problems, and never overwrites a file.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct InitTests {
    private static func emptyFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-init-\(UUID().uuidString)")
    }

    @Test func theStarterSiteBuildsAndChecksWithNoProblems() throws {
        let folder = Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SiteScaffold.create(in: folder.path, title: "Ops Interviews", force: false)
        #expect(outcome.kept.isEmpty)
        #expect(outcome.created.contains("site.yml") && outcome.created.contains(".github/workflows/deploy.yml"))

        #expect(SiteChecker.check(BuildOptions(source: folder.path)).map(\.description) == [])
        let report = SiteBuilder.build(BuildOptions(source: folder.path))
        #expect(report.succeeded && report.diagnostics.isEmpty)
        let page = try String(contentsOf: folder.appendingPathComponent("public/databases/what-is-an-index.html"), encoding: .utf8)
        #expect(page.contains("Ops Interviews"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/guides/writing-questions.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/databases/slow-query-story.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("themes").path), "the theme is built in")
    }

    @Test func aFolderThatIsNotEmptyIsRefusedWithoutForce() throws {
        let folder = Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: SiteScaffold.Failure.notEmpty(folder.path)) {
            try SiteScaffold.create(in: folder.path, title: "T", force: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test func forceAddsTheMissingFilesAndKeepsEveryExistingOne() throws {
        let folder = Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
        try Data("keep".utf8).write(to: folder.appendingPathComponent("content/_index.md"))
        let outcome = try SiteScaffold.create(in: folder.path, title: "T", force: true)
        #expect(outcome.kept == ["site.yml", "content/_index.md"])
        #expect(try String(contentsOf: folder.appendingPathComponent("site.yml"), encoding: .utf8) == "title: Mine\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("content/_index.md"), encoding: .utf8) == "keep")
        #expect(outcome.created.contains("content/databases/what-is-an-index.md"))
    }

    @Test func theCommandLineInitThenBuildThenCheckExitsZero() throws {
        let folder = Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let here = FileManager.default.temporaryDirectory
        #expect(try CLITests.studyguide(["init", folder.path], in: here).status == 0)
        #expect(try CLITests.studyguide(["build", "--source", folder.path, "--quiet"], in: here).status == 0)
        let check = try CLITests.studyguide(["check", "--source", folder.path], in: here)
        #expect(check.status == 0 && check.stderr == "check: no problems\n")
        let again = try CLITests.studyguide(["init", folder.path], in: here)
        #expect(again.status == 1 && again.stderr.contains("is not empty; use --force"))
    }
}
