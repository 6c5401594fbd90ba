internal import Foundation

// The HTTP/1.1 messages the preview exchanges, and no more of HTTP than it uses. They were
// FlyingFox's types; that module links FoundationNetworking, which loads libcurl and two dozen
// libraries into every `studyguide` process (a third of the time `build --help` takes), for
// an HTTP client the preview never uses. FlyingSocks, its socket layer, stays.

/// A response status: its code and the reason phrase of RFC 9110 §15.
struct HTTPStatusCode: Equatable, Sendable {
    let code: Int
    let phrase: String

    static let ok = HTTPStatusCode(code: 200, phrase: "OK")
    static let badRequest = HTTPStatusCode(code: 400, phrase: "Bad Request")
    static let notFound = HTTPStatusCode(code: 404, phrase: "Not Found")
    static let methodNotAllowed = HTTPStatusCode(code: 405, phrase: "Method Not Allowed")
    static let lengthRequired = HTTPStatusCode(code: 411, phrase: "Length Required")
    static let payloadTooLarge = HTTPStatusCode(code: 413, phrase: "Payload Too Large")
    static let requestHeaderFieldsTooLarge = HTTPStatusCode(code: 431, phrase: "Request Header Fields Too Large")
    static let internalServerError = HTTPStatusCode(code: 500, phrase: "Internal Server Error")
    static let httpVersionNotSupported = HTTPStatusCode(code: 505, phrase: "HTTP Version Not Supported")
}

/// A field name; names compare without regard to case (RFC 9110 §5.1) and keep their spelling.
struct HTTPHeader: Hashable, Sendable {
    let rawValue: String

    init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    static func == (lhs: HTTPHeader, rhs: HTTPHeader) -> Bool {
        lhs.rawValue.caseInsensitiveCompare(rhs.rawValue) == .orderedSame
    }

    func hash(into hasher: inout Hasher) {
        rawValue.lowercased().hash(into: &hasher)
    }

    static let host = HTTPHeader("Host")
    static let connection = HTTPHeader("Connection")
    static let contentLength = HTTPHeader("Content-Length")
    static let contentType = HTTPHeader("Content-Type")
    static let cacheControl = HTTPHeader("Cache-Control")
    static let transferEncoding = HTTPHeader("Transfer-Encoding")
    static let date = HTTPHeader("Date")
}

/// Header fields: a name may repeat in a request; the subscript reads and sets the first value.
struct HTTPHeaders: Sequence, ExpressibleByDictionaryLiteral, Sendable {
    private var fields: [HTTPHeader: [String]] = [:]

    init() {}

    init(dictionaryLiteral elements: (HTTPHeader, String)...) {
        for (name, value) in elements { fields[name, default: []].append(value) }
    }

    subscript(name: HTTPHeader) -> String? {
        get { fields[name]?.first }
        set { fields[name] = newValue.map { [$0] } }
    }

    func values(for name: HTTPHeader) -> [String] { fields[name] ?? [] }

    mutating func addValue(_ value: String, for name: HTTPHeader) {
        fields[name, default: []].append(value)
    }

    /// Each name with its first value.
    func makeIterator() -> some IteratorProtocol<(key: HTTPHeader, value: String)> {
        fields.lazy.compactMap { name, values in values.first.map { (key: name, value: $0) } }.makeIterator()
    }
}

struct HTTPMethod: Equatable, Sendable {
    let rawValue: String

    init(rawValue: String) {
        self.rawValue = rawValue
    }

    static let GET = HTTPMethod(rawValue: "GET")
    static let HEAD = HTTPMethod(rawValue: "HEAD")
}

/// A request as the handler sees it: the preview reads no request bodies.
struct HTTPRequest: Sendable {
    struct Target: Sendable {
        let rawPath: String
        let rawQuery: String

        /// Still percent-encoded, as sent.
        func path() -> String { rawPath }
        func query() -> String { rawQuery }
    }

    let method: HTTPMethod
    let target: Target
    let headers: HTTPHeaders
}

/// A response: a body of known length, sent with the head in one write, or the event stream,
/// sent piece by piece as its events happen.
struct HTTPResponse: Sendable {
    enum Body: Sendable {
        case bytes(Data)
        case stream(EventStreamBody)
    }

    let statusCode: HTTPStatusCode
    var headers: HTTPHeaders
    let body: Body

    init(statusCode: HTTPStatusCode, headers: HTTPHeaders, body: Data) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = .bytes(body)
    }

    init(statusCode: HTTPStatusCode, headers: HTTPHeaders, stream: EventStreamBody) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = .stream(stream)
    }
}

/// What answers requests (`PreviewResponder`).
protocol HTTPHandler: Sendable {
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse
}
