internal import CTreeSitter

/// A tree-sitter parser and query cursor: one per thread at a time (`CodeHighlighter` lends them
/// out). It owns both, and every tree it makes lives only inside `tokens(…)`.
final class SyntaxParser {
    private let parser: OpaquePointer
    private let cursor: OpaquePointer
    private var captures: [HighlightCapture] = []
    private var matcher = TreeMatcher()
    /// The visible nodes of the tree being matched, refilled for every block.
    private var nodes: [StudyGuideNode] = []
    private var painter = TokenPainter()
    /// What the parse and the query may still spend on the block; the runtime's progress
    /// callbacks read it through their payload.
    private let budget: UnsafeMutablePointer<WorkBudget>
    private var regexes = RegexCache()

    /// Blocks larger than this are shown plain: parsing time grows with the input, and a page
    /// should never wait on one pasted log file.
    static let largestBlock = 256 * 1024
    /// In-progress matches the cursor may hold, so that a pathological query/input pair costs a
    /// bounded, machine-independent amount of work (tree-sitter drops the oldest beyond it).
    private static let matchLimit: UInt32 = 256
    /// How deep in the tree a match may start. Each step of the cursor costs in proportion to its
    /// depth, so 250,000 nested parentheses took minutes; code nests a few dozen levels at most.
    private static let deepestMatch: UInt32 = 256

    init() {
        parser = ts_parser_new()
        cursor = ts_query_cursor_new()
        ts_query_cursor_set_match_limit(cursor, Self.matchLimit)
        ts_query_cursor_set_max_start_depth(cursor, Self.deepestMatch)
        budget = .allocate(capacity: 1)
        budget.initialize(to: WorkBudget())
    }

    deinit {
        budget.deallocate()
        ts_query_cursor_delete(cursor)
        ts_parser_delete(parser)
    }

    /// The tokens of `source` in `grammar`, shifted by `offset`, appended to `tokens`; false when
    /// the block is too large or the grammar cannot be used.
    func tokens(of source: UnsafeBufferPointer<UInt8>, grammar: Grammar, offset: Int = 0, into tokens: inout [Token]) -> Bool {
        guard let chosen = chosenCaptures(of: source, grammar: grammar) else { return false }
        painter.reset(count: source.count)
        for capture in chosen {
            switch capture.style {
            case .token(let kind): painter.paint(capture.start ..< capture.end, kind)
            case .plain, .weak: painter.paint(capture.start ..< capture.end, nil)
            case .ignored: break
            }
        }
        painter.tokens(offset: offset, into: &tokens, source: source)
        return true
    }

    /// The captures of `source` in painting order, found by `TreeMatcher` (and tree-sitter for
    /// any pattern it leaves), or only by tree-sitter running `reference` (tests compare the two);
    /// nil when the block is too large, too costly or the grammar cannot be used.
    func chosenCaptures(of source: UnsafeBufferPointer<UInt8>, grammar: Grammar, reference: CompiledQuery? = nil) -> [HighlightCapture]? {
        guard source.count <= Self.largestBlock, ts_parser_set_language(parser, grammar.language) else { return nil }
        budget.pointee = WorkBudget(bytes: source.count)
        guard let tree = parse(source) else {
            // Over budget: the block is shown plain, and the parser starts afresh next time.
            ts_parser_reset(parser)
            return nil
        }
        defer { ts_tree_delete(tree) }
        let count = listVisibleNodes(of: tree)
        return nodes.withUnsafeBufferPointer { buffer -> [HighlightCapture]? in
            let nodes = UnsafeBufferPointer(rebasing: buffer[0 ..< count])
            if source.count > Self.crowdCheckSize, Self.hasCrowdedNode(nodes) { return nil }
            budget.pointee = WorkBudget(bytes: source.count)
            captures.removeAll(keepingCapacity: true)
            if let reference {
                collectCaptures(of: ts_tree_root_node(tree), query: reference, source: source)
            } else {
                if !grammar.treePatterns.isEmpty {
                    matcher.collect(in: nodes, table: grammar.treePatterns, source: source, deepestStart: Int(Self.deepestMatch),
                                    regexes: &regexes, into: &captures)
                }
                if let query = grammar.query { collectCaptures(of: ts_tree_root_node(tree), query: query, source: source) }
            }
            guard !budget.pointee.exceeded else { return nil }
            return chosenCaptures(grammar.precedence)
        }
    }

    /// Blocks larger than this are checked for a crowded node before their query runs (a smaller
    /// one cannot hold one).
    private static let crowdCheckSize = Int(mostChildren)
    /// At every step the query cursor looks along a node's later siblings for a named one, so a
    /// long run of unnamed siblings costs it time in its square: a quarter of a million unmatched
    /// `(` in JavaScript, which error recovery leaves side by side, ran for minutes. Below this
    /// many children the worst case is a fraction of a second; no code comes near it.
    private static let mostChildren: UInt32 = 16_384

    /// Whether a node of the list has more than `mostChildren` children: a node at depth d + 1
    /// is a child of the last node at depth d before it.
    private static func hasCrowdedNode(_ nodes: UnsafeBufferPointer<StudyGuideNode>) -> Bool {
        var children: [UInt32] = []
        for node in nodes {
            let depth = Int(node.depth)
            if depth > 0 {
                children[depth - 1] += 1
                if children[depth - 1] > mostChildren { return true }
            }
            if depth < children.count { children[depth] = 0 } else { children.append(0) }
        }
        return false
    }

    /// The tree of `source`, or nil when parsing it would cost more than its budget.
    private func parse(_ source: UnsafeBufferPointer<UInt8>) -> OpaquePointer? {
        var text = SourceInput(base: source.baseAddress, count: source.count)
        return withUnsafeMutablePointer(to: &text) { text in
            let input = TSInput(payload: UnsafeMutableRawPointer(text), read: { payload, byteIndex, _, bytesRead in
                let text = payload!.assumingMemoryBound(to: SourceInput.self).pointee
                let index = min(Int(byteIndex), text.count)
                bytesRead!.pointee = UInt32(text.count - index)
                return text.base.map { UnsafeRawPointer($0 + index).assumingMemoryBound(to: CChar.self) }
            }, encoding: TSInputEncodingUTF8, decode: nil)
            let options = TSParseOptions(payload: UnsafeMutableRawPointer(budget), progress_callback: { state in
                state!.pointee.payload!.assumingMemoryBound(to: WorkBudget.self).pointee.spend()
            })
            return ts_parser_parse_with_options(parser, nil, input, options)
        }
    }

    /// Puts the tree's visible nodes at the start of `nodes`, growing it when the tree has more;
    /// returns how many there are.
    private func listVisibleNodes(of tree: OpaquePointer) -> Int {
        while true {
            let count = nodes.withUnsafeMutableBufferPointer { studyguide_visible_nodes(tree, $0.baseAddress, $0.count) }
            if count <= nodes.count { return count }
            nodes = Array(repeating: StudyGuideNode(), count: count + count / 2)
        }
    }

    /// Appends the captures of tree-sitter's query cursor running `query`.
    private func collectCaptures(of root: TSNode, query: CompiledQuery, source: UnsafeBufferPointer<UInt8>) {
        var options = TSQueryCursorOptions(payload: UnsafeMutableRawPointer(budget), progress_callback: { state in
            state!.pointee.payload!.assumingMemoryBound(to: WorkBudget.self).pointee.spend()
        })
        ts_query_cursor_exec_with_options(cursor, query.query, root, &options)
        var match = TSQueryMatch()
        var captureIndex: UInt32 = 0
        while ts_query_cursor_next_capture(cursor, &match, &captureIndex) {
            let matched = UnsafeBufferPointer(start: match.captures, count: Int(match.capture_count))
            let predicates = query.predicates[Int(match.pattern_index)]
            if !predicates.isEmpty, !predicates.allSatisfy({ $0.holds(captures: matched, source: source, regexes: &regexes) }) {
                ts_query_cursor_remove_match(cursor, match.id)
                continue
            }
            let capture = matched[Int(captureIndex)]
            let style = query.styles[Int(capture.index)]
            let start = Int(ts_node_start_byte(capture.node)), end = Int(ts_node_end_byte(capture.node))
            guard style != .ignored, start < end else { continue }
            captures.append(HighlightCapture(start: start, end: end, pattern: query.orders[Int(match.pattern_index)], style: style))
        }
    }

    /// The captures to paint, in painting order: outer before inner, and of several captures of
    /// the same text only the one that wins (a `weak` one only when nothing else captured it).
    private func chosenCaptures(_ precedence: Grammar.Precedence) -> [HighlightCapture] {
        captures.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end > b.end }
            return a.pattern < b.pattern
        }
        var chosen: [HighlightCapture] = []
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

/// The bytes a parse reads, for the runtime's read callback.
private struct SourceInput {
    let base: UnsafePointer<UInt8>?
    let count: Int
}

/// A deterministic bound on the work one block may cost. tree-sitter calls back every hundred
/// operations of its parser and of its query cursor; a block gets a number of calls in proportion
/// to its length, far above what code needs, and is shown plain when it runs out. A timeout
/// would bound the time too, but what it cut would depend on the machine, and the same input
/// must give the same bytes everywhere. (250,000 open parentheses as JavaScript ran for minutes.)
struct WorkBudget {
    private(set) var remaining = 0
    private(set) var exceeded = false

    init() {}

    init(bytes: Int) {
        remaining = Self.callsPerByte * bytes + Self.callsPerBlock
    }

    static let callsPerByte = 4
    static let callsPerBlock = 2_000

    /// One callback: true (stop) once the budget is spent.
    mutating func spend() -> Bool {
        remaining -= 1
        if remaining < 0 { exceeded = true }
        return exceeded
    }
}
