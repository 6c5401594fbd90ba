// Covers: hostile content: every case builds safely (hostile text escaped or dropped) or fails with
// path:line:col diagnostics and keeps the previous output; nothing crashes or hangs.
import Foundation
import Testing
@testable import StudyGuideKit

struct HostileCase: CustomTestStringConvertible, Sendable {
    enum Outcome: Sendable {
        /// Builds; none of these strings may appear in any generated page.
        case builds(forbidden: [String])
        /// Fails with exactly these diagnostics (prefix match: `path:line:col: error: start of message`).
        case fails([String])
    }

    let name: String
    let files: [String: [UInt8]]
    let outcome: Outcome
    var testDescription: String { name }

    static func question(_ frontMatter: String, body: String = "## Answer\n\nA real answer.\n") -> [UInt8] {
        Array("---\n\(frontMatter)\n---\n\n\(body)".utf8)
    }

    static let valid = "title: Q\ndifficulty: beginner\nkind: technical\nsummary: S"

    static let all: [HostileCase] = [
        .init(name: "unterminated quote", files: ["content/basics/q.md": question("title: \"never closed\ndifficulty: beginner\nkind: technical\nsummary: S")],
              outcome: .fails(["content/basics/q.md:6:1: error: invalid YAML"])),
        // More entries than a 16-bit count holds: a question keeps how many of its names are tags.
        .init(name: "seventy thousand tags", files: ["content/basics/q.md": question(valid + "\ntags: [" + Array(repeating: "t", count: 70_000).joined(separator: ", ") + "]")],
              outcome: .builds(forbidden: [])),
        .init(name: "unterminated fence", files: ["content/basics/q.md": Array("---\ntitle: Q\n\nbody without a closing fence\n".utf8)],
              outcome: .fails(["content/basics/q.md:1:1: error: front-matter is not closed"])),
        .init(name: "tab indentation", files: ["content/basics/q.md": question("title: Q\n\tdifficulty: beginner")],
              outcome: .fails(["content/basics/q.md:3:1: error: invalid YAML"])),
        .init(name: "wrong types", files: ["content/basics/q.md": question(valid + "\ntags: {a: b}\nweight: 1.5")],
              outcome: .fails(["content/basics/q.md:6:7: error: 'tags' must be a list of strings",
                               "content/basics/q.md:7:9: error: 'weight' must be a whole number"])),
        // A question keeps its weight in 32 bits: a larger one is an error, not a wrapped or clamped order.
        .init(name: "weight beyond 32 bits", files: ["content/basics/q.md": question(valid + "\nweight: 4294967296"),
                                                    "content/basics/r.md": question(valid + "\nweight: -2147483649")],
              outcome: .fails(["content/basics/q.md:6:9: error: 'weight' must be a whole number from -2147483648 to 2147483647",
                               "content/basics/r.md:6:9: error: 'weight' must be a whole number from -2147483648 to 2147483647"])),
        .init(name: "duplicate keys", files: ["content/basics/q.md": question(valid + "\ntitle: Again")],
              outcome: .fails(["content/basics/q.md:", "duplicate key 'title'"])),
        .init(name: "front-matter is a list", files: ["content/basics/q.md": question("- title\n- kind")],
              outcome: .fails(["content/basics/q.md:2:1: error: front-matter must be a mapping"])),
        .init(name: "missing front-matter", files: ["content/basics/q.md": Array("# Just Markdown\n".utf8)],
              outcome: .fails(["content/basics/q.md:1:1: error: missing front-matter"])),
        .init(name: "invalid UTF-8", files: ["content/basics/q.md": question(valid) + [0xFF, 0xFE]],
              outcome: .fails(["content/basics/q.md:11:1: error: invalid UTF-8 (byte 0xFF)"])),
        .init(name: "NUL byte", files: ["content/basics/q.md": question("title: Q\u{0}")],
              outcome: .fails(["content/basics/q.md:2:9: error: NUL byte in file"])),
        .init(name: "BOM and CRLF", files: ["content/basics/q.md": [0xEF, 0xBB, 0xBF] + Array(String(decoding: question(valid), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: "\r\n").utf8)],
              outcome: .builds(forbidden: ["\u{FEFF}", "\r"])),
        .init(name: "YAML alias bomb", files: ["content/basics/q.md": question(valid + "\na: &a [\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\naliases: *c")],
              outcome: .fails(["content/basics/q.md:6:4: error: YAML anchors and aliases (&name, *name) are not allowed in front-matter"])),
        .init(name: "very long line", files: ["content/basics/q.md": question(valid, body: String(repeating: "word ", count: 200_000) + "\n")],
              outcome: .builds(forbidden: [])),
        .init(name: "deeply nested block quotes", files: ["content/basics/q.md": question(valid, body: String(repeating: "> ", count: 20_000) + "deep\n")],
              outcome: .builds(forbidden: [])),
        .init(name: "deeply nested lists", files: ["content/basics/q.md": question(valid, body: (0..<1_500).map { String(repeating: "  ", count: $0) + "- item\n" }.joined())],
              outcome: .builds(forbidden: [])),
        .init(name: "pathological inlines", files: ["content/basics/q.md": question(valid, body: String(repeating: "[", count: 50_000) + String(repeating: "*a", count: 50_000) + String(repeating: "`", count: 30_000) + "\n")],
              outcome: .builds(forbidden: [])),
        .init(name: "slug with dot-dot", files: ["content/basics/q.md": question(valid + "\nslug: ../../etc/passwd")],
              outcome: .fails(["content/basics/q.md:6:7: error: slug '../../etc/passwd' must be lowercase letters"])),
        .init(name: "slug with slash", files: ["content/basics/q.md": question(valid + "\nslug: a/b")],
              outcome: .fails(["content/basics/q.md:6:7: error: slug 'a/b' must be"])),
        .init(name: "absolute slug", files: ["content/basics/q.md": question(valid + "\nslug: /tmp/owned")],
              outcome: .fails(["content/basics/q.md:6:7: error: slug '/tmp/owned' must be"])),
        .init(name: "upper case and spaces", files: ["content/basics/q.md": question(valid + "\nslug: Upper Case\ntags: [\"..\", \"a/b\", \"/abs\", \"Has Space\"]")],
              outcome: .fails(["content/basics/q.md:6:7: error: slug 'Upper Case' must be",
                               "content/basics/q.md:7:8: error: tag '..' must be", "content/basics/q.md:7:14: error: tag 'a/b' must be",
                               "content/basics/q.md:7:21: error: tag '/abs' must be", "content/basics/q.md:7:29: error: tag 'Has Space' must be"])),
        .init(name: "file name with spaces", files: ["content/basics/my question.md": question(valid)],
              outcome: .fails(["content/basics/my question.md:1:1: error: file name 'my question.md' is not a valid slug"])),
        .init(name: "category folder named like a generated folder", files: [
                "content/tags/_index.md": Array("---\ntitle: T\ndescription: D\n---\n".utf8), "content/tags/q.md": question(valid)],
              outcome: .fails(["content/tags/_index.md:1:1: error: 'tags' is reserved"])),
        .init(name: "script in every front-matter field", files: [
                "content/basics/_index.md": Array("---\ntitle: \"<script>window.pwned=1</script>\"\ndescription: \"<img src=x onerror=alert(1)>\"\n---\n<script>alert(2)</script>\n".utf8),
                "content/basics/q.md": question("""
                    title: "<script>window.pwned=1</script>"
                    difficulty: beginner
                    kind: technical
                    summary: "</script><script>alert(1)</script>\\u2028"
                    aliases: ["<svg onload=alert(1)>"]
                    follow_ups: ["<iframe src=javascript:alert(1)>"]
                    areas: ["\\"><script>alert(1)</script>"]
                    red_flags: ["<a href=javascript:alert(1)>x</a>"]
                    """),
                "content/guides/g.md": Array("---\ntitle: \"<script>alert('guide')</script>\"\nsummary: \"<b onmouseover=alert(1)>x</b>\"\n---\nBody\n".utf8)],
              outcome: .builds(forbidden: ["<script>window.pwned", "<script>alert", "<img src=x", "<svg onload", "<iframe", "<a href=javascript", "<b onmouseover"])),
        .init(name: "javascript and data links and raw HTML in the body", files: ["content/basics/q.md": question(valid, body: """
                [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
                [vb](vbscript:msgbox(1)) <javascript:alert(1)> ![img](javascript:alert(1))

                <script>alert(1)</script>
                <img src=x onerror="alert(1)">
                <a href="javascript:alert(1)">raw</a>
                <div onclick="alert(1)">div</div>
                """)],
              outcome: .builds(forbidden: ["href=\"javascript:", "href=\"data:", "href=\"vbscript:", "src=\"javascript:", "<script>alert", "onerror=", "onclick="])),
    ]
}

@Suite struct HostileInputTests {
    /// The time limit turns a hang (an exponential parse, say) into a failure; it is no speed
    /// test. A case takes a second or so, but under the sanitizers, on a slow machine busy with
    /// other tests, it can wait and run many times longer, so the ceiling is far away.
    @Test(.timeLimit(.minutes(10)), arguments: HostileCase.all)
    func hostileInputIsHandled(_ hostile: HostileCase) throws {
        let site = try TestSite.minimal(["content/basics/first.md": TestSite.question(title: "First question?")])
        site.build().expectSuccess()
        let before = try OutputTree.files(in: site.output)
        for (path, bytes) in hostile.files { try site.writeBytes(path, bytes) }
        let result = site.build()
        switch hostile.outcome {
        case .builds(let forbidden):
            result.expectSuccess()
            for (path, data) in try OutputTree.files(in: site.output) where path.hasSuffix(".html") || path.hasSuffix(".js") && path.hasPrefix("search/") {
                let text = String(decoding: data, as: UTF8.self)
                for needle in forbidden { #expect(!text.contains(needle), "\(path) contains \(needle)") }
            }
        case .fails(let expected):
            #expect(!result.report.succeeded)
            for prefix in expected {
                #expect(result.errors.contains { $0.hasPrefix(prefix) || (!prefix.contains(": error:") && $0.contains(prefix)) },
                        "no diagnostic starting '\(prefix)' in \(result.errors)")
            }
            #expect(try OutputTree.files(in: site.output) == before, "a failed build changed the output")
        }
    }

    /// Refused for its size before it is read: read, it is a valid question and gives no too-large
    /// error. (No time limit: on a busy machine a test can wait longer for a thread than it runs.)
    @Test func aFiftyMegabyteFileIsRefusedBeforeItIsRead() throws {
        let site = try TestSite.minimal()
        let line = String(repeating: "x", count: 99) + "\n"
        try site.writeBytes("content/basics/huge.md", Array(("---\n" + HostileCase.valid + "\n---\n").utf8) + Array(String(repeating: line, count: 500_000).utf8))
        site.build().expectErrors(["content/basics/huge.md:1:1: error: file is 47.7 MB; content files are limited to 4 MB [too-large]"])
    }

    @Test func symlinksOutOfContentAndLoopsAreRefused() throws {
        let site = try TestSite.minimal()
        let outside = site.directory.appendingPathComponent("outside.md")
        try Data(HostileCase.question(HostileCase.valid)).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: site.directory.appendingPathComponent("content/basics/escape.md").path,
                                                   withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: site.directory.appendingPathComponent("content/basics/loop").path,
                                                   withDestinationPath: site.directory.appendingPathComponent("content").path)
        try FileManager.default.createSymbolicLink(atPath: site.directory.appendingPathComponent("content/basics/etc").path,
                                                   withDestinationPath: "/etc")
        site.build().expectErrors([
            "content/basics/escape.md:1:1: error: symbolic link points outside content/; refusing to read it [symlink]",
            "content/basics/etc:1:1: error: symbolic link points outside content/; refusing to read it [symlink]",
            "content/basics/loop:1:1: error: symbolic link loop [symlink]",
        ])
    }

    /// Inputs the fuzzer once crashed on (Tests/Fixtures/fuzz-regressions) go through the same path again.
    @Test(arguments: (try? FileManager.default.contentsOfDirectory(atPath: Repository.fixture("fuzz-regressions").path).sorted()) ?? [])
    func fuzzRegressionStaysFixed(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Repository.fixture("fuzz-regressions/\(name)")))
        FuzzHarness.run(bytes)
        FuzzHarness.run(Array(bytes.dropFirst()))  // and with each of the first-byte placements
        FuzzHarness.run([0] + bytes)
    }
}
