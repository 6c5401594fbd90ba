// Covers: request heads are parsed as sent, or refused with the right status; where a head ends.
import Testing
@testable import StudyGuideServe

@Suite struct RequestHeadTests {
    func parse(_ text: String) throws -> RequestHead {
        let bytes = Array(text.utf8)
        guard let end = RequestHead.end(in: bytes, from: 0) else { throw RequestHead.Refusal(status: .badRequest, reason: "incomplete") }
        #expect(end == bytes.count)
        return try RequestHead(parsing: bytes[..<end])
    }

    func refusal(_ text: String) -> Int? {
        do {
            _ = try RequestHead(parsing: Array(text.utf8)[...])
            return nil
        } catch {
            return error.status.code
        }
    }

    @Test func aRequestLineAndFields() throws {
        let head = try parse("GET /a%20b/?q=1 HTTP/1.1\r\nHost: x\r\nAccept:  text/html \t\r\nX-Two: 1\r\nX-Two: 2\r\n\r\n")
        #expect(head.method == "GET" && head.target == "/a%20b/?q=1" && head.version == "HTTP/1.1")
        #expect(head.fields[.host] == "x")
        #expect(head.fields[.init("accept")] == "text/html")
        #expect(head.fields.values(for: .init("x-two")) == ["1", "2"])
        #expect(head.contentLength == 0 && !head.hasTransferEncoding && head.keepAlive)
        #expect(head.request.target.path() == "/a%20b/" && head.request.target.query() == "q=1")
    }

    @Test func bareLineFeedsAreAccepted() throws {
        let head = try parse("HEAD / HTTP/1.0\nConnection: Keep-Alive\n\n")
        #expect(head.isHead && head.isHTTP10 && head.keepAlive)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\n\r\n", true),
        ("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nConnection: Upgrade, Close\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
    ])
    func keepAlive(_ text: String, _ expected: Bool) throws {
        #expect(try parse(text).keepAlive == expected)
    }

    @Test func aBodyLength() throws {
        #expect(try parse("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n").contentLength == 5)
        #expect(try parse("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n").contentLength == 5)
        #expect(try parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").hasTransferEncoding)
    }

    @Test(arguments: [
        ("GARBAGE\r\n\r\n", 400),
        ("GET\r\n\r\n", 400),
        ("\u{0}\u{1}\u{2}\u{3}\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/1.1 \r\n\r\n", 400),
        ("GET /a b HTTP/1.1\r\n\r\n", 400),
        ("GET /café HTTP/1.1\r\n\r\n", 400),
        ("G(T / HTTP/1.1\r\n\r\n", 400),
        ("GET / FTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\n\r\n", 505),
        ("GET / HTTP/1.1\r\nno colon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n: empty name\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nName : x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nA: 1\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nA: x\u{1}y\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nA: x\ry\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
    ])
    func malformedHeadsAreRefused(_ text: String, _ status: Int) {
        #expect(refusal(text) == status)
    }

    @Test func anOversizedHeadIsRefused() {
        let big = "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: RequestHead.maxBytes) + "\r\n\r\n"
        #expect(refusal(big) == 431)
        let fits = "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: RequestHead.maxBytes - 100) + "\r\n\r\n"
        #expect(refusal(fits) == nil)
    }

    @Test func theEndOfAHead() {
        func end(_ text: String, from start: Int = 0) -> Int? { RequestHead.end(in: Array(text.utf8), from: start) }
        #expect(end("GET / HTTP/1.1\r\nA: b\r\n\r\nGET /next") == 24)
        #expect(end("GET / HTTP/1.1\n\nrest") == 16)
        #expect(end("GET / HTTP/1.1\r\nA: b\r\n") == nil)
        #expect(end("GET / HTTP/1.1\r\nA: b\r\n\r") == nil)
        // Scanning resumes where the previous scan could not decide.
        #expect(end("GET / HTTP/1.1\r\n\r\n", from: 14) == 18)
    }
}
