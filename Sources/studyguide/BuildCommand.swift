import ArgumentParser
import Foundation
import StudyGuideKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content/ into public/.",
        discussion: "Problems are printed as path:line:col: error: message. A build with errors writes nothing: the previous output stays as it was."
    )

    @Option(name: .long, help: "The site folder, holding site.yml and content/.")
    var source = "."

    @Option(name: .long, help: "Where to write the site (default: <source>/public).")
    var output: String?

    @Option(name: .long, help: "Where themes live (default: <source>/themes).")
    var themes: String?

    @Flag(name: .long, help: "Include questions and guides marked draft: true.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "The public address of the site; overrides base_url in site.yml.")
    var baseURL: String?

    @Option(name: .shortAndLong, help: "Threads for the parallel stages (default: every core). The output is the same for any number.")
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Keep what a build made in this folder, so that the next build over the same output redoes only what changed (e.g. .build/studyguide-cache).",
                                             discussion: "Rendered answers, their search terms and a ledger of the output's files. A damaged or foreign cache, or a file changed by hand in the output, is ignored; the output is the same with or without it."))
    var cache: String?

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print the time of each stage.")
    var verbose = false

    func run() throws {
        let start = ProcessStart.now()
        var options = BuildOptions(source: source, output: output, themes: themes, includeDrafts: drafts, baseURL: baseURL)
        options.processStart = start
        options.cacheFolder = cache
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        let progress = ProgressLine.forTerminal(quiet: quiet)
        let observer: (@Sendable (BuildProgress) -> Void)? = progress.map { line in { @Sendable event in line.observe(event) } }
        let report = jobs == nil && observer == nil
            ? SiteBuilder.build(options)
            : BuildContext.$current.withValue(BuildContext(workers: jobs, progress: observer)) { SiteBuilder.build(options) }
        progress?.finish()
        Terminal.print(report.diagnostics)
        if verbose {
            if cache != nil { Terminal.out("  cache    \(report.cachedParses) files not parsed again; \(report.cachedBodies) answers reused, \(report.renderedBodies) rendered; \(report.keptFiles) files kept from the last build\(report.searchUpdatedAnswers.map { "; search updated for \($0) changed answers" } ?? "")") }
            for stage in report.stages {
                let time = Terminal.milliseconds(stage.seconds).padding(toLength: 9, withPad: " ", startingAt: 0)
                let cpu = Terminal.milliseconds(stage.cpuSeconds).padding(toLength: 9, withPad: " ", startingAt: 0)
                let beside = stage.secondsBeside > 0 ? "; \(Terminal.milliseconds(stage.secondsBeside)) on its own thread" : ""
                Terminal.out("  \(stage.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(time) cpu \(cpu) peak \(stage.peakBytes >> 20) MiB\(beside)")
            }
        }
        guard report.succeeded else {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            Terminal.err("error: build failed with \(errors) error\(errors == 1 ? "" : "s"); \(options.output.path) was not changed")
            throw ExitCode.failure
        }
        if !quiet {
            let warnings = report.diagnostics.count
            Terminal.out("Built \(report.pagesWritten) pages (\(report.filesWritten) files) in \(Terminal.milliseconds(report.totalSeconds))"
                + " → \(Terminal.relative(options.output.path))" + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        }
    }
}
