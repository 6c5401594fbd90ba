internal import Synchronization

/// Asks a running build to stop: the preview cancels its full build when a newer edit comes, so
/// that the edit is shown without the build competing for the cores, and builds again after.
/// A cancelled build stops between files or batches, writes nothing and leaves the output as it was.
public final class BuildCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
