internal import CTreeSitter

/// A tree-sitter parser and query cursor: one per thread at a time (`CodeHighlighter` lends them
/// out). It owns both, and every tree it makes lives only inside `tokens(…)`.
final class SyntaxParser {
    private let parser: OpaquePointer
    private let cursor: OpaquePointer
    private var captures: [Capture] = []
    private var painter = TokenPainter()
    private var regexes = RegexCache()

    private struct Capture {
        var start: Int
        var end: Int
        var pattern: UInt32
        var style: CaptureStyle
    }

    /// Blocks larger than this are shown plain: parsing time grows with the input, and a page
    /// should never wait on one pasted log file.
    static let largestBlock = 256 * 1024
    /// In-progress matches the cursor may hold, so that a pathological query/input pair costs a
    /// bounded, machine-independent amount of work (tree-sitter drops the oldest beyond it).
    private static let matchLimit: UInt32 = 256

    init() {
        parser = ts_parser_new()
        cursor = ts_query_cursor_new()
        ts_query_cursor_set_match_limit(cursor, Self.matchLimit)
    }

    deinit {
        ts_query_cursor_delete(cursor)
        ts_parser_delete(parser)
    }

    /// The tokens of `source` in `grammar`, shifted by `offset`, appended to `tokens`; false when
    /// the block is too large or the grammar cannot be used.
    func tokens(of source: UnsafeBufferPointer<UInt8>, grammar: Grammar, offset: Int = 0, into tokens: inout [Token]) -> Bool {
        guard source.count <= Self.largestBlock, ts_parser_set_language(parser, grammar.language) else { return false }
        let tree = source.withMemoryRebound(to: CChar.self) {
            ts_parser_parse_string(parser, nil, $0.baseAddress, UInt32($0.count))
        }
        guard let tree else { return false }
        defer { ts_tree_delete(tree) }
        collectCaptures(of: ts_tree_root_node(tree), grammar: grammar, source: source)
        painter.reset(count: source.count)
        for capture in chosenCaptures(grammar.precedence) {
            switch capture.style {
            case .token(let kind): painter.paint(capture.start ..< capture.end, kind)
            case .plain, .weak: painter.paint(capture.start ..< capture.end, nil)
            case .ignored: break
            }
        }
        painter.tokens(offset: offset, into: &tokens, source: source)
        return true
    }

    private func collectCaptures(of root: TSNode, grammar: Grammar, source: UnsafeBufferPointer<UInt8>) {
        captures.removeAll(keepingCapacity: true)
        ts_query_cursor_exec(cursor, grammar.query, root)
        var match = TSQueryMatch()
        var captureIndex: UInt32 = 0
        while ts_query_cursor_next_capture(cursor, &match, &captureIndex) {
            let matched = UnsafeBufferPointer(start: match.captures, count: Int(match.capture_count))
            let predicates = grammar.predicates[Int(match.pattern_index)]
            if !predicates.isEmpty, !predicates.allSatisfy({ $0.holds(captures: matched, source: source, regexes: &regexes) }) {
                ts_query_cursor_remove_match(cursor, match.id)
                continue
            }
            let capture = matched[Int(captureIndex)]
            let style = grammar.styles[Int(capture.index)]
            let start = Int(ts_node_start_byte(capture.node)), end = Int(ts_node_end_byte(capture.node))
            guard style != .ignored, start < end else { continue }
            captures.append(Capture(start: start, end: end, pattern: UInt32(match.pattern_index), style: style))
        }
    }

    /// The captures to paint, in painting order: outer before inner, and of several captures of
    /// the same text only the one that wins (a `weak` one only when nothing else captured it).
    private func chosenCaptures(_ precedence: Grammar.Precedence) -> [Capture] {
        captures.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end > b.end }
            return a.pattern < b.pattern
        }
        var chosen: [Capture] = []
        chosen.reserveCapacity(captures.count)
        var index = 0
        while index < captures.count {
            // One group: the captures of exactly the same text.
            var winner = captures[index]
            var end = index + 1
            while end < captures.count, captures[end].start == winner.start, captures[end].end == winner.end {
                let other = captures[end]
                if winner.style == .weak || (other.style != .weak && precedence == .lastPattern) { winner = other }
                end += 1
            }
            chosen.append(winner)
            index = end
        }
        return chosen
    }
}
