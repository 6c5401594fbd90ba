internal import FlyingSocks
internal import Foundation

/// One client connection: reads its requests one after another, answers each with the handler,
/// and closes when the client asks to, sends something malformed or too large, goes away, or goes
/// quiet (IdleTimeoutPool).
enum ConnectionLoop {
    /// A body up to this size is read and dropped so the connection stays usable; a larger one,
    /// or one framed by Transfer-Encoding, is refused and the connection closed.
    static let maxBodyBytes = 64 * 1024

    static func run(_ socket: AsyncSocket, handler: some HTTPHandler) async {
        defer { try? socket.close() }
        var reader = RequestReader(socket: socket)
        var current: RequestHead?
        do {
            while true {
                current = nil
                // A request must arrive whole within the idle timeout of the connection falling
                // idle, however it trickles in.
                let next = try await IdleTimeoutPool.$deadline.withValue(.now + Listener.idleTimeout) { try await reader.nextHead() }
                guard let head = next else { return }
                current = head
                if head.hasTransferEncoding {
                    throw RequestHead.Refusal(status: .lengthRequired, reason: "a request body needs a Content-Length")
                }
                guard head.contentLength <= maxBodyBytes else {
                    throw RequestHead.Refusal(status: .payloadTooLarge, reason: "request body over \(maxBodyBytes) bytes")
                }
                try await reader.skip(head.contentLength)
                let response = await answer(head.request, with: handler)
                guard try await ResponseWriter.send(response, answering: head, keepAlive: head.keepAlive, to: socket) else { return }
            }
        } catch let refused as RequestHead.Refusal {
            _ = try? await ResponseWriter.send(refusal(refused.status, refused.reason), answering: current, keepAlive: false, to: socket)
            await closeWhenClientIsDone(socket)
        } catch {
            // The client went away, or went quiet and IdleTimeoutPool shut the connection down.
        }
    }

    /// The client of a refused request may still be sending it, and closing a socket with unread
    /// data resets the connection, which can destroy the refusal before the client reads it. So
    /// stop sending, and read and drop what still comes, for a little while.
    private static func closeWhenClientIsDone(_ socket: AsyncSocket) async {
        shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        var dropped = 0
        await IdleTimeoutPool.$deadline.withValue(.now + lingerTime) {
            while dropped < lingerBytes, let bytes = try? await socket.read(atMost: 64 * 1024) {
                dropped += bytes.count
            }
        }
    }

    /// How much, and for how long, a refused client may go on sending before its connection closes.
    static let lingerBytes = 2 * 1024 * 1024
    static let lingerTime = Duration.seconds(2)

    private static func answer(_ request: HTTPRequest, with handler: some HTTPHandler) async -> HTTPResponse {
        do {
            return try await handler.handleRequest(request)
        } catch {
            return refusal(.internalServerError, "internal error")
        }
    }

    static func refusal(_ status: HTTPStatusCode, _ reason: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: Data((reason + "\n").utf8))
    }
}
