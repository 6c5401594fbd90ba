/// Fans out build events to every open page over server-sent events.
actor LiveReload {
    /// One server-sent event, already formatted.
    struct Event: Sendable {
        let text: String

        static func reload(version: Int) -> Event { Event(text: "event: reload\ndata: \(version)\n\n") }

        static func problems(_ json: String) -> Event { Event(text: "event: problems\ndata: \(json)\n\n") }

        static let ping = Event(text: ": ping\n\n")
    }

    private var listeners: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0

    /// A stream of events for one page; it ends when the page goes away.
    func subscribe(startingWith first: Event?) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        if let first { continuation.yield(first) }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    func send(_ event: Event) {
        for continuation in listeners.values { continuation.yield(event) }
    }

    var count: Int { listeners.count }

    private func remove(_ id: Int) {
        listeners[id] = nil
    }
}
