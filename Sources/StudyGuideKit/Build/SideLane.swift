internal import Foundation

/// Work that runs on a thread of its own beside the build's other stages, one job after
/// another in the order given: the whole Anki deck is written while the next batch of pages is
/// made, and the search index while the listing pages are. A cached build copies most of the
/// deck and rewrites the postings on one core each; side by side with the rest, the second
/// core does them.
///
/// With one worker (`--jobs 1`) nothing runs beside: jobs wait for the next `wait()` and run
/// there, in order, so the build keeps to one thread and its stage times stay where they were.
final class SideLane: @unchecked Sendable {
    /// The stage the jobs belong to (`StageTimes.join` reports it).
    let stage: String
    private let queue: DispatchQueue
    private let group = DispatchGroup()
    private let context: BuildContext
    private let beside: Bool
    private let lock = NSLock()
    private var pending: [@Sendable () -> Void] = []
    private var busy: Duration = .zero

    init(stage: String) {
        self.stage = stage
        context = BuildContext.current
        beside = context.workers != 1
        queue = DispatchQueue(label: "studyguide.\(stage)")
    }

    /// Runs `job` after the jobs given before it, with the build's context (workers, cancellation,
    /// highlighting) as where it was given.
    func run(_ job: @escaping @Sendable () -> Void) {
        lock.withLock { pending.append(job) }
        guard beside else { return }
        group.enter()
        // The block holds the lane, not the job: Dispatch lets a block go only after it returns,
        // after `wait()` has returned, and a job's captures (the body cache, whose lock the next
        // build takes) must be gone by then.
        queue.async { [self] in
            var job: (@Sendable () -> Void)? = lock.withLock { pending.removeFirst() }
            let start = ContinuousClock.now
            BuildContext.$current.withValue(context) { job?() }
            job = nil
            let took = start.duration(to: .now)
            lock.withLock { busy += took }
            group.leave()
        }
    }

    /// Returns once every job given so far has run.
    func wait() {
        guard beside else {
            let jobs = lock.withLock {
                defer { pending = [] }
                return pending
            }
            for job in jobs { job() }
            return
        }
        group.wait()
    }

    /// How long the jobs ran on their own thread, in seconds (none with one worker: they ran in `wait`).
    var secondsBeside: Double {
        let busy = lock.withLock { self.busy }
        return Double(busy.components.seconds) + Double(busy.components.attoseconds) / 1e18
    }
}
