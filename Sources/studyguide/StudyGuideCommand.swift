import ArgumentParser

@main
struct StudyGuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studyguide",
        abstract: "Builds the StudyGuide static site from Markdown questions.",
        subcommands: [BuildCommand.self, CheckCommand.self, InitCommand.self, NewCommand.self, ServeCommand.self, MarkdownCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    static func main() {
        AllocatorTuning.apply()
        main(nil)
    }
}
