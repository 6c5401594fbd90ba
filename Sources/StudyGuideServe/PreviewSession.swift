public import Foundation
public import StudyGuideKit

/// The state of a preview: builds into a private folder, remembers whether the last build
/// failed, and tells open pages to reload or to show the problems. A failed build leaves the
/// last good site in place, exactly as `build` does.
public actor PreviewSession {
    public let options: BuildOptions
    let reload = LiveReload()
    private(set) var version = 0
    private(set) var problems: [Diagnostic] = []

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Where the served site lives.
    public nonisolated var root: URL { options.output }

    /// Builds, then tells every open page what happened.
    @discardableResult
    public func rebuild() async -> BuildReport {
        let report = SiteBuilder.build(options)
        if report.succeeded {
            problems = []
            version += 1
            await reload.send(.reload(version: version))
        } else {
            problems = report.diagnostics.filter { $0.severity == .error }
            await reload.send(.problems(problemsJSON))
        }
        return report
    }

    /// The event a page gets when it connects: the current problems, if any.
    func greeting() -> LiveReload.Event? {
        problems.isEmpty ? nil : .problems(problemsJSON)
    }

    private var problemsJSON: String {
        DiagnosticFormat.json.render(problems).trimmingCharacters(in: .newlines)
    }
}
