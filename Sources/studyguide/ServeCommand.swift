import ArgumentParser
import Foundation
import StudyGuideKit
import StudyGuideServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve on this machine, and rebuild and reload pages when a source changes.",
        discussion: "Watches content/, themes/, layouts/, static/ and site.yml. A broken file keeps the last good site up and shows the problems in the terminal and over the page."
    )

    @Option(name: .long, help: "The site folder, holding site.yml and content/.")
    var source = "."

    @Option(name: .long, help: "Where themes live (default: <source>/themes).")
    var themes: String?

    @Option(name: .long, help: "The address to listen on. Only 127.0.0.1 is reachable from this machine alone.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    /// The root command stays synchronous (valgrind cannot run an async `main` of this
    /// toolchain, and the leak check runs the same binary), so `serve` waits for its server here.
    func run() throws {
        let outcome = ServeOutcome()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do { try await serve() } catch { outcome.error = error }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = outcome.error { throw error }
    }

    private func serve() async throws {
        // The preview builds into its own folder, so public/ is never touched by serving.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-serve-\(getpid())/site")
        var options = BuildOptions(source: source, output: output.path, themes: themes, includeDrafts: drafts)
        // The full build after each edit renders again only the answers that changed.
        options.cacheFolder = output.deletingLastPathComponent().appendingPathComponent("cache").path
        // A signal handler may only do async-signal-safe work, so it just exits; the preview
        // folder it leaves behind is removed by the next `serve` (removeStalePreviews).
        let stop: @convention(c) (Int32) -> Void = { _ in _exit(0) }
        signal(SIGINT, stop)
        signal(SIGTERM, stop)
        removeStalePreviews()
        try await PreviewServer.run(options: options, host: host, port: port) { line in Terminal.out(line) }
    }

    /// Preview folders of servers that have exited (their process id no longer runs).
    private func removeStalePreviews() {
        let temporary = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix("studyguide-serve-") {
            guard let pid = Int32(name.dropFirst("studyguide-serve-".count)), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }
}

/// Carries the server's error from its task back to the waiting command.
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
