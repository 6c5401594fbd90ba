internal import FlyingSocks
internal import Foundation

/// Accepts connections and runs each in its own task, so a slow client holds up no one else.
enum Listener {
    /// Idle connections close after this; open pages stay connected through the 15 s pings.
    static let idleTimeout = Duration.seconds(30)

    /// Listens on `address` and never returns; throws only when it cannot listen (the port is
    /// taken, say). `listening` hears the bound port, which a port of 0 leaves to the system.
    static func run(on address: ListenAddress, handler: some HTTPHandler, listening: (UInt16) -> Void) async throws {
        #if canImport(Darwin)
        let base: any AsyncSocketPool = SocketPool<kQueue>.kQueue()
        #else
        let base: any AsyncSocketPool = SocketPool<ePoll>.ePoll()
        #endif
        let pool = IdleTimeoutPool(base: base, idleTimeout: idleTimeout)
        try await pool.prepare()
        let socket = try Socket(domain: Int32(AF_INET))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address.socketAddress())
            try socket.listen()
        } catch {
            try? socket.close()
            let why = if case .failed(_, _, let message) = error as? SocketError { message } else { error.localizedDescription }
            throw ListenAddress.Unusable(reason: "cannot listen on \(address.ip):\(address.port): \(why)")
        }
        guard case .ip4(_, let port) = try socket.sockname() else { throw SocketError.unsupportedAddress }
        let listener = try AsyncSocket(socket: socket, pool: pool)
        listening(port)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await pool.run() }
            while true {
                do {
                    let connection = try await listener.accept()
                    group.addTask { await ConnectionLoop.run(connection, handler: handler) }
                } catch {
                    // Out of file descriptors, or a connection reset before it was accepted: like
                    // SwiftNIO, pause a moment and carry on rather than stop serving.
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        }
    }
}
