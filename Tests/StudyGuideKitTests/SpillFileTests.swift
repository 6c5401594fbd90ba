// Covers: bytes set aside on disk during a build and read back in any order.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct SpillFileTests {
    func roundTrip(_ file: SpillFile) {
        let parts: [[UInt8]] = [Array("first part".utf8), [], Array(repeating: 7, count: 100_000), Array("last".utf8)]
        let starts = parts.map { part in part.withUnsafeBytes { file.append($0) } }
        #expect(starts == [0, 10, 10, 100_010])
        #expect(file.size == 100_014)
        var buffer: [UInt8] = [1, 2, 3]
        for (part, start) in zip(parts, starts).reversed() {
            file.read(start ..< start + part.count, into: &buffer)
            #expect(buffer == part)
        }
        file.read(5 ..< 14, into: &buffer)
        #expect(buffer == Array(" part".utf8) + [7, 7, 7, 7])
    }

    @Test func bytesComeBackFromTheTemporaryFile() {
        let file = SpillFile()
        #expect(file.isOnDisk)
        roundTrip(file)
    }

    @Test func withoutATemporaryFolderTheBytesStayInMemory() {
        let file = SpillFile(directory: "/nonexistent-\(UUID().uuidString)")
        #expect(!file.isOnDisk)
        roundTrip(file)
    }

    @Test func theFileLeavesNothingBehindInItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = SpillFile(directory: folder.path)
        #expect(file.isOnDisk)
        roundTrip(file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
