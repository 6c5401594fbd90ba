internal import FlyingSocks
internal import Foundation

/// FlyingSocks' socket pool with the idle timeout it lacks: a connection that has waited longer
/// than `idleTimeout` for its peer — for a request, or for room to send a response — is shut
/// down. Shutting a socket down wakes the wait with an error, and the connection then closes.
/// A task may set its own deadline for its waits (`deadline`).
///
/// Open pages stay connected: their event stream only writes, and each 15 s ping goes out at
/// once. The listening socket is never timed out.
struct IdleTimeoutPool: AsyncSocketPool {
    let base: any AsyncSocketPool
    let idleTimeout: Duration
    private let waits = WaitingSockets()

    /// When the current task's waits must be over. ConnectionLoop gives a whole request one idle
    /// timeout, so a request trickling in byte by byte cannot hold its connection for ever.
    /// Unset, each wait may last `idleTimeout` from its own start.
    @TaskLocal static var deadline: ContinuousClock.Instant?

    init(base: any AsyncSocketPool, idleTimeout: Duration) {
        self.base = base
        self.idleTimeout = idleTimeout
    }

    func prepare() async throws {
        try await base.prepare()
    }

    /// Runs the wrapped pool and, beside it, a check every second for waits past their deadline.
    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await base.run() }
            group.addTask {
                while true {
                    try await Task.sleep(for: .seconds(1))
                    waits.shutDown(expiredAt: .now)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        if (try? socket.getValue(for: BoolSocketOption(name: SO_ACCEPTCONN))) == true {
            return try await base.suspendSocket(socket, untilReadyFor: events)
        }
        let wait = waits.add(socket.file.rawValue, deadline: Self.deadline ?? .now + idleTimeout)
        defer { waits.remove(wait) }
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}

/// The sockets waiting for their peer, and until when they may.
final class WaitingSockets: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Int: (file: Int32, deadline: ContinuousClock.Instant)] = [:]
    private var nextID = 0

    /// Records a wait; returns its id for `remove`.
    func add(_ file: Int32, deadline: ContinuousClock.Instant) -> Int {
        lock.withLock {
            nextID += 1
            waits[nextID] = (file, deadline)
            return nextID
        }
    }

    func remove(_ id: Int) {
        lock.withLock { _ = waits.removeValue(forKey: id) }
    }

    /// Shuts down every socket whose deadline has passed at `now`. This happens under the lock, and
    /// a wait is removed before its connection can close the socket, so the descriptor shut down
    /// still belongs to the waiting connection and never to a newer one that reuses its number.
    func shutDown(expiredAt now: ContinuousClock.Instant) {
        lock.withLock {
            for (id, wait) in waits where wait.deadline <= now {
                shutdown(wait.file, Int32(SHUT_RDWR))
                waits[id] = nil
            }
        }
    }

    var count: Int { lock.withLock { waits.count } }
}
