import Foundation
import StudyGuideKit

/// One line on a terminal, rewritten in place, for builds that take longer than a second:
/// the last finished stage and the pages rendered. Nothing when standard error is not a
/// terminal (CI logs, pipes) or with --quiet.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var stage = "load"
    private var pages = ""
    private var shown = false

    /// A progress line when standard error is a terminal, else nil.
    static func forTerminal(quiet: Bool) -> ProgressLine? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressLine()
    }

    func observe(_ event: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .finished(let name): stage = name + " done"
        case let .pages(done, total): stage = "pages"; pages = " \(done) of \(total)"
        }
        let now = ContinuousClock.now
        guard now - start > .seconds(1) else { return }
        if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        shown = true
        let seconds = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18
        draw(String(format: "building… %.1f s, %@%@", seconds, stage, stage == "pages" ? pages : ""))
    }

    /// Clears the line before the summary or the problems are printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { draw("") }
    }

    private func draw(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
}
