// Covers: `ContentLoader.readFile`, which reads a whole file into room sized by what `stat` said
// earlier: whether the file has since grown, shrunk or stayed, the bytes are the file's.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct ReadFileTests {
    private func withFile(_ bytes: [UInt8], _ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("read-file-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test(arguments: [0, 1, 4_095, 10_000, 70_000])
    func theBytesAreTheFilesWhateverSizeWasExpected(size: Int) throws {
        let bytes = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try withFile(bytes) { path in
            // As found, grown since (expected less, down to nothing), shrunk since (expected more).
            for expected in [size, size / 2, 0, size + 1, size * 3 + 100] {
                #expect(ContentLoader.readFile(path, expectedSize: expected) == bytes, "expected \(expected)")
            }
        }
    }

    @Test func aFileThatIsNotThereIsNil() {
        #expect(ContentLoader.readFile("/nonexistent/\(UUID().uuidString).md", expectedSize: 10) == nil)
    }
}
