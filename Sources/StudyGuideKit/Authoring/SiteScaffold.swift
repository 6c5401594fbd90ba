internal import Foundation

/// `studyguide init`: a new site that builds and checks with no problems at once — the
/// configuration, a home page, one category with a technical and a behavioral question, one
/// guide, a `.gitignore` and a GitHub Pages workflow. The theme is the built-in one.
public enum SiteScaffold {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notEmpty(String)
        case notAFolder(String)
        case io(String)

        public var description: String {
            switch self {
            case .notEmpty(let path):
                return "\(path) is not empty; use --force to add the starter files (existing files are never overwritten)"
            case .notAFolder(let path): return "\(path) exists and is not a folder"
            case .io(let message): return message
            }
        }
    }

    /// What `create` did, with paths relative to the site folder.
    public struct Outcome: Equatable, Sendable {
        public var created: [String] = []
        /// Files that already existed and were left as they were.
        public var kept: [String] = []
    }

    /// Writes the starter site into `directory` (created when missing). A folder with files in
    /// it is refused unless `force`; even then an existing file is never replaced.
    public static func create(in directory: String, title: String, force: Bool) throws(Failure) -> Outcome {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notAFolder(directory) }
            let entries = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
            guard entries.isEmpty || force else { throw .notEmpty(directory) }
        }
        var outcome = Outcome()
        for (path, text) in files(title: title) {
            let url = root.appendingPathComponent(path)
            if fileManager.fileExists(atPath: url.path) {
                outcome.kept.append(path)
                continue
            }
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw .io("cannot write \(url.path): \(error.localizedDescription)")
            }
            outcome.created.append(path)
        }
        return outcome
    }

    /// The starter files: path relative to the site folder, and text.
    public static func files(title: String) -> [(path: String, text: String)] {
        [
            ("site.yml", siteConfig(title: title)),
            (".gitignore", StarterFiles.gitignore),
            (".github/workflows/deploy.yml", StarterFiles.deployWorkflow),
            ("content/_index.md", StarterFiles.home),
            ("content/databases/_index.md", StarterFiles.category),
            ("content/databases/what-is-an-index.md", StarterFiles.technicalQuestion),
            ("content/databases/slow-query-story.md", StarterFiles.behavioralQuestion),
            ("content/guides/writing-questions.md", StarterFiles.guide),
        ]
    }

    static func siteConfig(title: String) -> String {
        """
        # Settings of this StudyGuide site: title, description, language, theme, base_url, raw_html.
        title: \(NewQuestion.yamlString(title))
        description: "Interview questions with worked answers, to study online or offline."
        language: en
        # The built-in theme. To change a template, copy it into layouts/ (for example
        # layouts/question.mustache); to add or replace a stylesheet or script, use static/.
        theme: default
        # base_url: https://example.org/study-guide/   (enables the sitemap, the feed and canonical links)

        """
    }
}
