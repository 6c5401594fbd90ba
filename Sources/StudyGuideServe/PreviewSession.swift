public import Foundation
public import StudyGuideKit
internal import StudyGuideHighlight

/// The state of a preview: builds into a private folder, remembers whether the last build
/// failed, and tells open pages to reload or to show the problems. A failed build leaves the
/// last good site in place, exactly as `build` does.
///
/// An edit is shown in two steps. First, when it is an edit `LivePreview` can show alone (any
/// edit to questions, added, deleted and moved ones included), the pages that show it are
/// rendered again and written in place, and open pages reload: milliseconds. Then a
/// full build runs off the actor, redoing the search index, study data, decks and feeds; edits
/// made meanwhile are shown alone at once and built again after it.
public actor PreviewSession {
    public let options: BuildOptions
    /// Keeps each code block's highlighted HTML, so a rebuild highlights only blocks that changed.
    private let codeHighlighter = CodeHighlighter(cachingBlocks: true)
    let reload = LiveReload()
    private(set) var version = 0
    private(set) var problems: [Diagnostic] = []
    /// The last good build's site, for edits shown alone.
    private var live: LivePreview?
    /// Files changed since the running full build started (or waiting for the next one).
    private var changedSinceBuild: Set<String> = []
    /// Whether every change waiting for the full build was already shown alone.
    private var allShownAlone = true
    private var building = false
    /// The running full build's, to stop it when a newer edit makes it moot.
    private var runningBuild: BuildCancellation?
    /// Counts edits, so that a full build waits for a short quiet spell.
    private var edits = 0
    /// How long the sources must stay unchanged before a full build starts: a burst of saves
    /// (an editor's format-on-save, a branch switch) becomes one build.
    static let quietBeforeBuild: Duration = .milliseconds(150)

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Where the served site lives.
    public nonisolated var root: URL { options.output }

    /// Builds, then tells every open page what happened (at start, and when polling).
    @discardableResult
    public func rebuild() async -> BuildReport {
        let (report, live) = await Self.fullBuild(options, codeHighlighter: codeHighlighter)
        await land(report, live, reloading: true)
        return report
    }

    /// Sources changed: shows what it can at once, then starts (or queues) a full build, whose
    /// result goes to `log` with the rest. Returns without waiting for the full build.
    public func sourcesChanged(_ paths: Set<String>, log: @escaping @Sendable (String) -> Void) async {
        let start = ContinuousClock.now
        var shownAlone = false
        if let live, case .written(let files) = apply(paths, to: live), !files.isEmpty {
            shownAlone = true
            // A fix to every file with a problem clears the problems now; the full build confirms.
            if problems.allSatisfy({ problem in paths.contains { Self.names($0, problem.location.path, under: options.source) } }) {
                problems = []
            }
            version += 1
            await reload.reload(version: version)
            log("Showed the edit on \(files.count) pages in \(Self.milliseconds(since: start)); a full build follows")
        }
        changedSinceBuild.formUnion(paths)
        allShownAlone = allShownAlone && shownAlone
        edits += 1
        // The running build is of sources that are no longer current: it stops, and the loop
        // below starts another once the sources are quiet.
        runningBuild?.cancel()
        guard !building else { return }
        building = true
        Task { await buildWhileChanged(log: log) }
    }

    /// Full builds until no change waits; each lands, then the changes made during it are shown alone.
    private func buildWhileChanged(log: @Sendable (String) -> Void) async {
        while !changedSinceBuild.isEmpty {
            var seen = -1
            while seen != edits {
                seen = edits
                try? await Task.sleep(for: Self.quietBeforeBuild)
            }
            let pending = changedSinceBuild
            let pendingShownAlone = allShownAlone
            changedSinceBuild = []
            allShownAlone = true
            let cancellation = BuildCancellation()
            runningBuild = cancellation
            let (report, live) = await Self.fullBuild(options, cancellation: cancellation, codeHighlighter: codeHighlighter)
            runningBuild = nil
            if report.cancelled {
                // Built again with what it was for and what came since.
                changedSinceBuild.formUnion(pending)
                allShownAlone = allShownAlone && pendingShownAlone
                continue
            }
            await land(report, live, reloading: !pendingShownAlone)
            log(PreviewServer.summary(report))
            if !changedSinceBuild.isEmpty, let live, case .written(let files) = apply(changedSinceBuild, to: live), !files.isEmpty {
                // The build swapped in a folder without edits made while it ran: show them again.
                version += 1
                await reload.reload(version: version)
            }
        }
        building = false
    }

    /// Shows an edit alone, highlighting code with the session's highlighter.
    private func apply(_ paths: Set<String>, to live: LivePreview) -> LivePreview.Outcome {
        let root = root
        return BuildContext.$current.withValue(BuildContext(codeHighlighter: codeHighlighter)) { live.apply(paths, into: root) }
    }

    /// Runs off the actor, so that edits are shown while it builds.
    private nonisolated static func fullBuild(_ options: BuildOptions, cancellation: BuildCancellation? = nil,
                                              codeHighlighter: CodeHighlighter) async -> (BuildReport, LivePreview?) {
        var options = options
        options.keepsPreview = true
        options.recordsInputs = true
        var report = BuildContext.$current.withValue(BuildContext(cancellation: cancellation, codeHighlighter: codeHighlighter)) { SiteBuilder.build(options) }
        let live = report.succeeded ? report.preview : nil
        report.preview = nil
        return (report, live)
    }

    private func land(_ report: BuildReport, _ live: LivePreview?, reloading: Bool) async {
        if report.succeeded {
            self.live = live
            let hadProblems = !problems.isEmpty
            problems = []
            if reloading || hadProblems {
                version += 1
                await reload.reload(version: version)
            }
        } else {
            problems = report.diagnostics.filter { $0.severity == .error }
            await reload.send(.problems(problemsJSON))
        }
    }

    /// Whether the absolute `path` is the file a diagnostic shows as `shown` (relative to where
    /// the command ran, so it ends with the path inside the site folder).
    private static func names(_ path: String, _ shown: String, under source: URL) -> Bool {
        let folder = source.standardizedFileURL.path + "/"
        guard path.hasPrefix(folder) else { return false }
        let relative = String(path.dropFirst(folder.count))
        return shown == relative || shown.hasSuffix("/" + relative)
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms"
    }

    /// The event a page gets when it connects: the current problems, if any.
    func greeting() -> LiveReload.Event? {
        problems.isEmpty ? nil : .problems(problemsJSON)
    }

    private var problemsJSON: String {
        DiagnosticFormat.json.render(problems).trimmingCharacters(in: .newlines)
    }
}
