internal import FlyingSocks
internal import Foundation

/// Sends a response over HTTP/1.1: a body of known length in one write with its Content-Length,
/// the event stream in chunks (RFC 9112 §7.1) as its events happen, and no body at all for HEAD.
enum ResponseWriter {
    /// Sends `response` to the request `head` (nil when the head could not be parsed) and returns
    /// whether the connection may carry another request.
    static func send(_ response: HTTPResponse, answering head: RequestHead?, keepAlive: Bool, to socket: AsyncSocket) async throws -> Bool {
        var length: Int?
        if case .bytes(let data) = response.body { length = data.count }
        // HTTP/1.0 has no chunks.
        if length == nil, head?.isHTTP10 == true {
            let refusal = ConnectionLoop.refusal(.httpVersionNotSupported, "this response needs HTTP/1.1")
            return try await send(refusal, answering: head, keepAlive: keepAlive, to: socket)
        }
        var fields = response.headers
        if let length {
            fields[.contentLength] = String(length)
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

        switch response.body {
        case _ where head?.isHead == true:
            try await socket.write(bytes)
        case .bytes(let data):
            bytes.append(data)
            try await socket.write(bytes)
        case .stream(let stream):
            try await socket.write(bytes)
            var events = stream.makeAsyncIterator()
            while let piece = await events.nextBuffer(suggested: 16 * 1024) {
                var chunk = Data(String(piece.count, radix: 16).utf8)
                chunk.append(contentsOf: [0x0D, 0x0A])
                chunk.append(contentsOf: piece)
                chunk.append(contentsOf: [0x0D, 0x0A])
                try await socket.write(chunk)
            }
            try await socket.write(Data("0\r\n\r\n".utf8))
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
