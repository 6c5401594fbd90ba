/// Fans out build events to every open page over server-sent events.
actor LiveReload {
    /// One server-sent event, already formatted.
    struct Event: Sendable {
        let text: String

        static func reload(version: Int) -> Event { Event(text: "event: reload\ndata: \(version)\n\n") }

        /// The site's version when a page connects: a page served before a rebuild it did not
        /// hear about (it connected too late) reloads on this.
        static func current(version: Int) -> Event { Event(text: "event: version\ndata: \(version)\n\n") }

        static func problems(_ json: String) -> Event { Event(text: "event: problems\ndata: \(json)\n\n") }

        static let ping = Event(text: ": ping\n\n")
    }

    private var listeners: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0
    /// The version of the site last announced: served pages are stamped with it.
    private(set) var version = 0

    /// A stream of events for one page, starting with the current version; it ends when the page
    /// goes away. The version is read and the page added in one step of this actor, so no
    /// reload falls between them.
    func subscribe(startingWith first: Event?) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        continuation.yield(.current(version: version))
        if let first { continuation.yield(first) }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    func send(_ event: Event) {
        for continuation in listeners.values { continuation.yield(event) }
    }

    /// Tells every page that the site is now at `version`.
    func reload(version: Int) {
        self.version = version
        send(.reload(version: version))
    }

    var count: Int { listeners.count }

    private func remove(_ id: Int) {
        listeners[id] = nil
    }
}
