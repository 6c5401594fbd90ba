import ArgumentParser
import Foundation
import StudyGuideHighlight
import StudyGuideMarkdown

/// Renders Markdown from standard input through the same wrapper the site uses, so the
/// cmark-gfm conformance runner can compare it with cmark-gfm's own output.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown from standard input to an HTML fragment.",
        shouldDisplay: false
    )

    @Option(name: [.customShort("e"), .customLong("extension")], help: "A GFM extension to enable (repeatable).")
    var extensions: [String] = []

    @Flag(name: .long, help: "Enable all six GFM extensions.")
    var allExtensions = false

    @Flag(name: .long, help: "Pass raw HTML through.")
    var unsafe = false

    @Flag(name: .long, help: "Curly quotes and dashes.")
    var smart = false

    @Flag(name: .customLong("heading-ids"), help: "Add heading ids and anchors, as the site does.")
    var headingIDs = false

    @Flag(name: .long, help: "Highlight fenced code blocks, as the site does.")
    var highlight = false

    func run() throws {
        var enabled: Set<MarkdownOptions.Extension> = allExtensions ? Set(MarkdownOptions.Extension.allCases) : []
        for name in extensions {
            guard let known = MarkdownOptions.Extension(rawValue: name) else {
                throw ValidationError("unknown extension '\(name)'")
            }
            enabled.insert(known)
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let options = MarkdownOptions(extensions: enabled, allowRawHTML: unsafe, headingIDs: headingIDs, smartPunctuation: smart,
                                      codeBlocks: highlight ? CodeHighlighter.shared : nil)
        FileHandle.standardOutput.write(Data(MarkdownRenderer.render([UInt8](input), options: options).html.utf8))
    }
}
