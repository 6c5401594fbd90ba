// Covers: the plain text kept for search, folded as literals arrive.
import Testing
@testable import StudyGuideMarkdown

@Suite struct CollapsedTextTests {
    /// Whitespace runs become one space between words, none at the ends, byte by byte.
    func plain(_ pieces: [String?]) -> String {
        var out: [UInt8] = []
        var pending = false
        for piece in pieces {
            guard let piece else {
                pending = true
                continue
            }
            for byte in piece.utf8 {
                if byte == 0x20 || (0x09 ... 0x0D).contains(byte) {
                    pending = true
                } else {
                    if pending, !out.isEmpty { out.append(0x20) }
                    pending = false
                    out.append(byte)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Random literals (nil: a block boundary) through the fast and slow paths, against `plain`.
    @Test func literalsFoldLikeAPlainCollapse() {
        let parts = ["word", "x", " ", "  ", "\t", "\n", "é", "\u{1}", "a b", " lead", "trail ", " both ", "·",
                     "eight by", "tes of prose, single spaced ", " across  words\tand lines", "abcdefghij"]
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0 ..< 3_000 {
            let pieces: [String?] = (0 ..< next() % 6).map { _ in
                next() % 7 == 0 ? nil : (0 ..< next() % 5).map { _ in parts[next() % parts.count] }.joined()
            }
            var text = CollapsedText()
            for piece in pieces {
                if let piece { piece.withCString { text.append($0) } } else { text.appendSpace() }
            }
            #expect(text.string == plain(pieces), "\(pieces)")
        }
    }
}
