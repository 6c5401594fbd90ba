internal import FlyingSocks

/// Reads a connection's requests: heads, one at a time and never more than RequestHead.maxBytes,
/// and bodies, which the preview skips. Bytes read past a head stay for the next request.
struct RequestReader {
    let socket: AsyncSocket
    private var buffer: [UInt8] = []

    init(socket: AsyncSocket) {
        self.socket = socket
    }

    /// The next request's head; nil when the client closed the connection between requests.
    mutating func nextHead() async throws -> RequestHead? {
        var scanned = 0
        while true {
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            if scanned == 0 {
                buffer.removeFirst(buffer.firstIndex { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") } ?? buffer.count)
            }
            if let end = RequestHead.end(in: buffer, from: scanned) {
                defer { buffer.removeFirst(end) }
                return try RequestHead(parsing: buffer[..<end])
            }
            guard buffer.count <= RequestHead.maxBytes else { throw RequestHead.tooLarge }
            scanned = max(0, buffer.count - 2)
            do {
                buffer += try await socket.read(atMost: 16 * 1024)
            } catch SocketError.disconnected where buffer.isEmpty {
                return nil
            }
        }
    }

    /// Reads and drops the next `count` bytes: a body the preview has no use for.
    mutating func skip(_ count: Int) async throws {
        var remaining = count
        while remaining > 0 {
            if buffer.isEmpty { buffer = try await socket.read(atMost: min(remaining, 16 * 1024)) }
            let taken = min(remaining, buffer.count)
            buffer.removeFirst(taken)
            remaining -= taken
        }
    }
}
