internal import Foundation

/// How long the process had run when a command began: loading its libraries, starting the Swift
/// runtime and reading its arguments happen before any stage, and `build --verbose` reports them
/// as the `start` stage so that its stages add up to the time the command takes.
///
/// Until a command starts its first worker the process has one thread doing work that waits on
/// nothing but memory, so the CPU time it has used is the time it has run (the two agree within
/// half a millisecond here). The clock the kernel started it by counts in hundredths of a second.
public struct ProcessStart: Sendable {
    /// The time since the process began, when `now()` was asked.
    let seconds: Double
    let instant: ContinuousClock.Instant

    /// Call before the command starts any thread.
    public static func now() -> ProcessStart {
        var used = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used)
        return ProcessStart(seconds: Double(used.tv_sec) + Double(used.tv_nsec) / 1e9, instant: .now)
    }

    /// The time from the process's start to now.
    var elapsed: Double {
        let since = ContinuousClock.now - instant
        return seconds + Double(since.components.seconds) + Double(since.components.attoseconds) / 1e18
    }
}
