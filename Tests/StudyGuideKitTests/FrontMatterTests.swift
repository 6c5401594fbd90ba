// Covers: decoding file bytes, splitting front-matter, and mapping positions back to file lines.
import Testing
@testable import StudyGuideKit

@Suite struct SourceTextTests {
    @Test func byteOrderMarkAndCRLFAreNormalisedWithoutMovingLines() {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\nbody\r\n".utf8)
        let (text, problems) = SourceText.decode(raw, path: "a.md")
        #expect(problems.isEmpty)
        #expect(text.map { String(decoding: $0.bytes, as: UTF8.self) } == "---\ntitle: x\n---\nbody\n")
    }

    @Test func invalidUTF8IsAnErrorAtItsPosition() {
        let raw = Array("---\nok: é\n".utf8) + [0x61, 0xC3, 0x28]
        let (text, problems) = SourceText.decode(raw, path: "a.md")
        #expect(text == nil)
        #expect(problems.map(\.description) == ["a.md:3:2: error: invalid UTF-8 (byte 0xC3); save the file as UTF-8 [encoding]"])
    }

    @Test func overlongEncodingsAndSurrogatesAreRejected() {
        #expect(SourceText.decode([0xC0, 0xAF], path: "a").0 == nil)
        #expect(SourceText.decode([0xED, 0xA0, 0x80], path: "a").0 == nil)
        #expect(SourceText.decode([0xF0, 0x9F, 0x98, 0x80], path: "a").0 != nil)  // 😀 is fine
    }

    @Test func nulAndControlBytesAreErrors() {
        #expect(SourceText.decode(Array("ab\n\u{0}".utf8), path: "a.md").1.map(\.description)
            == ["a.md:2:1: error: NUL byte in file; is this a binary file? [encoding]"])
        #expect(SourceText.decode(Array("x\u{1B}".utf8), path: "a.md").1.first?.message == "control character U+001B in file")
    }
}

@Suite struct FrontMatterSplitTests {
    func split(_ text: String) -> (FrontMatterSplit?, [Diagnostic]) {
        FrontMatterSplit.split(SourceText.decode(Array(text.utf8), path: "q.md").0!)
    }

    @Test func splitsYAMLAndBodyWithTheirFirstLines() {
        let (result, problems) = split("---\ntitle: A\nkind: b\n---\n# Body\n")
        #expect(problems.isEmpty)
        #expect(result?.yaml == "title: A\nkind: b\n")
        #expect(result?.yamlFirstLine == 2)
        #expect(result?.bodyFirstLine == 5)
        #expect(result.map { String(decoding: $0.body, as: UTF8.self) } == "# Body\n")
    }

    @Test func closingFenceMayBeDotsOrCarryTrailingSpaces() {
        #expect(split("---\na: 1\n...\nbody").0?.bodyFirstLine == 4)
        #expect(split("---\na: 1\n---   \nbody").0?.yaml == "a: 1\n")
    }

    @Test func missingFrontMatterIsReportedOnLineOne() {
        #expect(split("# Just markdown\n").1.map(\.description)
            == ["q.md:1:1: error: missing front-matter: the file must start with a '---' line, then YAML keys, then '---' [front-matter]"])
    }

    @Test func unclosedFrontMatterIsReported() {
        #expect(split("---\ntitle: A\n").1.first?.message == "front-matter is not closed: add a '---' line after the last key")
    }

    @Test func aRuleInsideTheBodyIsNotAFence() {
        let (result, _) = split("---\na: 1\n---\ntext\n\n---\n\nmore\n")
        #expect(result.map { String(decoding: $0.body, as: UTF8.self) } == "text\n\n---\n\nmore\n")
    }
}
