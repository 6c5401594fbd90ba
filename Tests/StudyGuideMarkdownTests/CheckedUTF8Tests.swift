// Covers: the UTF-8 check that lets cmark's HTML and the plain text become Strings without a second validation.
import Testing
@testable import StudyGuideMarkdown

@Suite struct CheckedUTF8Tests {
    /// Random bytes, mostly ASCII runs with pieces of well- and ill-formed sequences in between,
    /// against the standard library's validator; the String is the repairing decoder's either way.
    @Test func agreesWithTheStandardLibrary() {
        let pieces: [[UInt8]] = [
            Array("plain ascii text of some length, ".utf8), Array("é".utf8), Array("✓".utf8), Array("😀".utf8), Array("\u{10FFFF}".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x80], [0xBF], [0xC3], [0xE2, 0x9C], [0xF0, 0x9F, 0x98], [0xFF], [0x7F], [0x00], Array("x".utf8), Array("0123456789abcdef".utf8),
        ]
        var state: UInt64 = 0xC0DE
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for round in 0 ..< 5_000 {
            var bytes: [UInt8] = []
            for _ in 0 ..< next() % 12 {
                // Ill-formed pieces are rare, so that many documents are well-formed.
                let piece = pieces[next() % pieces.count]
                if round % 3 != 0, String(validating: piece, as: UTF8.self) == nil { continue }
                bytes += piece
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let ascii = bytes.withUnsafeBufferPointer { UTF8Check.isASCII($0) }
            #expect(ascii == (valid ? bytes.allSatisfy { $0 < 0x80 } : nil), "\(bytes)")
            let string = String(checkedUTF8: bytes)
            #expect(Array(string.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
            #expect(string == String(decoding: bytes, as: UTF8.self))
        }
    }
}
