internal import Dispatch
internal import Foundation
public import StudyGuideHighlight

/// How a build runs, set by its caller for the whole build (one task-local value: Swift's
/// runtime crashed when two task-locals were nested outside any task, as the CLI's are).
public struct BuildContext: Sendable {
    /// Threads of the parallel stages. nil: every core (Dispatch decides). A number pins the
    /// count, so a test can prove that one worker and several write the same bytes.
    public var workers: Int?
    /// Told about finished stages and rendered pages; the CLI draws a progress line with it.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Questions rendered and written together (`SiteRenderer.batchSize` when nil); a multiple of
    /// the study data's chunk. A test sets a small one to prove batches do not change the bytes.
    var questionBatch: Int?
    /// Postings made and written together at most (`SearchIndexBuilder.postingsGroup` when nil).
    /// A test sets a small one to prove that writing the index in parts does not change it.
    var postingsGroup: Int?
    /// Stops the build early (`serve`, when a newer edit makes it moot).
    public var cancellation: BuildCancellation?
    /// Highlights code blocks (nil: none are); `serve` passes one that keeps each block's HTML
    /// between builds. A site whose `site.yml` says `highlight: false` builds with nil.
    public var codeHighlighter: CodeHighlighter?

    public init(workers: Int? = nil, progress: (@Sendable (BuildProgress) -> Void)? = nil, cancellation: BuildCancellation? = nil,
                codeHighlighter: CodeHighlighter? = .shared) {
        self.workers = workers
        self.progress = progress
        self.cancellation = cancellation
        self.codeHighlighter = codeHighlighter
    }

    /// Whether the build was asked to stop.
    var isCancelled: Bool { cancellation?.isCancelled ?? false }

    @TaskLocal public static var current = BuildContext()

    /// Runs `body` in the current context, without highlighting when the site turns it off.
    static func highlighting<Result>(_ enabled: Bool, _ body: () -> Result) -> Result {
        guard !enabled, current.codeHighlighter != nil else { return body() }
        var context = current
        context.codeHighlighter = nil
        return $current.withValue(context, operation: body)
    }
}

/// Maps over a collection on every core (or `BuildContext.current.workers` threads), keeping the order
/// of the input.
func parallelMap<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
    let workers = BuildContext.current.workers.map { max(1, min($0, items.count)) }
    guard items.count > 1, workers != 1 else { return items.map(transform) }
    let results = ResultSlots<Result>(count: items.count)
    guard let workers else {
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.values
    }
    // A fixed number of threads, each taking the next unclaimed item, so uneven pages balance.
    let next = NextIndex()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = next.claim(below: items.count) {
            results.store(transform(items[index]), at: index)
        }
    }
    return results.values
}

/// The next item to hand out, shared by the workers of one `parallelMap`.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func claim(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < count else { return nil }
        value += 1
        return value - 1
    }
}

/// Each slot is written by exactly one iteration and read after all have finished, which
/// `concurrentPerform` guarantees; that is why the unchecked Sendable is sound. The slots live
/// in memory allocated once: writing through an Array property from several threads would be
/// a Swift exclusivity race (ThreadSanitizer caught the first version doing that).
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    var values: [Value] { slots.map { $0! } }
}
