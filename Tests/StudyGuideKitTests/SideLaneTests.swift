// Covers: `SideLane`, which runs a stage's jobs on a thread of its own beside the other stages:
// in the order given, all of them before `wait()` returns (all but the newest few before
// `wait(leaving:)` does), with the build's context; and with one worker, not beside anything but at
// the next wait, on the thread that waits.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct SideLaneTests {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    @Test func jobsRunInTheOrderGivenAndAllBeforeTheWaitReturns() {
        let log = Log()
        let lane = BuildContext.$current.withValue(BuildContext(workers: 2)) { SideLane(stage: "anki") }
        // The first job is the slowest: a lane that ran jobs side by side would log it last.
        for (index, pause) in [30_000, 1_000, 10_000, 0].enumerated() {
            lane.run {
                usleep(useconds_t(pause))
                log.add("job \(index)")
            }
        }
        lane.wait()
        #expect(log.all == ["job 0", "job 1", "job 2", "job 3"])
        #expect(lane.secondsBeside > 0.03)
    }

    /// What a job holds is let go before `wait()` returns: a job that held the body cache kept its
    /// folder locked for a moment after the build, and the next build ran without a cache.
    @Test func whatAJobHoldsIsGoneWhenTheWaitReturns() {
        final class Held: Sendable {}
        for _ in 0 ..< 200 {
            weak var watched: Held?
            let lane = BuildContext.$current.withValue(BuildContext(workers: 2)) { SideLane(stage: "search") }
            do {
                let held = Held()
                watched = held
                lane.run { withExtendedLifetime(held) {} }
            }
            lane.wait()
            #expect(watched == nil)
        }
    }

    @Test func jobsSeeTheContextTheLaneWasMadeIn() {
        let seen = Log()
        let lane = BuildContext.$current.withValue(BuildContext(workers: 3)) { SideLane(stage: "search") }
        lane.run { seen.add("\(BuildContext.current.workers ?? 0)") }
        lane.wait()
        #expect(seen.all == ["3"])
    }

    @Test func withOneWorkerJobsRunAtTheWaitOnTheWaitingThread() {
        let log = Log()
        let lane = BuildContext.$current.withValue(BuildContext(workers: 1)) { SideLane(stage: "anki") }
        let waiting = pthread_self()
        lane.run { log.add(pthread_self() == waiting ? "on the waiting thread" : "elsewhere") }
        usleep(20_000)
        #expect(log.all.isEmpty, "nothing ran before the wait")
        lane.wait()
        #expect(log.all == ["on the waiting thread"])
        #expect(lane.secondsBeside == 0, "its time is the waiting stage's")
    }

    /// The Anki deck's lane lets the last batch's notes be written while the next batch is made:
    /// a wait leaving one job returns once every older job has run, not before.
    @Test func aWaitLeavingJobsReturnsOnceOnlyTheNewestAreUnfinished() {
        for workers in [2, 1] {
            let log = Log()
            let lane = BuildContext.$current.withValue(BuildContext(workers: workers)) { SideLane(stage: "anki") }
            let release = DispatchSemaphore(value: 0)
            for (index, pause) in [20_000, 5_000].enumerated() {
                lane.run {
                    usleep(useconds_t(pause))
                    log.add("job \(index)")
                }
            }
            // The newest job cannot finish before the test lets it.
            lane.run {
                // (Not forever: a wait that waited for it too would fail, not hang.)
                if workers != 1 { _ = release.wait(timeout: .now() + 5) }
                log.add("job 2")
            }
            lane.wait(leaving: 1)
            #expect(log.all == ["job 0", "job 1"], "with \(workers) workers")
            release.signal()
            lane.wait()
            #expect(log.all == ["job 0", "job 1", "job 2"], "with \(workers) workers")
        }
    }
}
