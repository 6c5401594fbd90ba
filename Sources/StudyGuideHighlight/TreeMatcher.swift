internal import CTreeSitter

/// What a highlights pattern captured: a byte range, the pattern's place in its query, and how
/// the capture styles the text.
struct HighlightCapture: Equatable {
    var start: Int
    var end: Int
    var pattern: UInt32
    var style: CaptureStyle
}

/// Finds every capture of a grammar's `TreePattern`s in a tree, walking it once. A node's
/// children are read only where a pattern rooted at it has child patterns.
///
/// Like tree-sitter's query cursor, it reports every capture that some complete match makes: a
/// child pattern captures every child that can take its place in a match of all the child
/// patterns in order. Matches start no deeper than tree-sitter's cursor is allowed to start them.
struct TreeMatcher {
    private struct Child {
        var node: TSNode
        var symbol: TSSymbol
        var field: TSFieldId
        var named: Bool
    }

    /// The children of the nodes being matched, one list after another.
    private var children: [Child] = []

    /// The nodes from the root to the walk's current node: what chains check their ancestors against.
    private var ancestors: [Ancestor] = []

    private struct Ancestor {
        var symbol: TSSymbol
        var named: Bool
        /// Its field in its parent, noted only for symbols some chain asks it of.
        var field: TSFieldId
    }

    /// Appends the captures of `table`'s patterns in the tree under `root`.
    mutating func collect(in root: TSNode, table: PatternTable, source: UnsafeBufferPointer<UInt8>, deepestStart: Int,
                          regexes: inout RegexCache, into captures: inout [HighlightCapture]) {
        var walk = ts_tree_cursor_new(root)
        var probe = ts_tree_cursor_new(root)
        defer {
            ts_tree_cursor_delete(&walk)
            ts_tree_cursor_delete(&probe)
        }
        var context = Context(source: source, styles: table.styles)
        ancestors.removeAll(keepingCapacity: true)
        var depth = 0
        while true {
            let node = ts_tree_cursor_current_node(&walk)
            let symbol = ts_node_symbol(node), named = ts_node_is_named(node)
            let field = table.needsField(symbol) ? ts_tree_cursor_current_field_id(&walk) : 0
            if depth < ancestors.count {
                ancestors[depth] = Ancestor(symbol: symbol, named: named, field: field)
            } else {
                ancestors.append(Ancestor(symbol: symbol, named: named, field: field))
            }
            var ownField: TSFieldId?
            table.forEachChain(symbol, named: named) { chain in
                let levelCount = chain.levels.count
                guard depth - levelCount >= 0, depth - levelCount <= deepestStart else { return }
                if chain.field != 0 {
                    if ownField == nil { ownField = ts_tree_cursor_current_field_id(&walk) }
                    guard ownField == chain.field else { return }
                }
                var above = depth - 1
                for index in chain.levels {
                    let level = table.level(index)
                    let ancestor = ancestors[above]
                    guard table.accepts(level, ancestor.symbol, named: ancestor.named), level.field == 0 || level.field == ancestor.field else { return }
                    above -= 1
                }
                if chain.predicates >= 0,
                   !Self.holds(table.predicates[Int(chain.predicates)], node, table.captureIDs[Int(chain.captures.lowerBound)], source, &regexes) {
                    return
                }
                let start = Int(ts_node_start_byte(node)), end = Int(ts_node_end_byte(node))
                guard start < end else { return }
                for id in chain.captures {
                    let style = context.styles[Int(table.captureIDs[Int(id)])]
                    if style != .ignored { captures.append(HighlightCapture(start: start, end: end, pattern: chain.order, style: style)) }
                }
            }
            if depth <= deepestStart {
                table.forEachRooted(symbol, named: named) { pattern in
                    context.pattern = pattern
                    if matches(pattern.root, node, &context, &probe, &regexes) {
                        collect(pattern.root, node, &context, &probe, &regexes, &captures)
                    }
                }
            }
            if ts_tree_cursor_goto_first_child(&walk) {
                depth += 1
                continue
            }
            while !ts_tree_cursor_goto_next_sibling(&walk) {
                guard ts_tree_cursor_goto_parent(&walk) else { return }
                depth -= 1
            }
        }
    }

    private struct Context {
        let source: UnsafeBufferPointer<UInt8>
        let styles: [CaptureStyle]
        var pattern: TreePattern?
    }

    /// Whether `node`, which passes `pattern`'s own test, completes a match of it.
    private mutating func matches(_ pattern: PatternNode, _ node: TSNode, _ context: inout Context, _ probe: inout TSTreeCursor,
                                  _ regexes: inout RegexCache) -> Bool {
        if !pattern.captures.isEmpty, let predicates = context.pattern?.predicates, !predicates.isEmpty,
           !Self.holds(predicates, node, pattern.captures[0], context.source, &regexes) {
            return false
        }
        if pattern.children.isEmpty { return true }
        let first = gatherChildren(of: node, &probe)
        defer { children.removeSubrange(first...) }
        var position = first
        for child in pattern.children {
            guard let found = nextMatch(of: child, from: position, first: first, &context, &probe, &regexes) else { return false }
            position = found + 1
        }
        return true
    }

    /// Appends the captures of a match of `pattern` at `node`, which `matches` accepted.
    private mutating func collect(_ pattern: PatternNode, _ node: TSNode, _ context: inout Context, _ probe: inout TSTreeCursor,
                                  _ regexes: inout RegexCache, _ captures: inout [HighlightCapture]) {
        let start = Int(ts_node_start_byte(node)), end = Int(ts_node_end_byte(node))
        for id in pattern.captures {
            let style = context.styles[Int(id)]
            guard style != .ignored, start < end, let order = context.pattern?.order else { continue }
            captures.append(HighlightCapture(start: start, end: end, pattern: order, style: style))
        }
        guard pattern.children.contains(where: { $0.capturesAnything }) else { return }
        let first = gatherChildren(of: node, &probe)
        defer { children.removeSubrange(first...) }
        let count = pattern.children.count
        // Where the earliest match of child patterns 0...j ends, and the latest of j..<count starts:
        // a child takes pattern j's place in some complete match exactly when it lies between them.
        var earliestEnd = [Int](repeating: 0, count: count)
        var position = first
        for (number, child) in pattern.children.enumerated() {
            guard let found = nextMatch(of: child, from: position, first: first, &context, &probe, &regexes) else { return }
            earliestEnd[number] = found
            position = found + 1
        }
        var latestStart = [Int](repeating: 0, count: count)
        var limit = children.count
        for number in (0 ..< count).reversed() {
            guard let found = previousMatch(of: pattern.children[number], before: limit, first: first, &context, &probe, &regexes) else { return }
            latestStart[number] = found
            limit = found
        }
        for (number, child) in pattern.children.enumerated() where child.capturesAnything {
            let lower = number == 0 ? first : earliestEnd[number - 1] + 1
            let upper = number == count - 1 ? children.count : latestStart[number + 1]
            var place = lower
            while place < upper {
                if accepts(child, at: place, first: first), matches(child, children[place].node, &context, &probe, &regexes) {
                    collect(child, children[place].node, &context, &probe, &regexes, &captures)
                }
                place += 1
            }
        }
    }

    private mutating func nextMatch(of pattern: PatternNode, from start: Int, first: Int, _ context: inout Context,
                                    _ probe: inout TSTreeCursor, _ regexes: inout RegexCache) -> Int? {
        var place = start
        while place < children.count {
            if accepts(pattern, at: place, first: first), matches(pattern, children[place].node, &context, &probe, &regexes) { return place }
            place += 1
        }
        return nil
    }

    private mutating func previousMatch(of pattern: PatternNode, before end: Int, first: Int, _ context: inout Context,
                                        _ probe: inout TSTreeCursor, _ regexes: inout RegexCache) -> Int? {
        var place = end - 1
        while place >= first {
            if accepts(pattern, at: place, first: first), matches(pattern, children[place].node, &context, &probe, &regexes) { return place }
            place -= 1
        }
        return nil
    }

    /// Whether the child at `place` passes `pattern`'s test, field and anchor.
    private func accepts(_ pattern: PatternNode, at place: Int, first: Int) -> Bool {
        let child = children[place]
        guard pattern.accepts(child.symbol, named: child.named), pattern.field == 0 || pattern.field == child.field else { return false }
        if pattern.firstNamedChild {
            // `.` first: no named sibling before it.
            var before = first
            while before < place {
                if children[before].named { return false }
                before += 1
            }
            return child.named
        }
        return true
    }

    /// Appends `node`'s children to `children`; returns where they start.
    private mutating func gatherChildren(of node: TSNode, _ probe: inout TSTreeCursor) -> Int {
        let first = children.count
        ts_tree_cursor_reset(&probe, node)
        guard ts_tree_cursor_goto_first_child(&probe) else { return first }
        repeat {
            let child = ts_tree_cursor_current_node(&probe)
            children.append(Child(node: child, symbol: ts_node_symbol(child), field: ts_tree_cursor_current_field_id(&probe),
                                  named: ts_node_is_named(child)))
        } while ts_tree_cursor_goto_next_sibling(&probe)
        return first
    }

    private static func holds(_ predicates: [QueryPredicate], _ node: TSNode, _ capture: UInt32, _ source: UnsafeBufferPointer<UInt8>,
                              _ regexes: inout RegexCache) -> Bool {
        var captured = TSQueryCapture(node: node, index: capture)
        return withUnsafePointer(to: &captured) { pointer in
            let captures = UnsafeBufferPointer(start: pointer, count: 1)
            return predicates.allSatisfy { $0.holds(captures: captures, source: source, regexes: &regexes) }
        }
    }
}

extension PatternNode {
    /// Whether this node or one under it carries a capture.
    var capturesAnything: Bool {
        !captures.isEmpty || children.contains { $0.capturesAnything }
    }
}
