// Covers: the event stream's bytes (retry first, then each event) and its end when the page goes away.
import Testing
@testable import StudyGuideServe

@Suite struct EventStreamBodyTests {
    @Test func retryThenEachEventInBuffersOfTheSuggestedSize() async {
        let (events, continuation) = AsyncStream<LiveReload.Event>.makeStream()
        continuation.yield(.reload(version: 2))
        continuation.yield(.ping)
        continuation.finish()
        var iterator = EventStreamBody(events: events).makeAsyncIterator()
        var bytes: [UInt8] = []
        while let buffer = await iterator.nextBuffer(suggested: 5) {
            #expect((1...5).contains(buffer.count))
            bytes += buffer
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "retry: 500\n\nevent: reload\ndata: 2\n\n: ping\n\n")
    }

    @Test(.timeLimit(.minutes(1))) func droppingTheBodyEndsTheSubscription() async {
        let (events, continuation) = AsyncStream<LiveReload.Event>.makeStream()
        let (ended, signal) = AsyncStream<Void>.makeStream()
        continuation.onTermination = { _ in signal.finish() }
        do {
            var iterator = EventStreamBody(events: events, pingEvery: .seconds(3600)).makeAsyncIterator()
            #expect(await iterator.nextBuffer(suggested: 100).map { Array($0) } == Array(EventStreamBody.preamble.utf8))
            continuation.yield(.ping)
            #expect(await iterator.nextBuffer(suggested: 100).map { Array($0) } == Array(": ping\n\n".utf8))
        }
        for await _ in ended {}
    }
}
