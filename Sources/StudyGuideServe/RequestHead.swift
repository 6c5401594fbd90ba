internal import Foundation

/// A request's line and header fields (RFC 9112 §2–5), parsed from the bytes up to its empty line.
/// Malformed heads are refused, not repaired: a preview server has no old clients to humour.
/// Lines may end in CRLF or a bare LF, as RFC 9112 §2.2 allows; a CR anywhere else is refused.
struct RequestHead: Sendable {
    let method: String
    /// As sent: still percent-encoded, query included.
    let target: String
    let version: String
    let fields: HTTPHeaders
    /// The length of the body that follows the head; 0 when there is none.
    let contentLength: Int
    /// Whether the body is framed by Transfer-Encoding, which the preview does not read.
    let hasTransferEncoding: Bool
    /// Whether the client wants the connection kept open after the response.
    let keepAlive: Bool

    /// The request line and fields together: SwiftNIO's limit, which the preview had before.
    static let maxBytes = 80 * 1024

    /// The answer to a head that cannot be served: its status and a reason for the body.
    struct Refusal: Error, Equatable {
        let status: HTTPStatusCode
        let reason: String
    }

    var isHead: Bool { method == "HEAD" }

    var isHTTP10: Bool { version == "HTTP/1.0" }

    /// The request as the handler takes it (the preview reads no bodies).
    var request: HTTPRequest {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequest(method: HTTPMethod(rawValue: method),
                           target: HTTPRequest.Target(rawPath: String(parts[0]), rawQuery: parts.count > 1 ? String(parts[1]) : ""),
                           headers: fields)
    }

    /// Where the head in `bytes` ends (just past its empty line), looking for it from `start`;
    /// nil while the empty line has not arrived.
    static func end(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count, let newline = bytes[index...].firstIndex(of: lf) {
            if newline + 1 < bytes.count, bytes[newline + 1] == lf { return newline + 2 }
            if newline + 2 < bytes.count, bytes[newline + 1] == cr, bytes[newline + 2] == lf { return newline + 3 }
            index = newline + 1
        }
        return nil
    }

    /// Parses a complete head: the bytes up to and including its empty line.
    init(parsing bytes: ArraySlice<UInt8>) throws(Refusal) {
        guard bytes.count <= Self.maxBytes else { throw Self.tooLarge }
        var lines: [ArraySlice<UInt8>] = []
        for var line in bytes.split(separator: Self.lf, omittingEmptySubsequences: false).dropLast(2) {
            if line.last == Self.cr { line = line.dropLast() }
            guard !line.contains(Self.cr) else { throw Self.malformed("a CR inside a line") }
            lines.append(line)
        }
        guard let requestLine = lines.first else { throw Self.malformed("no request line") }
        let parts = requestLine.split(separator: Self.space, omittingEmptySubsequences: false)
        guard parts.count == 3, Self.isToken(parts[0]), !parts[1].isEmpty,
              parts[1].allSatisfy({ $0 > Self.space && $0 < 0x7F })
        else { throw Self.malformed("a request line is METHOD SP TARGET SP VERSION") }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            guard version.hasPrefix("HTTP/") else { throw Self.malformed("no HTTP version") }
            throw Refusal(status: .httpVersionNotSupported, reason: "only HTTP/1.1 and HTTP/1.0 are supported")
        }
        self.method = String(decoding: parts[0], as: UTF8.self)
        self.target = String(decoding: parts[1], as: UTF8.self)
        self.version = version

        var fields = HTTPHeaders()
        var lengths: Set<String> = []
        for line in lines.dropFirst() {
            // A line starting with whitespace is obsolete line folding (§5.2), refused.
            guard let colon = line.firstIndex(of: Self.colon), Self.isToken(line[..<colon]) else {
                throw Self.malformed("a header field is NAME: VALUE")
            }
            let isBlank = { (byte: UInt8) in byte == Self.space || byte == Self.tab }
            let value = line[(colon + 1)...].drop(while: isBlank)
            let trimmed = value[..<(value.lastIndex { !isBlank($0) }.map { $0 + 1 } ?? value.startIndex)]
            guard trimmed.allSatisfy({ $0 == Self.tab || ($0 >= Self.space && $0 != 0x7F) }) else {
                throw Self.malformed("a control character in a header field")
            }
            let name = HTTPHeader(String(decoding: line[..<colon], as: UTF8.self))
            let text = String(decoding: trimmed, as: UTF8.self)
            if name == .contentLength { lengths.insert(text) }
            fields.addValue(text, for: name)
        }
        self.fields = fields

        // Two different lengths, or a length beside Transfer-Encoding, would let the client and
        // the server disagree on where the next request starts (§6.3).
        guard lengths.count <= 1 else { throw Self.malformed("conflicting Content-Length fields") }
        let length = lengths.first ?? "0"
        guard (1...18).contains(length.utf8.count), length.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let count = Int(length) else {
            throw Self.malformed("Content-Length is not a number")
        }
        self.contentLength = count
        self.hasTransferEncoding = fields[.transferEncoding] != nil
        guard !(hasTransferEncoding && !lengths.isEmpty) else { throw Self.malformed("both Content-Length and Transfer-Encoding") }

        let connection = (fields[.connection] ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        self.keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    static let tooLarge = Refusal(status: .requestHeaderFieldsTooLarge, reason: "request head over \(maxBytes) bytes")

    private static func malformed(_ why: String) -> Refusal {
        Refusal(status: .badRequest, reason: "malformed request: \(why)")
    }

    /// RFC 9110 §5.6.2: letters, digits and ``!#$%&'*+-.^_`|~``.
    private static func isToken(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: tokenSymbols.contains(byte)
            }
        }
    }

    private static let tokenSymbols = Set("!#$%&'*+-.^_`|~".utf8)
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let colon = UInt8(ascii: ":")
}
