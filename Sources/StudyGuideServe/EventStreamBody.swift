internal import FlyingSocks

/// The bytes of a page's server-sent event stream: `retry: 500`, then each event as it happens,
/// and pings. ResponseWriter sends each buffer this sequence hands out as one chunk at once, so
/// every event leaves as soon as it exists.
///
/// When a write fails (the page went away) ResponseWriter stops and the body is dropped; the
/// merged stream then ends, which cancels the ping timer and ends the page's subscription.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    static let preamble = "retry: 500\n\n"
    let events: AsyncStream<LiveReload.Event>

    /// `events` merged with a ping every `interval`, whatever else was sent: the pings keep an
    /// open page's connection busy, and a page that went away is noticed at the next ping.
    init(events: AsyncStream<LiveReload.Event>, pingEvery interval: Duration) {
        self.events = AsyncStream(bufferingPolicy: .bufferingNewest(16)) { continuation in
            let forward = Task {
                for await event in events { continuation.yield(event) }
                continuation.finish()
            }
            let ping = Task {
                while (try? await Task.sleep(for: interval)) != nil {
                    continuation.yield(.ping)
                }
            }
            continuation.onTermination = { _ in
                forward.cancel()
                ping.cancel()
            }
        }
    }

    /// A body of exactly these events, for tests.
    init(events: AsyncStream<LiveReload.Event>) {
        self.events = events
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator(), pending: Array(Self.preamble.utf8)[...])
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<LiveReload.Event>.Iterator
        /// What is left of the event being sent.
        var pending: ArraySlice<UInt8>

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// At most `count` bytes of the current event; waits for the next event when it is sent.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = Array(event.text.utf8)[...]
            }
            let buffer = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(buffer.count)
            return buffer
        }
    }
}
