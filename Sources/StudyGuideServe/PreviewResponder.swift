internal import Foundation

/// Answers preview requests: files of the built site (with the live-reload script added to
/// HTML), the event stream, and the reload script. Nothing outside the site folder is served.
struct PreviewResponder: HTTPHandler {
    let session: PreviewSession
    static let eventsPath = "/__studyguide/events"
    static let scriptPath = "/__studyguide/live.js"
    /// Open pages hear from the event stream at least this often, so a closed page is noticed.
    static let pingInterval = Duration.seconds(15)

    /// The response to GET; ResponseWriter leaves out the body for HEAD.
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return plain(.methodNotAllowed, "only GET and HEAD are supported\n")
        }
        let path = RequestTarget.path(of: request.target.path())
        if path == Self.eventsPath {
            if request.method == .HEAD {
                var fields = headers(type: "text/event-stream")
                fields[.cacheControl] = "no-cache"
                return HTTPResponse(statusCode: .ok, headers: fields, body: Data())
            }
            return await events()
        }
        if path == Self.scriptPath {
            return HTTPResponse(statusCode: .ok, headers: headers(type: "text/javascript; charset=utf-8"),
                                body: Data(LiveScript.source.utf8))
        }
        if path == RetiringWorker.path {
            return HTTPResponse(statusCode: .ok, headers: headers(type: "text/javascript; charset=utf-8"),
                                body: Data(RetiringWorker.source.utf8))
        }
        guard let relative = SafePath.relativeFile(forRequestPath: path) else {
            return plain(.badRequest, "bad path\n")
        }
        let root = session.root.standardizedFileURL.resolvingSymlinksInPath().path
        var file = root + "/" + relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            file += "/index.html"
        }
        // A symlink inside the output must not lead outside it.
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        // The version is read before the file: a page is never stamped newer than what it shows.
        let version = await session.reload.version
        guard resolved.hasPrefix(root + "/"), let data = FileManager.default.contents(atPath: resolved) else {
            return notFound(root: root, version: version)
        }
        return serve(data, type: ContentType.of(resolved), status: .ok, version: version)
    }

    private func serve(_ data: Data, type: String, status: HTTPStatusCode, version: Int) -> HTTPResponse {
        var bytes = data
        if type.hasPrefix("text/html") { bytes = Data(LiveScript.inject(into: [UInt8](data), version: version)) }
        // One buffer for the whole body: ResponseWriter sends it with the head in one write.
        return HTTPResponse(statusCode: status, headers: headers(type: type), body: bytes)
    }

    private func notFound(root: String, version: Int) -> HTTPResponse {
        if let page = FileManager.default.contents(atPath: root + "/404.html") {
            return serve(page, type: "text/html; charset=utf-8", status: .notFound, version: version)
        }
        return plain(.notFound, "not found\n")
    }

    /// The stream ends when the page goes away: ResponseWriter stops at the first failed write,
    /// and dropping the body ends the subscription (see EventStreamBody).
    private func events() async -> HTTPResponse {
        let stream = await session.reload.subscribe(startingWith: await session.greeting())
        var fields = headers(type: "text/event-stream")
        fields[.cacheControl] = "no-cache"
        return HTTPResponse(statusCode: .ok, headers: fields, stream: EventStreamBody(events: stream, pingEvery: Self.pingInterval))
    }

    private func headers(type: String) -> HTTPHeaders {
        var fields = HTTPHeaders()
        fields[.contentType] = type
        fields[.cacheControl] = "no-store"
        return fields
    }

    private func plain(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type: "text/plain; charset=utf-8"), body: Data(text.utf8))
    }
}
