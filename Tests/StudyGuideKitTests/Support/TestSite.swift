import Foundation
import Testing
@testable import StudyGuideKit

enum Repository {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themes = root.appendingPathComponent("themes").path
    static func fixture(_ name: String) -> URL { root.appendingPathComponent("Tests/Fixtures/\(name)") }
}

/// A site folder in a fresh temporary directory, built with the real pipeline: the
/// chainable helper the tests use (after mdBook's `BookTest`).
final class TestSite {
    let directory: URL
    var output: URL { directory.appendingPathComponent("public") }

    /// A copy of a fixture under Tests/Fixtures.
    convenience init(fixture name: String) throws {
        try self.init(files: [:])
        try FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: Repository.fixture(name), to: directory)
    }

    /// A site made of the given files (path → text).
    init(files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> TestSite {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return self
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent(path))
    }

    /// Builds with the repository's theme folder, or with `themes: nil` the site's own
    /// `themes/` (and so the built-in theme). Diagnostics are shown relative to the site folder.
    func build(drafts: Bool = false, baseURL: String? = nil, output: URL? = nil, themes: String? = Repository.themes) -> BuildResult {
        var options = BuildOptions(source: directory.path, output: (output ?? self.output).path, themes: themes,
                                   includeDrafts: drafts, baseURL: baseURL)
        options.displayPrefix = ""
        options.recordsInputs = true
        return BuildResult(report: SiteBuilder.build(options), output: output ?? self.output)
    }

    /// Builds as `studyguide build` does, into `output` (a folder name inside the site, or a path),
    /// with its cache in `cache` when given: the report and, when it succeeded, every file written.
    func build(cache: URL?, into output: URL) throws -> (BuildReport, [String: Data]) {
        var options = BuildOptions(source: directory.path, output: output.path, themes: Repository.themes)
        options.displayPrefix = ""
        options.cacheFolder = cache?.path
        let report = SiteBuilder.build(options)
        return (report, report.succeeded ? try OutputTree.files(in: output) : [:])
    }

    func build(cache: URL?, into name: String) throws -> (BuildReport, [String: Data]) {
        try build(cache: cache, into: directory.appendingPathComponent(name))
    }

    /// The smallest valid site plus the given files.
    static func minimal(_ extra: [String: String] = [:]) throws -> TestSite {
        var files = [
            "site.yml": "title: Test\n",
            "content/basics/_index.md": "---\ntitle: Basics\ndescription: The basics.\n---\nIntro.\n",
            "content/basics/first.md": question(title: "First question?"),
        ]
        files.merge(extra) { _, new in new }
        return try TestSite(files: files)
    }

    /// A valid question file with the given front-matter lines added.
    static func question(title: String, extra: String = "", body: String = "## Answer\n\nSome text.\n") -> String {
        "---\ntitle: \(title)\ndifficulty: beginner\nkind: technical\nsummary: A short answer.\n\(extra)---\n\n\(body)"
    }
}

/// What a build produced, with expectations that read like the behaviour they check.
struct BuildResult {
    let report: BuildReport
    let output: URL

    var diagnostics: [Diagnostic] { report.diagnostics }
    var errors: [String] { report.diagnostics.filter { $0.severity == .error }.map(\.description) }

    func file(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @discardableResult
    func expectSuccess(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildResult {
        #expect(report.succeeded, "build failed: \(errors)", sourceLocation: sourceLocation)
        #expect(errors.isEmpty, sourceLocation: sourceLocation)
        return self
    }

    @discardableResult
    func expectFile(_ path: String, _ fragments: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildResult {
        guard let text = file(path) else {
            Issue.record("missing output file \(path)", sourceLocation: sourceLocation)
            return self
        }
        for fragment in fragments {
            #expect(text.contains(fragment), "\(path) lacks \(fragment)", sourceLocation: sourceLocation)
        }
        return self
    }

    @discardableResult
    func expectNoFile(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildResult {
        #expect(file(path) == nil, "\(path) should not exist", sourceLocation: sourceLocation)
        return self
    }

    /// Expects a failed build with exactly these `path:line:col: error: message [rule]` lines.
    @discardableResult
    func expectErrors(_ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildResult {
        #expect(!report.succeeded, sourceLocation: sourceLocation)
        #expect(errors == expected, sourceLocation: sourceLocation)
        return self
    }
}

