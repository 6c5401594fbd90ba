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
    // Each result is written straight into the array returned: at 100,000 files, slots copied
    // into an array afterwards held the parse stage's results twice (6 MB of its peak).
    return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        let slots = ResultSlots(buffer.baseAddress!)
        if let workers {
            // A fixed number of threads, each taking the next unclaimed item, so uneven pages balance.
            let next = NextIndex()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = next.claim(below: items.count) { slots.initialize(index, to: transform(items[index])) }
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: items.count) { index in slots.initialize(index, to: transform(items[index])) }
        }
        initialized = items.count
    }
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

/// The uninitialized storage of `parallelMap`'s result. Each slot is initialized by exactly one
/// iteration, and the array is handed back only after all have finished, which
/// `concurrentPerform` guarantees: that is why the unchecked Sendable is sound. Slots are written
/// through a pointer, never through an Array, whose writes from several threads would be a Swift
/// exclusivity race (ThreadSanitizer caught a first version doing that).
private struct ResultSlots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>

    init(_ base: UnsafeMutablePointer<Value>) { self.base = base }

    func initialize(_ index: Int, to value: Value) { (base + index).initialize(to: value) }
}
