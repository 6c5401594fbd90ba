// Covers: the idle timeout shuts down exactly the sockets that waited too long.
import Foundation
import Testing
@testable import StudyGuideServe

@Suite struct WaitingSocketsTests {
    /// A connected pair of sockets; the peer sees the end of the stream once its partner is shut down.
    func pair() -> (Int32, Int32) {
        var ends: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        return (ends[0], ends[1])
    }

    func isShutDown(peer: Int32) -> Bool {
        var byte: UInt8 = 0
        return recv(peer, &byte, 1, Int32(MSG_DONTWAIT)) == 0
    }

    @Test func onlyWaitsPastTheirDeadlineAreShutDown() {
        let (old, oldPeer) = pair()
        let (recent, recentPeer) = pair()
        let (finished, finishedPeer) = pair()
        defer { [old, oldPeer, recent, recentPeer, finished, finishedPeer].forEach { close($0) } }
        let start = ContinuousClock.now
        let waits = WaitingSockets()
        _ = waits.add(old, deadline: start)
        _ = waits.add(recent, deadline: start + .seconds(10))
        waits.remove(waits.add(finished, deadline: start))

        waits.shutDown(expiredAt: start + .seconds(5))
        #expect(isShutDown(peer: oldPeer))
        #expect(!isShutDown(peer: recentPeer))
        #expect(!isShutDown(peer: finishedPeer))
        #expect(waits.count == 1)
    }
}
