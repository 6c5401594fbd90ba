internal import FlyingFox
internal import FlyingSocks
internal import Foundation

/// Sends a FlyingFox response over HTTP/1.1: a body of known length in one write with its
/// Content-Length, a body of unknown length (the event stream) piece by piece as it is produced,
/// and no body at all for HEAD.
enum ResponseWriter {
    /// Sends `response` to the request `head` (nil when the head could not be parsed) and returns
    /// whether the connection may carry another request.
    static func send(_ response: HTTPResponse, answering head: RequestHead?, keepAlive: Bool, to socket: AsyncSocket) async throws -> Bool {
        guard case .httpBody(let body) = response.payload else { return false }
        // FlyingFox hands a body of unknown length over already in chunks, and HTTP/1.0 has none.
        if body.count == nil, head?.isHTTP10 == true {
            let refusal = ConnectionLoop.refusal(.httpVersionNotSupported, "this response needs HTTP/1.1")
            return try await send(refusal, answering: head, keepAlive: keepAlive, to: socket)
        }
        var fields = response.headers
        if let count = body.count {
            fields[.contentLength] = String(count)
        } else {
            fields[.transferEncoding] = "chunked"
        }
        if !keepAlive {
            fields[.connection] = "close"
        } else if head?.isHTTP10 == true {
            fields[.connection] = "keep-alive"
        }
        fields[.date] = HTTPDate.now()
        fields[HTTPHeader("Server")] = "studyguide"
        var bytes = Data(headLines(status: response.statusCode, fields: fields).utf8)

        if head?.isHead == true {
            try await socket.write(bytes)
        } else if body.count != nil {
            bytes.append(try await response.bodyData)
            try await socket.write(bytes)
        } else {
            try await socket.write(bytes)
            for try await chunk in body {
                try await socket.write(chunk)
            }
        }
        return keepAlive
    }

    /// The status line and header fields, in name order so responses are the same every time.
    static func headLines(status: HTTPStatusCode, fields: HTTPHeaders) -> String {
        var text = "HTTP/1.1 \(status.code) \(status.phrase)\r\n"
        for (name, value) in fields.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            text += "\(name.rawValue): \(value)\r\n"
        }
        return text + "\r\n"
    }
}
