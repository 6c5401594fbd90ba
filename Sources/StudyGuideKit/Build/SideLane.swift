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
    private let context: BuildContext
    private let beside: Bool
    /// Guards `pending`, `unfinished` and `busy`, and is signalled as each job finishes.
    private let finished = NSCondition()
    private var pending: [@Sendable () -> Void] = []
    /// Jobs given and not yet finished.
    private var unfinished = 0
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
        finished.withLock {
            pending.append(job)
            unfinished += 1
        }
        guard beside else { return }
        // The block holds the lane, not the job: Dispatch lets a block go only after it returns,
        // after `wait()` has returned, and a job's captures (the body cache, whose lock the next
        // build takes) must be gone by then.
        queue.async { [self] in
            var job: (@Sendable () -> Void)? = finished.withLock { pending.removeFirst() }
            let start = ContinuousClock.now
            BuildContext.$current.withValue(context) { job?() }
            job = nil
            let took = start.duration(to: .now)
            finished.withLock {
                busy += took
                unfinished -= 1
                finished.broadcast()
            }
        }
    }

    /// Returns once no more than `outstanding` of the jobs given so far are yet to finish (the
    /// newest ones: jobs run in order); by default, once every job has run.
    func wait(leaving outstanding: Int = 0) {
        guard beside else {
            while let job = finished.withLock({ () -> (@Sendable () -> Void)? in
                guard unfinished > outstanding else { return nil }
                unfinished -= 1
                return pending.removeFirst()
            }) {
                job()
            }
            return
        }
        finished.withLock {
            while unfinished > outstanding { finished.wait() }
        }
    }

    /// How long the jobs ran on their own thread, in seconds (none with one worker: they ran in `wait`).
    var secondsBeside: Double {
        let busy = finished.withLock { self.busy }
        return Double(busy.components.seconds) + Double(busy.components.attoseconds) / 1e18
    }
}
