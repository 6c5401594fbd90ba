import ArgumentParser
import StudyGuideKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site that builds and checks with no problems.",
        discussion: "Writes site.yml, a home page, a category with two example questions, a guide, a .gitignore and a GitHub Pages workflow. The default theme is built in. A folder that is not empty is refused unless --force is given, and an existing file is never overwritten."
    )

    @Argument(help: "The folder of the new site (created when missing).")
    var directory = "."

    @Option(name: .long, help: "The site's title.")
    var title = "Interview Study Guide"

    @Flag(name: .long, help: "Add the starter files to a folder that is not empty, keeping every existing file.")
    var force = false

    func run() throws {
        do {
            let outcome = try SiteScaffold.create(in: directory, title: title, force: force)
            for path in outcome.created { Terminal.out("created \(path)") }
            for path in outcome.kept { Terminal.out("kept    \(path) (already there)") }
            let prefix = directory == "." ? "" : " --source \(directory)"
            Terminal.out("Next: studyguide serve\(prefix)   (preview), studyguide build\(prefix)   (the site in public/)")
        } catch {
            Terminal.err("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
