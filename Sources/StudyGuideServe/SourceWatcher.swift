internal import Foundation

/// Tells the preview when a site's sources change: `content/`, `layouts/`, `static/`, `site.yml`
/// and the themes folder. On Linux it listens to the kernel's file events (inotify), which arrive
/// within a millisecond of a save and cost nothing while nothing changes; where they are not
/// available (another system, or the watch limit reached) it polls every 200 ms, as before.
///
/// Events are debounced: a save is often several events (an editor writes a temporary file,
/// renames it over the original, then sets its attributes), and a `git checkout` is hundreds.
/// Changes that arrive while the consumer is busy rebuilding are merged into one batch.
final class SourceWatcher: @unchecked Sendable {
    /// A signal per batch of changes; read the batch with `takeChanges()`.
    let signals: AsyncStream<Void>
    /// How the sources are watched, for the log.
    let mechanism: String

    private let continuation: AsyncStream<Void>.Continuation
    private let lock = NSLock()
    private var pending: Set<String> = []
    private var stopper: (@Sendable () -> Void)?

    /// Folders and files of a site that a build reads, relative to its source folder.
    static let watched = ["content", "layouts", "static", "i18n", "site.yml"]

    /// Starts watching; returns once every existing folder is watched, so no later change is missed.
    static func start(source: URL, themes: URL, polling: Bool = false) -> SourceWatcher {
        let (signals, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        if !polling {
            switch FileEvents.open(source: source.standardizedFileURL.path, themes: themes.standardizedFileURL.path) {
            case .success(let events):
                let watcher = SourceWatcher(signals: signals, continuation: continuation, mechanism: "file events (inotify)")
                events.run(report: watcher.add)
                watcher.lock.withLock { watcher.stopper = events.stop }
                return watcher
            case .failure(let reason):
                let watcher = SourceWatcher(signals: signals, continuation: continuation,
                                            mechanism: "polling every 200 ms (\(reason))")
                watcher.startPolling(source: source, themes: themes)
                return watcher
            }
        }
        let watcher = SourceWatcher(signals: signals, continuation: continuation, mechanism: "polling every 200 ms")
        watcher.startPolling(source: source, themes: themes)
        return watcher
    }

    private init(signals: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation, mechanism: String) {
        self.signals = signals
        self.continuation = continuation
        self.mechanism = mechanism
    }

    deinit { stop() }

    /// The paths changed since the last call (absolute; `*` when the kernel dropped events and
    /// anything may have changed).
    func takeChanges() -> Set<String> {
        lock.withLock {
            defer { pending = [] }
            return pending
        }
    }

    func stop() {
        let stopper = lock.withLock {
            defer { self.stopper = nil }
            return self.stopper
        }
        stopper?()
        continuation.finish()
    }

    private func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        lock.withLock { pending.formUnion(paths) }
        continuation.yield()
    }

    /// Polls on a thread of its own: a build blocks the threads of Swift's task pool for seconds,
    /// and changes must still be noticed meanwhile.
    private func startPolling(source: URL, themes: URL) {
        let poller = PollingSnapshot(source: source, themes: themes)
        // Taken now, so that a change made as soon as `start` returns is a change.
        let first = poller.snapshot()
        let stopped = StopFlag()
        let thread = Thread { [weak self] in
            var previous = first
            while !stopped.isSet {
                usleep(200_000)
                let current = poller.snapshot()
                guard current != previous else { continue }
                let changed = Set(current.keys.filter { current[$0] != previous[$0] } + previous.keys.filter { current[$0] == nil })
                previous = current
                guard let self else { return }
                self.add(changed)
            }
        }
        thread.name = "studyguide polling"
        thread.start()
        lock.withLock { stopper = { stopped.set() } }
    }
}

/// Tells a polling thread to end.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// Modification times and sizes of every watched file: the fallback where file events are not
/// available. Cheap for a few hundred files; a large site should be watched by events.
struct PollingSnapshot: Sendable {
    let source: URL
    let themes: URL

    /// Path → (modification time, size) of every watched file.
    func snapshot() -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        let fileManager = FileManager.default
        let roots = SourceWatcher.watched.map { source.appendingPathComponent($0) } + [themes]
        for root in roots {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory) else { continue }
            let paths: [String]
            if isDirectory.boolValue {
                paths = (fileManager.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).map { root.path + "/" + $0 }
            } else {
                paths = [root.path]
            }
            for path in paths {
                guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
                result[path] = [modified, size]
            }
        }
        return result
    }
}
