// Covers: the real `studyguide` binary: exit codes, diagnostics on stderr, the summary, --quiet and --verbose.
import Foundation
import Testing

@Suite struct CLITests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the binary `swift build` put next to the tests.
    static func studyguide(_ arguments: [String], in directory: URL, input: String? = nil) throws -> Run {
        let candidates = ["debug", "release"].map { Repository.root.appendingPathComponent(".build/\($0)/studyguide") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func aGoodBuildPrintsASummaryAndExitsZero() throws {
        let site = try TestSite.minimal()
        let run = try Self.studyguide(["build", "--themes", Repository.themes], in: site.directory)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Built "))
        #expect(run.stdout.contains("pages"))
        #expect(run.stderr == "")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("basics/first.html").path))
    }

    @Test func quietPrintsNothingAndVerbosePrintsEachStage() throws {
        let site = try TestSite.minimal()
        let quiet = try Self.studyguide(["build", "--quiet", "--themes", Repository.themes], in: site.directory)
        #expect(quiet.status == 0 && quiet.stdout == "" && quiet.stderr == "")
        let verbose = try Self.studyguide(["build", "--verbose", "--themes", Repository.themes], in: site.directory)
        for stage in ["start", "load", "parse", "resolve", "theme", "static", "markdown", "pages", "search", "study", "anki", "links", "swap"] { #expect(verbose.stdout.contains("  \(stage) ")) }
        // The process's start (libraries, runtime, arguments) is the first stage: nothing before it goes untimed.
        #expect(verbose.stdout.split(separator: "\n").first { $0.hasPrefix("  ") }?.hasPrefix("  start ") == true)
        // Each stage line gives its CPU time beside its wall time.
        #expect(verbose.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(" cpu ") && $0.contains(" peak ") }.count >= 13)
    }

    @Test func aBadFileExitsOneWithPathLineColumnOnStderr() throws {
        let site = try TestSite.minimal(["content/basics/first.md": TestSite.question(title: "Q", extra: "dificulty: hard\n")])
        let run = try Self.studyguide(["build", "--themes", Repository.themes, "--source", "."], in: site.directory)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("content/basics/first.md:6:1: error: unknown key 'dificulty' (did you mean 'difficulty'?) [unknown-key]\n"))
        #expect(run.stderr.contains("error: build failed with 1 error;"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aSourceFolderIsShownAsTyped() throws {
        let site = try TestSite.minimal(["content/basics/first.md": "---\ntitle: [\n---\n"])
        let run = try Self.studyguide(["build", "--source", site.directory.lastPathComponent, "--themes", Repository.themes],
                                      in: site.directory.deletingLastPathComponent())
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(site.directory.lastPathComponent)/content/basics/first.md:"))
    }

    @Test func markdownModeRendersStandardInputLikeCmark() throws {
        let run = try Self.studyguide(["markdown", "-e", "strikethrough"], in: Repository.root, input: "# Hi\n\n~~x~~\n")
        #expect(run.status == 0)
        #expect(run.stdout == "<h1>Hi</h1>\n<p><del>x</del></p>\n")
    }
}

@Suite struct CheckAndNewCLITests {
    @Test func checkExitsOneOnErrorsAndPrintsEachFormat() throws {
        let folder = Repository.fixture("check/schema")
        let text = try CLITests.studyguide(["check"], in: folder)
        #expect(text.status == 1)
        #expect(text.stdout.contains("content/basics/a.md:3:13: error: 'hard' is not a valid difficulty"))
        #expect(text.stderr == "check: 3 errors, 0 warnings\n")
        let github = try CLITests.studyguide(["check", "--format", "github"], in: folder)
        #expect(github.stdout.hasPrefix("::error file=content/basics/a.md,line=3,col=13,title=schema::"))
        let json = try CLITests.studyguide(["check", "--format", "json"], in: folder)
        #expect(json.stdout.hasPrefix("{\"errors\":3,\"warnings\":0,"))
    }

    @Test func checkExitsZeroOnWarningsUnlessStrict() throws {
        let folder = Repository.fixture("check/heading-level")
        #expect(try CLITests.studyguide(["check"], in: folder).status == 0)
        #expect(try CLITests.studyguide(["check", "--strict"], in: folder).status == 1)
        #expect(try CLITests.studyguide(["check"], in: Repository.fixture("check/clean")).stderr == "check: no problems\n")
    }

    @Test func newPrintsThePathAndRefusesToOverwrite() throws {
        let site = try TestSite.minimal()
        let first = try CLITests.studyguide(["new", "basics", "What is a B-tree?", "--kind", "technical"], in: site.directory)
        #expect(first.status == 0)
        #expect(first.stdout == "content/basics/what-is-a-b-tree.md\n")
        let again = try CLITests.studyguide(["new", "basics", "What is a B-tree?"], in: site.directory)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; not overwriting it"))
        let unknown = try CLITests.studyguide(["new", "basic", "Anything"], in: site.directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown category 'basic' (did you mean 'basics'?)"))
    }
}
