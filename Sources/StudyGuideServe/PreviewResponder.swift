internal import Foundation
internal import Hummingbird

/// Answers preview requests: files of the built site (with the live-reload script added to
/// HTML), the event stream, and the reload script. Nothing outside the site folder is served.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let session: PreviewSession
    static let eventsPath = "/__studyguide/events"
    static let scriptPath = "/__studyguide/live.js"

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "only GET and HEAD are supported\n")
        }
        let path = request.uri.path
        if path == Self.eventsPath { return await events() }
        if path == Self.scriptPath {
            return Response(status: .ok, headers: headers(type: "text/javascript; charset=utf-8"),
                            body: .init(byteBuffer: ByteBuffer(string: LiveScript.source)))
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
        guard resolved.hasPrefix(root + "/"), let data = FileManager.default.contents(atPath: resolved) else {
            return notFound(root: root)
        }
        return serve(data, type: ContentType.of(resolved), status: .ok, head: request.method == .head)
    }

    private func serve(_ data: Data, type: String, status: HTTPResponse.Status, head: Bool) -> Response {
        var bytes = data
        if type.hasPrefix("text/html") { bytes = Data(LiveScript.inject(into: String(decoding: data, as: UTF8.self)).utf8) }
        var fields = headers(type: type)
        fields[.contentLength] = String(bytes.count)
        return Response(status: status, headers: fields, body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func notFound(root: String) -> Response {
        if let page = FileManager.default.contents(atPath: root + "/404.html") {
            return serve(page, type: "text/html; charset=utf-8", status: .notFound, head: false)
        }
        return plain(.notFound, "not found\n")
    }

    private func events() async -> Response {
        let stream = await session.reload.subscribe(startingWith: await session.greeting())
        var fields = headers(type: "text/event-stream")
        fields[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: fields, body: .init { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            // A ping every 15 s keeps the connection from idling out and notices closed pages.
            let pings = AsyncStream<LiveReload.Event> { continuation in
                let task = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(15))
                        continuation.yield(.ping)
                    }
                }
                continuation.onTermination = { _ in task.cancel() }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (merged, sink) = AsyncStream<LiveReload.Event>.makeStream()
                group.addTask { for await event in stream { sink.yield(event) }; sink.finish() }
                group.addTask { for await ping in pings { sink.yield(ping) } }
                for await event in merged {
                    try await writer.write(ByteBuffer(string: event.text))
                }
                group.cancelAll()
            }
            try await writer.finish(nil)
        })
    }

    private func headers(type: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = type
        fields[.cacheControl] = "no-store"
        return fields
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: headers(type: "text/plain; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
