internal import Foundation

/// What a long build tells a terminal while it runs. The pipeline never prints: it calls
/// `BuildContext.current.progress`, and the CLI decides whether and how to show it.
public enum BuildProgress: Sendable {
    /// A stage has finished.
    case finished(stage: String)
    /// Pages rendered so far, of all the pages of the site.
    case pages(done: Int, total: Int)
}

/// Counts rendered pages for the observer from any worker thread.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let observer: (@Sendable (BuildProgress) -> Void)?

    init(total: Int) {
        self.total = total
        observer = BuildContext.current.progress
    }

    func pageDone() {
        guard let observer else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        observer(.pages(done: now, total: total))
    }
}
