public import StudyGuideKit
internal import Foundation

/// `studyguide serve`: build, serve on loopback, watch the sources, rebuild and reload.
public enum PreviewServer {
    /// Runs until the process is stopped. `log` receives one line per event worth telling.
    public static func run(options: BuildOptions, host: String, port: Int, log: @escaping @Sendable (String) -> Void) async throws {
        let address = try ListenAddress(host: host, port: port)
        let session = PreviewSession(options: options)
        let first = await session.rebuild()
        log(summary(first))
        let watcher = SourceWatcher.start(source: options.source, themes: options.themes,
                                          polling: ProcessInfo.processInfo.environment["STUDYGUIDE_WATCH"] == "poll")
        log("Watching the sources by \(watcher.mechanism)")
        let watch = Task {
            // Changes made while one batch is handled wait as one batch for the next.
            for await _ in watcher.signals {
                await session.sourcesChanged(watcher.takeChanges(), log: log)
            }
        }
        defer {
            watch.cancel()
            watcher.stop()
        }
        // There is no graceful shutdown: open pages hold event streams forever, a preview has
        // nothing to save, and the CLI ends the process on SIGINT/SIGTERM itself.
        try await Listener.run(on: address, handler: PreviewResponder(session: session)) { bound in
            log("Serving at http://\(host):\(bound)/ (press Ctrl-C to stop)")
        }
    }

    static func summary(_ report: BuildReport) -> String {
        let time = "\(Int((report.totalSeconds * 1000).rounded())) ms"
        if report.succeeded { return "Built \(report.pagesWritten) pages in \(time)" }
        let lines = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        return (lines + ["Build failed; still serving the last good site"]).joined(separator: "\n")
    }
}
