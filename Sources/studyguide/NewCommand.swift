public import ArgumentParser
public import StudyGuideKit

extension QuestionKind: ExpressibleByArgument {}
extension Difficulty: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a question file with valid front-matter and an outline of the answer.",
        discussion: "The slug comes from the title. An existing file is never overwritten."
    )

    @Argument(help: "The category folder under content/, e.g. databases.")
    var category: String

    @Argument(help: "The question, as an interviewer would ask it.")
    var title: String

    @Option(name: .long, help: "technical, behavioral, situational, system-design, practical or career.")
    var kind: QuestionKind = .technical

    @Option(name: .long, help: "beginner, intermediate or advanced.")
    var difficulty: Difficulty = .intermediate

    @Option(name: .long, help: "The site folder, holding site.yml and content/.")
    var source = "."

    func run() throws {
        do {
            let path = try NewQuestion.create(source: source, category: category, title: title, kind: kind,
                                              difficulty: difficulty, today: .today())
            Terminal.out(path)
        } catch {
            Terminal.err("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
