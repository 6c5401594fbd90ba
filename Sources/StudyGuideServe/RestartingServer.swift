internal import FlyingFox
internal import FlyingSocks

/// Runs FlyingFox's HTTP server, and runs it again if it stops. FlyingFox's server ends for good,
/// with every connection it holds, when accepting a connection fails — when the process runs out
/// of file descriptors, for one — where SwiftNIO paused accepting and carried on. Starting it again
/// on the same port keeps the preview up; open pages reconnect on their own.
enum RestartingServer {
    /// Idle connections close after this; open pages stay connected through the 15 s pings.
    static let idleTimeout = Duration.seconds(30)

    /// Returns only by throwing: when the server cannot start at all (the port is taken, say).
    /// `listening` hears the bound port once, `stopped` each time the server ended.
    static func run(on address: ListenAddress, handler: some HTTPHandler,
                    listening: (UInt16) -> Void, stopped: (any Error) -> Void) async throws {
        var address = address
        var started = false
        while true {
            let server = HTTPServer(config: try configuration(address), handler: handler)
            let failure = try await runOnce(server) { bound in
                // A port of 0 picked a free one; a restart must come back on that same port.
                address = ListenAddress(ip: address.ip, port: bound)
                if !started { listening(bound) }
                started = true
            }
            guard started else { throw failure }
            stopped(failure)
            try await Task.sleep(for: .seconds(1))
        }
    }

    static func configuration(_ address: ListenAddress) throws -> HTTPServer.Configuration {
        HTTPServer.Configuration(
            address: try address.socketAddress(),
            // The time a handler may take to produce a response; a streamed body is not counted.
            timeout: 30,
            // FlyingFox holds a request body up to this size in memory; ours are dropped unread.
            sharedRequestReplaySize: RequestLimits.maxBodyBytes,
            pool: IdleTimeoutPool(base: HTTPServer.defaultPool(), idleTimeout: idleTimeout),
            logger: .disabled
        )
    }

    private enum Event {
        case listening(UInt16)
        case notListening
        case stopped(any Error)
    }

    /// Runs `server` until it stops and returns why; calls `listening` with its port once it listens.
    private static func runOnce(_ server: HTTPServer, listening: (UInt16) -> Void) async throws -> any Error {
        try await withThrowingTaskGroup(of: Event.self) { group in
            group.addTask {
                do {
                    try await server.run()
                    return .stopped(CancellationError())
                } catch {
                    return .stopped(error)
                }
            }
            group.addTask {
                try? await server.waitUntilListening(timeout: 60)
                guard case .ip4(_, let port)? = await server.listeningAddress else { return .notListening }
                return .listening(port)
            }
            for try await event in group {
                switch event {
                case .listening(let port): listening(port)
                case .notListening: continue
                case .stopped(let error):
                    group.cancelAll()
                    return error
                }
            }
            return CancellationError()
        }
    }
}
