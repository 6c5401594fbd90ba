public import ArgumentParser
import Foundation
public import StudyGuideKit

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content without writing anything.",
        discussion: "Reports schema problems, broken links and anchors, missing files, near-duplicate questions, repeated paragraphs, skipped heading levels and short answers. Exits 1 when there is an error."
    )

    @Option(name: .long, help: "The site folder, holding site.yml and content/.")
    var source = "."

    @Option(name: .long, help: "Output format: text, github (workflow annotations) or json.")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let diagnostics = SiteChecker.check(BuildOptions(source: source))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch format {
        case .json: Terminal.write(format.render(diagnostics))
        case .github, .text:
            Terminal.write(format.render(diagnostics))
            if format == .text {
                Terminal.err(errors + warnings == 0 ? "check: no problems" : "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}
