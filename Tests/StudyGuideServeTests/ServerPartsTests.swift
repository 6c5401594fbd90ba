// Covers: the Date header's format, the response head, request targets in absolute form, and --host.
import Testing
@testable import StudyGuideServe

@Suite struct ServerPartsTests {
    @Test func theDateFormat() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(secondsSince1970: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test func theResponseHeadListsFieldsInNameOrder() {
        let head = ResponseWriter.headLines(status: .notFound, fields: [.contentType: "text/plain", .cacheControl: "no-store"])
        #expect(head == "HTTP/1.1 404 Not Found\r\nCache-Control: no-store\r\nContent-Type: text/plain\r\n\r\n")
    }

    @Test(arguments: [
        ("/a/b?q", "/a/b?q"),
        ("http://127.0.0.1:8080/a/b?q", "/a/b?q"),
        ("HTTPS://host/../x", "/../x"),
        ("http://host", "/"),
        ("http://host?q=1", "/?q=1"),
        ("relative", "relative"),
    ])
    func requestTargets(_ target: String, _ path: String) {
        #expect(RequestTarget.path(of: target) == path)
    }

    @Test func listenAddresses() throws {
        #expect(try ListenAddress(host: "127.0.0.1", port: 0).ip == "127.0.0.1")
        #expect(try ListenAddress(host: "0.0.0.0", port: 8080).port == 8080)
        #expect(try ListenAddress(host: "localhost", port: 1).ip.hasPrefix("127."))
        #expect(throws: ListenAddress.Unusable.self) { try ListenAddress(host: "::1", port: 0) }
        #expect(throws: ListenAddress.Unusable.self) { try ListenAddress(host: "no-such-host.invalid", port: 0) }
        #expect(throws: ListenAddress.Unusable.self) { try ListenAddress(host: "127.0.0.1", port: 65_536) }
    }
}
