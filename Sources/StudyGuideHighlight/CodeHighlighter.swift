internal import Foundation
public import StudyGuideMarkdown

/// Highlights fenced code blocks at build time, through tree-sitter grammars (and a lexer of
/// its own for HTTP). Safe to use from many threads at once: each call borrows a parser.
///
/// Whatever the input, the HTML's text is exactly the block's text, and its markup is
/// well-formed: spans are written from non-overlapping tokens and never cross a line.
public final class CodeHighlighter: CodeBlockRendering {
    private let parsers = Locked<[SyntaxParser]>([])
    private let cache: Locked<[CacheKey: [UInt8]]>?
    private let cacheLimit: Int
    private let cachedBytes = Locked(0)

    /// One for the whole process, keeping no block: what a build uses.
    public static let shared = CodeHighlighter()

    /// `cachingBlocks`: keep each block's HTML by its info string and text, for a process that
    /// renders the same site again and again (`serve`). `cacheLimit` bounds the HTML kept.
    public init(cachingBlocks: Bool = false, cacheLimit: Int = 64 << 20) {
        cache = cachingBlocks ? Locked([:]) : nil
        self.cacheLimit = cacheLimit
    }

    /// The languages whose grammar this program was built with (all but HTTP's need one).
    public static var availableLanguages: [CodeLanguage] {
        CodeLanguage.allCases.filter { language in language.grammarName.map { Grammar.named($0) != nil } ?? true }
    }

    /// Query patterns a grammar's version rejected (dropped when its query was compiled).
    public static func droppedPatterns(_ language: CodeLanguage) -> Int? {
        language.grammarName.flatMap { Grammar.named($0)?.droppedPatterns }
    }

    /// Appends the `<pre>` element of a fenced block to `html` and returns true; false (nothing
    /// appended) when its language is not one this highlights and it asks for no line options,
    /// so the caller renders it as it always has.
    public func render(info: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<UInt8>, into html: inout [UInt8]) -> Bool {
        let infoText = String(decoding: info, as: UTF8.self)
        let fence = FenceInfo(infoText)
        let language = CodeLanguage(fenceName: fence.language)
        guard language != nil || fence.wrapsLines else { return false }
        let key = cache.map { _ in CacheKey(info: Array(info), code: Array(code)) }
        if let cache, let key, let hit = cache.withLock({ $0[key] }) {
            html += hit
            return true
        }
        let start = html.count
        let found = language.map { tokens(of: code, in: $0) } ?? []
        let languageWord = info.prefix { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "{") }
        CodeBlockHTML(source: code, tokens: found, info: fence)
            .write(languageClass: UnsafeBufferPointer(rebasing: languageWord), into: &html)
        if let cache, let key { store(Array(html[start...]), for: key, in: cache) }
        return true
    }

    /// The block's tokens (none when its grammar is missing or the block is too large).
    func tokens(of code: UnsafeBufferPointer<UInt8>, in language: CodeLanguage) -> [Token] {
        withParser { parser in
            var tokens: [Token] = []
            switch language {
            case .http:
                let json = Grammar.named("json")
                tokens = HTTPLexer(source: code).tokens { body, tokens in
                    guard let json else { return }
                    _ = parser.tokens(of: UnsafeBufferPointer(rebasing: code[body]), grammar: json, offset: body.lowerBound, into: &tokens)
                }
            case .bash where ShellSession.isSession(code):
                let bash = Grammar.named("bash")
                tokens = ShellSession(source: code).tokens { command, tokens in
                    guard let bash else { return }
                    _ = parser.tokens(of: UnsafeBufferPointer(rebasing: code[command]), grammar: bash, offset: command.lowerBound, into: &tokens)
                }
            default:
                guard let name = language.grammarName, let grammar = Grammar.named(name) else { return [] }
                _ = parser.tokens(of: code, grammar: grammar, into: &tokens)
            }
            return tokens
        }
    }

    private func withParser<Result>(_ body: (SyntaxParser) -> Result) -> Result {
        let parser = parsers.withLock { $0.popLast() } ?? SyntaxParser()
        defer { parsers.withLock { $0.append(parser) } }
        return body(parser)
    }

    private func store(_ html: [UInt8], for key: CacheKey, in cache: Locked<[CacheKey: [UInt8]]>) {
        let size = html.count + key.info.count + key.code.count
        let overflow = cachedBytes.withLock { total -> Bool in
            total += size
            if total > cacheLimit { total = size; return true }
            return false
        }
        cache.withLock { entries in
            // Over the limit: start again, simpler than an LRU and rare (64 MB of highlighted code).
            if overflow { entries.removeAll() }
            entries[key] = html
        }
    }

    private struct CacheKey: Hashable {
        let info: [UInt8]
        let code: [UInt8]
    }
}
