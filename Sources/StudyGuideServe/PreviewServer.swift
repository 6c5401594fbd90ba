internal import Foundation
internal import Hummingbird
internal import Logging
public import StudyGuideKit

/// `studyguide serve`: build, serve on loopback, watch the sources, rebuild and reload.
public enum PreviewServer {
    /// Runs until the process is stopped. `log` receives one line per event worth telling.
    public static func run(options: BuildOptions, host: String, port: Int, log: @escaping @Sendable (String) -> Void) async throws {
        let session = PreviewSession(options: options)
        let first = await session.rebuild()
        log(summary(first))
        let watcher = SiteWatcher(source: options.source, themes: options.themes)
        let app = Application(
            responder: PreviewResponder(session: session),
            // Idle connections close after 30 s; open pages stay connected through the 15 s pings.
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "studyguide"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                log("Serving at http://\(host):\(bound)/ (press Ctrl-C to stop)")
            },
            logger: {
                var logger = Logger(label: "studyguide.serve")
                logger.logLevel = .error
                return logger
            }()
        )
        let watch = Task {
            var previous = watcher.snapshot()
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(200))
                let current = watcher.snapshot()
                guard current != previous else { continue }
                previous = current
                log(summary(await session.rebuild()))
            }
        }
        defer { watch.cancel() }
        // Open pages hold event streams forever, so a graceful shutdown would wait on them;
        // a preview has nothing to save, and the CLI ends the process on SIGINT/SIGTERM itself.
        try await app.runService(gracefulShutdownSignals: [])
    }

    static func summary(_ report: BuildReport) -> String {
        let time = "\(Int((report.totalSeconds * 1000).rounded())) ms"
        if report.succeeded { return "Built \(report.pagesWritten) pages in \(time)" }
        let lines = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        return (lines + ["Build failed; still serving the last good site"]).joined(separator: "\n")
    }
}
