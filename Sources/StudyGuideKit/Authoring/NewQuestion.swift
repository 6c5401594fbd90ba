internal import Foundation

/// `studyguide new`: a question file with valid front-matter and a body outline suited to
/// its kind, so a contributor starts from something `check` accepts.
public enum NewQuestion {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unknownCategory(String, known: [String])
        case alreadyExists(String)
        case slugTaken(String, by: String)
        case emptyTitle

        public var description: String {
            switch self {
            case let .unknownCategory(name, known):
                return "unknown category '\(name)'\(Suggestion.hint(for: name, in: known)); categories: \(known.joined(separator: ", "))"
            case .alreadyExists(let path): return "\(path) already exists; not overwriting it"
            case let .slugTaken(slug, path): return "slug '\(slug)' is already used by \(path); choose a different title"
            case .emptyTitle: return "the title must contain letters or digits"
            }
        }
    }

    /// Writes `content/<category>/<slug>.md` under `source` and returns its path as shown to the user.
    public static func create(source: String, category: String, title: String, kind: QuestionKind,
                              difficulty: Difficulty, today: ContentDate) throws(Failure) -> String {
        let options = BuildOptions(source: source)
        let content = options.source.appendingPathComponent("content")
        let categories = ((try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: content.appendingPathComponent("\($0)/_index.md").path) }
            .sorted()
        guard categories.contains(category) else { throw .unknownCategory(category, known: categories) }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else { throw .emptyTitle }
        let relative = "content/\(category)/\(slug).md"
        let file = options.source.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: file.path) else { throw .alreadyExists(options.displayPrefix + relative) }
        let loaded = ContentLoader.load(contentDirectory: content, displayPrefix: options.displayPrefix + "content/")
        if let clash = loaded.files.first(where: { loaded.contentPath(of: $0).hasSuffix("/\(slug).md") }) {
            throw .slugTaken(slug, by: loaded.displayPath(of: clash))
        }
        do {
            try Data(text(title: title, kind: kind, difficulty: difficulty, today: today).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw .alreadyExists(options.displayPrefix + relative)
        }
        return options.displayPrefix + relative
    }

    /// The file's text: front-matter, then an outline of the answer for this kind of question.
    public static func text(title: String, kind: QuestionKind, difficulty: Difficulty, today: ContentDate) -> String {
        let story = kind == .behavioral || kind == .situational || kind == .career
        var lines = [
            "---",
            "title: \(yamlString(title))",
            "difficulty: \(difficulty.rawValue)",
            "kind: \(kind.rawValue)",
            "summary: \"Write the short answer here, in one or two sentences.\"",
            "tags: []",
            "follow_ups: []",
        ]
        if story { lines.append("areas: []") }
        lines += ["red_flags: []", "related: []", "updated: \(today)", "---", ""]
        lines += outline(for: kind)
        return lines.joined(separator: "\n") + "\n"
    }

    static func outline(for kind: QuestionKind) -> [String] {
        switch kind {
        case .behavioral, .situational, .career:
            return [
                "## How to structure your answer", "",
                "Name the structure (for example STAR: situation, task, action, result) and what each part should hold.", "",
                "## What the interviewer is assessing", "",
                "Say what a strong answer shows about the candidate.", "",
                "## Example answer outline", "",
                "- **Situation:** the context, briefly.",
                "- **Task:** what you were responsible for.",
                "- **Action:** what you did, with the reasoning.",
                "- **Result:** the outcome, with a number if possible, and what you learned.", "",
                "## Pitfalls", "",
                "List what makes an answer to this question weak.",
            ]
        case .systemDesign:
            return [
                "## Requirements", "", "Functional and non-functional requirements, and what is out of scope.", "",
                "## Estimates", "", "Traffic, storage and bandwidth, roughly.", "",
                "## API and data model", "", "The main endpoints and tables or documents.", "",
                "## High-level design", "", "The components and how a request flows through them.", "",
                "## Scaling and trade-offs", "", "Bottlenecks, how to remove them, and what each choice costs.",
            ]
        case .practical:
            return [
                "## The task", "", "The exercise as an interviewer would set it.", "",
                "## A strong approach", "", "The steps, in order.", "",
                "## Reference solution", "", "A compact solution or skeleton in a fenced code block.", "",
                "## How it is graded", "", "What reviewers look for, and common mistakes.",
            ]
        case .technical:
            return [
                "## How it works", "", "Explain the idea in your own words.", "",
                "## Example", "", "A concrete example: code, SQL, an HTTP exchange or a comparison table.", "",
                "## Trade-offs and pitfalls", "", "When it helps, when it hurts, and common mistakes.", "",
                "## What a strong answer mentions", "", "- The points that separate a strong answer from a weak one.",
            ]
        }
    }

    /// A double-quoted YAML scalar.
    static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension ContentDate {
    /// Today in UTC (authoring only: builds never read the clock).
    public static func today() -> ContentDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return ContentDate(String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1))!
    }
}
