internal import FlyingFox

/// Checks FlyingFox leaves to us, made before a request is answered. FlyingFox accepts a request
/// head of any size and any version string, and leaves a body it was not asked to read on the
/// connection, where it would be parsed as the next request.
enum RequestLimits {
    /// The request line and header fields together: the limit SwiftNIO applied before.
    static let maxHeadBytes = 80 * 1024
    /// A preview takes no uploads, but a body this small is read and dropped so the connection
    /// stays usable; FlyingFox is configured to buffer no more than this (PreviewServer).
    static let maxBodyBytes = 64 * 1024

    struct Refusal: Equatable {
        let status: HTTPStatusCode
        let reason: String
    }

    /// Why the request must be refused, or nil to answer it.
    static func refusal(of request: HTTPRequest) async -> Refusal? {
        guard request.version.rawValue == "HTTP/1.1" || request.version.rawValue == "HTTP/1.0" else {
            return Refusal(status: .httpVersionNotSupported, reason: "only HTTP/1.1 and HTTP/1.0 are supported")
        }
        if headBytes(of: request) > maxHeadBytes {
            return Refusal(status: .requestHeaderFieldsTooLarge, reason: "request head over \(maxHeadBytes) bytes")
        }
        return await drainBody(of: request)
    }

    /// The size of the head as sent, give or take whitespace: the request line and each field line.
    static func headBytes(of request: HTTPRequest) -> Int {
        let line = request.method.rawValue.utf8.count + request.target.rawValue.utf8.count + request.version.rawValue.utf8.count + 4
        return request.headers.reduce(line) { $0 + $1.key.rawValue.utf8.count + $1.value.utf8.count + 4 }
    }

    private static func drainBody(of request: HTTPRequest) async -> Refusal? {
        let body = request.bodySequence
        if let count = body.count {
            guard count > 0 else { return nil }
            guard count <= maxBodyBytes else { return Refusal(status: .payloadTooLarge, reason: "request body over \(maxBodyBytes) bytes") }
        }
        var total = 0
        do {
            for try await chunk in body {
                total += chunk.count
                if total > maxBodyBytes { return Refusal(status: .payloadTooLarge, reason: "request body over \(maxBodyBytes) bytes") }
            }
        } catch {
            return Refusal(status: .badRequest, reason: "malformed request body")
        }
        return nil
    }
}
