import Foundation
import Testing
@testable import StudyGuideHighlight

/// Whatever a code block holds, its HTML is well-formed and its text is exactly the code:
/// random strings in every language, with and without line options, and every code block in
/// this repository's content and in cmark-gfm's spec examples.
@Suite struct HighlightPropertyTests {
    static func highlight(_ code: [UInt8], info: String) -> [UInt8]? {
        var html: [UInt8] = []
        let infoBytes = Array(info.utf8)
        let rendered = infoBytes.withUnsafeBufferPointer { info in
            code.withUnsafeBufferPointer { CodeHighlighter.shared.render(info: info, code: $0, into: &html) }
        }
        return rendered ? html : nil
    }

    static func expectExact(_ code: [UInt8], info: String, _ comment: @autoclosure () -> String) {
        guard let html = highlight(code, info: info) else { return }
        let text = HighlightCheck.textContent(of: html)
        #expect(text == code, "\(comment()): \(String(decoding: html.prefix(300), as: UTF8.self))")
    }

    /// Pieces that stress grammars and escaping: quotes of every kind, brackets left open,
    /// comments, interpolation, entities, multi-byte UTF-8 and line breaks.
    static let pieces: [String] = [
        "SELECT", " ", "\n", "\"", "'", "`", "${", "}", "{", "[", "]", "(", ")", "<", ">", "&", "&amp;", "/*", "*/",
        "--", "#", "//", "\\", "$ ", "HTTP/1.1 200 OK", "GET / HTTP/1.1", "Content-Type: application/json", ":",
        "é", "数据库", "🙂", "\t", "\r\n", "0x1F", "3.14", "<<EOF", "EOF", "def", "func", "=>", "  - ", "key: value",
        "FROM x", "\u{00A0}", "\"\"\"", "'''", "%d", "@Override",
    ]

    @Test func randomCodeInEveryLanguageKeepsItsText() {
        var generator = SplitMix(seed: 15)
        for round in 0 ..< 600 {
            var code = ""
            for _ in 0 ..< Int(generator.next() % 40) {
                code += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }
            let language = CodeLanguage.allCases[round % CodeLanguage.allCases.count]
            let options = round % 3 == 0 ? " {linenos=true, hl_lines=[1, \"3-4\"]}" : ""
            Self.expectExact(Array(code.utf8), info: language.rawValue + options, "round \(round) (\(language))")
        }
    }

    @Test func randomBytesKeepTheirText() {
        // Not even UTF-8: tree-sitter and the escaping must still keep every byte.
        var generator = SplitMix(seed: 7)
        for round in 0 ..< 200 {
            let code = (0 ..< Int(generator.next() % 200)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let language = CodeLanguage.allCases[round % CodeLanguage.allCases.count]
            Self.expectExact(code, info: language.rawValue + (round % 2 == 0 ? " {linenos=true}" : ""), "bytes round \(round)")
        }
    }

    @Test func everyCodeBlockOfThisRepositoryKeepsItsText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let blocks = CodeBlocks.in(folder: root.appendingPathComponent("content"))
        #expect(blocks.count > 300, "expected the content's code blocks, found \(blocks.count)")
        for block in blocks {
            Self.expectExact(block.code, info: block.info, "\(block.source)")
            Self.expectExact(block.code, info: block.info + " {linenos=true, hl_lines=[2]}", "\(block.source) with lines")
        }
    }

    static let specFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: specFolder.path),
                   "cmark-gfm's spec examples are not beside this clone (needs ../shared/conformance)"))
    func everySpecExampleKeepsItsText() throws {
        let spec = Self.specFolder
        let files = try FileManager.default.contentsOfDirectory(atPath: spec.path).filter { $0.hasSuffix(".txt") }.sorted()
        var count = 0
        for file in files {
            let text = try String(contentsOf: spec.appendingPathComponent(file), encoding: .utf8)
            // Each example's Markdown, as code in every language: it is full of the characters
            // that break escaping.
            for example in text.components(separatedBy: "```````````````````````````````` example").dropFirst() {
                guard let markdown = example.components(separatedBy: "\n.\n").first else { continue }
                let code = Array(markdown.replacingOccurrences(of: "→", with: "\t").utf8)
                let language = CodeLanguage.allCases[count % CodeLanguage.allCases.count]
                Self.expectExact(code, info: language.rawValue, "\(file) example \(count)")
                count += 1
            }
        }
        #expect(count > 500)
    }
}

/// Fenced code blocks of the Markdown files under a folder (a plain reading, enough for tests).
struct CodeBlocks {
    let info: String
    let code: [UInt8]
    let source: String

    static func `in`(folder: URL) -> [CodeBlocks] {
        let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        return files.flatMap { file in
            (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)).map { Self.in(text: $0, source: file) } ?? []
        }
    }

    static func `in`(text: String, source file: String) -> [CodeBlocks] {
        var blocks: [CodeBlocks] = []
        var fence: (info: String, line: Int)?
        var lines: [Substring] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let open = fence {
                if line.hasPrefix("```") {
                    blocks.append(CodeBlocks(info: open.info, code: Array(lines.map { $0 + "\n" }.joined().utf8), source: "\(file):\(open.line)"))
                    fence = nil
                } else {
                    lines.append(line)
                }
            } else if line.hasPrefix("```") {
                fence = (String(line.dropFirst(3)), number + 1)
                lines = []
            }
        }
        return blocks
    }
}

/// A small deterministic generator (SplitMix64), so a failure replays.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
