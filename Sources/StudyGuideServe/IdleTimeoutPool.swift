internal import FlyingSocks
internal import Foundation

/// FlyingFox's socket pool with an idle timeout, which FlyingFox lacks: a connection that has
/// waited longer than `idleTimeout` for its peer — for the rest of a request, for the next request
/// on a kept-alive connection, or for room to send a response — is shut down. Shutting a socket
/// down wakes FlyingFox's wait with an error, and FlyingFox then closes the connection itself.
///
/// Open pages stay connected: their event stream only writes, and each 15 s ping goes out at
/// once. The listening socket is never timed out.
struct IdleTimeoutPool: AsyncSocketPool {
    let base: any AsyncSocketPool
    let idleTimeout: Duration
    private let waits = WaitingSockets()

    init(base: any AsyncSocketPool, idleTimeout: Duration) {
        self.base = base
        self.idleTimeout = idleTimeout
    }

    func prepare() async throws {
        try await base.prepare()
    }

    /// Runs FlyingFox's pool and, beside it, a check every second for waits past the timeout.
    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await base.run() }
            group.addTask {
                while true {
                    try await Task.sleep(for: .seconds(1))
                    waits.shutDown(waitingSince: .now - idleTimeout)
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
        let wait = waits.add(socket.file.rawValue)
        defer { waits.remove(wait) }
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}

/// The sockets waiting for their peer, and since when.
final class WaitingSockets: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Int: (file: Int32, since: ContinuousClock.Instant)] = [:]
    private var nextID = 0

    /// Records a wait that starts now; returns its id for `remove`.
    func add(_ file: Int32) -> Int {
        lock.withLock {
            nextID += 1
            waits[nextID] = (file, .now)
            return nextID
        }
    }

    func remove(_ id: Int) {
        lock.withLock { _ = waits.removeValue(forKey: id) }
    }

    /// Shuts down every socket waiting since before `deadline`. This happens under the lock, and a
    /// wait is removed before its connection can close the socket, so the descriptor shut down
    /// still belongs to the waiting connection and never to a newer one that reuses its number.
    func shutDown(waitingSince deadline: ContinuousClock.Instant) {
        lock.withLock {
            for (id, wait) in waits where wait.since < deadline {
                shutdown(wait.file, Int32(SHUT_RDWR))
                waits[id] = nil
            }
        }
    }

    var count: Int { lock.withLock { waits.count } }
}
