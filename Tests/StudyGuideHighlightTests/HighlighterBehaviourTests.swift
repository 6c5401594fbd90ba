import Testing
@testable import StudyGuideHighlight
import StudyGuideMarkdown

@Suite struct HighlighterBehaviourTests {
    func html(_ code: String, _ info: String) -> String {
        var out: [UInt8] = []
        let code = Array(code.utf8), info = Array(info.utf8)
        _ = info.withUnsafeBufferPointer { info in code.withUnsafeBufferPointer { CodeHighlighter.shared.render(info: info, code: $0, into: &out) } }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func aliasesPickTheirLanguage() {
        #expect(CodeLanguage(fenceName: "ts") == .typescript)
        #expect(CodeLanguage(fenceName: "YML") == .yaml)
        #expect(CodeLanguage(fenceName: "sh") == .bash)
        #expect(CodeLanguage(fenceName: "py") == .python)
        #expect(CodeLanguage(fenceName: "cobol") == nil)
    }

    @Test func anUnknownLanguageWithoutOptionsIsLeftToCmark() {
        #expect(html("x < y\n", "cobol").isEmpty)
    }

    @Test func anUnknownLanguageWithOptionsGetsLinesButNoTokens() {
        let out = html("one\ntwo\n", "text {hl_lines=2}")
        #expect(out == #"<pre><code class="language-text"><span class="line">one"# + "\n" + #"</span><span class="line marked">two"# + "\n</span></code></pre>")
    }

    @Test func aTokenAcrossLinesIsCutAtEachLine() {
        let out = html("/* one\ntwo */\n", "js {linenos=true}")
        #expect(out.contains(#"<span class="line" data-n="1"><span class="comment">/* one"# + "\n</span></span>"))
        #expect(out.contains(#"<span class="line" data-n="2"><span class="comment">two */</span>"#))
    }

    @Test func httpHandsAJSONBodyToTheJSONGrammar() {
        let out = html("HTTP/1.1 404 Not Found\nContent-Type: application/problem+json\n\n{\"title\": \"gone\"}\n", "http")
        #expect(out.contains(#"<span class="constant">HTTP/1.1</span> <span class="number">404</span> <span class="string">Not Found</span>"#))
        #expect(out.contains(#"<span class="attribute">Content-Type</span>"#))
        #expect(out.contains(#"<span class="property">&quot;title&quot;</span>"#))
    }

    @Test func httpWithoutAStartLineIsNotGuessedAt() {
        #expect(html("just some words: here\n", "http") == #"<pre><code class="language-http">just some words: here"# + "\n</code></pre>")
    }

    @Test func aShellSessionParsesOnlyItsCommands() {
        let out = html("$ echo 'if then'\nif then fi\n", "console")
        #expect(out.contains(#"<span class="prompt">$ </span><span class="function">echo</span>"#))
        // The output line would be keywords if it were parsed as shell.
        #expect(out.contains(#"<span class="output">if then fi</span>"#))
    }

    @Test func aScriptWithoutPromptsIsAllShell() {
        #expect(html("echo $HOME\n", "bash").contains(#"<span class="function">echo</span>"#))
    }

    @Test func tooLargeABlockStaysPlainButEscaped() {
        let code = String(repeating: "SELECT '<x>';\n", count: SyntaxParser.largestBlock / 10)
        let out = html(code, "sql")
        #expect(!out.contains("<span"))
        #expect(out.contains("&lt;x&gt;"))
    }

    static func nested(_ count: Int, _ line: (Int) -> String) -> String {
        (0 ..< count).map(line).joined()
    }

    static let pathological: [(String, String)] = [
        ("js", String(repeating: "(", count: 250_000)),
        ("json", String(repeating: "[", count: 100_000)),
        ("yaml", String(repeating: "- ", count: 1_500) + "x\n"),
        ("yaml", nested(600) { String(repeating: " ", count: $0) + "k\($0):\n" }),
        ("python", nested(700) { String(repeating: " ", count: $0) + "if x:\n" }),
        ("bash", nested(60) { "cat <<" + String(repeating: "E", count: 40 + $0) + "\n" }),
    ]

    /// Inputs that once hung the query cursor or overflowed a scanner's state buffer (and so
    /// stopped the program): each finishes, and keeps its text.
    @Test(arguments: 0 ..< pathological.count)
    func pathologicalBlocksFinishAndKeepTheirText(_ index: Int) {
        let (language, code) = Self.pathological[index]
        let out = html(code, language)
        #expect(HighlightCheck.textContent(of: Array(out.utf8)) == Array(code.utf8), "\(language) case \(index)")
    }

    @Test func theCheckRejectsBrokenMarkup() {
        func check(_ html: String) -> String? { HighlightCheck.textContent(of: Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) } }
        #expect(check(#"<pre><code class="language-x"><span class="keyword">a</span> &lt;b&gt;</code></pre>"#) == "a <b>")
        #expect(check(#"<pre><code><span class="keyword">a</code></pre>"#) == nil)            // unclosed
        #expect(check(#"<pre><code><span class="bogus">a</span></code></pre>"#) == nil)      // unknown class
        #expect(check(#"<pre><code>a < b</code></pre>"#) == nil)                               // raw <
        #expect(check(#"<pre><code><span class="keyword"><span class="line">a</span></span></code></pre>"#) == nil)  // line inside a token
        #expect(check(#"<pre><code>&nbsp;</code></pre>"#) == nil)                              // an entity we never write
    }

    @Test func everyQueryCompilesWithFewPatternsDropped() {
        for language in CodeLanguage.allCases where language != .http {
            let dropped = CodeHighlighter.droppedPatterns(language)
            #expect(dropped != nil, "\(language) has no grammar")
            // Only the Dockerfile query, written for a newer grammar, loses patterns (two).
            #expect((dropped ?? 0) <= (language == .dockerfile ? 2 : 0), "\(language) dropped \(dropped ?? -1) patterns")
        }
    }

    @Test func safeModeStillHighlightsAndNeverPassesTheCodeThrough() {
        let markdown = "```js\nconst s = \"<script>alert(1)</script>\";\n```\n"
        let out = MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: false, codeBlocks: CodeHighlighter.shared)).html
        #expect(out.contains("&lt;script&gt;"))
        #expect(!out.contains("<script>"))
        #expect(out.contains(#"<span class="keyword">const</span>"#))
    }

    @Test func aBlockCachedBetweenRendersGivesTheSameHTML() {
        let highlighter = CodeHighlighter(cachingBlocks: true)
        let code = Array("SELECT 1;\n".utf8), info = Array("sql".utf8)
        var first: [UInt8] = [], second: [UInt8] = []
        _ = info.withUnsafeBufferPointer { i in code.withUnsafeBufferPointer { highlighter.render(info: i, code: $0, into: &first) } }
        _ = info.withUnsafeBufferPointer { i in code.withUnsafeBufferPointer { highlighter.render(info: i, code: $0, into: &second) } }
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains(#"<span class="keyword">SELECT</span>"#))
    }
}
