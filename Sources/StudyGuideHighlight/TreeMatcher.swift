internal import CTreeSitter

/// What a highlights pattern captured: a byte range, the pattern's place in its query, and how
/// the capture styles the text.
struct HighlightCapture: Equatable {
    var start: Int
    var end: Int
    var pattern: UInt32
    var style: CaptureStyle
}

/// Finds every capture of a grammar's `TreePattern`s in a tree's visible nodes, listed in
/// document order by `studyguide_visible_nodes` (one pass over the tree in C: walking it with the
/// public tree cursor took four times the instructions). A node's children are read from the
/// list only where a pattern rooted at it has child patterns.
///
/// Like tree-sitter's query cursor, it reports every capture that some complete match makes: a
/// child pattern captures every child that can take its place in a match of all the child
/// patterns in order. Matches start no deeper than tree-sitter's cursor is allowed to start them.
struct TreeMatcher {
    /// The children (indices in the node list) of the nodes being matched, one list after another.
    private var children: [Int] = []
    /// For each depth, the index of the walk's latest node there: the current node's ancestors.
    private var ancestors: [Int] = []

    /// Appends the captures of `table`'s patterns among `nodes`.
    mutating func collect(in nodes: UnsafeBufferPointer<StudyGuideNode>, table: PatternTable, source: UnsafeBufferPointer<UInt8>,
                          deepestStart: Int, regexes: inout RegexCache, into captures: inout [HighlightCapture]) {
        var context = Context(nodes: nodes, source: source, styles: table.styles)
        ancestors.removeAll(keepingCapacity: true)
        for index in nodes.indices {
            let node = nodes[index]
            let depth = Int(node.depth)
            if depth < ancestors.count {
                ancestors[depth] = index
            } else {
                ancestors.append(index)
            }
            table.forEachChain(node.symbol, named: node.named) { chain in
                let levelCount = chain.levels.count
                guard depth - levelCount >= 0, depth - levelCount <= deepestStart, chain.field == 0 || chain.field == node.field else { return }
                var above = depth - 1
                for level in chain.levels {
                    let test = table.level(level)
                    let ancestor = nodes[ancestors[above]]
                    guard table.accepts(test, ancestor.symbol, named: ancestor.named), test.field == 0 || test.field == ancestor.field else { return }
                    above -= 1
                }
                guard node.start_byte < node.end_byte else { return }
                if chain.predicates >= 0,
                   !Self.holds(table.predicates[Int(chain.predicates)], node, table.captureIDs[Int(chain.captures.lowerBound)], source, &regexes) {
                    return
                }
                for id in chain.captures {
                    let style = context.styles[Int(table.captureIDs[Int(id)])]
                    if style != .ignored {
                        captures.append(HighlightCapture(start: Int(node.start_byte), end: Int(node.end_byte), pattern: chain.order, style: style))
                    }
                }
            }
            if depth <= deepestStart {
                table.forEachRooted(node.symbol, named: node.named) { pattern in
                    context.pattern = pattern
                    if matches(pattern.root, index, &context, &regexes) {
                        collect(pattern.root, index, &context, &regexes, &captures)
                    }
                }
            }
        }
    }

    private struct Context {
        let nodes: UnsafeBufferPointer<StudyGuideNode>
        let source: UnsafeBufferPointer<UInt8>
        let styles: [CaptureStyle]
        var pattern: TreePattern?
    }

    /// Whether the node at `index`, which passes `pattern`'s own test, completes a match of it.
    private mutating func matches(_ pattern: PatternNode, _ index: Int, _ context: inout Context, _ regexes: inout RegexCache) -> Bool {
        if !pattern.captures.isEmpty, let predicates = context.pattern?.predicates, !predicates.isEmpty,
           !Self.holds(predicates, context.nodes[index], pattern.captures[0], context.source, &regexes) {
            return false
        }
        if pattern.children.isEmpty { return true }
        let first = gatherChildren(of: index, context.nodes)
        defer { children.removeSubrange(first...) }
        var position = first
        for child in pattern.children {
            guard let found = nextMatch(of: child, from: position, first: first, &context, &regexes) else { return false }
            position = found + 1
        }
        return true
    }

    /// Appends the captures of a match of `pattern` at the node at `index`, which `matches` accepted.
    private mutating func collect(_ pattern: PatternNode, _ index: Int, _ context: inout Context, _ regexes: inout RegexCache,
                                  _ captures: inout [HighlightCapture]) {
        let node = context.nodes[index]
        for id in pattern.captures {
            let style = context.styles[Int(id)]
            guard style != .ignored, node.start_byte < node.end_byte, let order = context.pattern?.order else { continue }
            captures.append(HighlightCapture(start: Int(node.start_byte), end: Int(node.end_byte), pattern: order, style: style))
        }
        guard pattern.children.contains(where: { $0.capturesAnything }) else { return }
        let first = gatherChildren(of: index, context.nodes)
        defer { children.removeSubrange(first...) }
        let count = pattern.children.count
        // Where the earliest match of child patterns 0...j ends, and the latest of j..<count starts:
        // a child takes pattern j's place in some complete match exactly when it lies between them.
        var earliestEnd = [Int](repeating: 0, count: count)
        var position = first
        for (number, child) in pattern.children.enumerated() {
            guard let found = nextMatch(of: child, from: position, first: first, &context, &regexes) else { return }
            earliestEnd[number] = found
            position = found + 1
        }
        var latestStart = [Int](repeating: 0, count: count)
        var limit = children.count
        for number in (0 ..< count).reversed() {
            guard let found = previousMatch(of: pattern.children[number], before: limit, first: first, &context, &regexes) else { return }
            latestStart[number] = found
            limit = found
        }
        for (number, child) in pattern.children.enumerated() where child.capturesAnything {
            let lower = number == 0 ? first : earliestEnd[number - 1] + 1
            let upper = number == count - 1 ? children.count : latestStart[number + 1]
            var place = lower
            while place < upper {
                if accepts(child, at: place, first: first, context.nodes), matches(child, children[place], &context, &regexes) {
                    collect(child, children[place], &context, &regexes, &captures)
                }
                place += 1
            }
        }
    }

    private mutating func nextMatch(of pattern: PatternNode, from start: Int, first: Int, _ context: inout Context,
                                    _ regexes: inout RegexCache) -> Int? {
        var place = start
        while place < children.count {
            if accepts(pattern, at: place, first: first, context.nodes), matches(pattern, children[place], &context, &regexes) { return place }
            place += 1
        }
        return nil
    }

    private mutating func previousMatch(of pattern: PatternNode, before end: Int, first: Int, _ context: inout Context,
                                        _ regexes: inout RegexCache) -> Int? {
        var place = end - 1
        while place >= first {
            if accepts(pattern, at: place, first: first, context.nodes), matches(pattern, children[place], &context, &regexes) { return place }
            place -= 1
        }
        return nil
    }

    /// Whether the child at `place` passes `pattern`'s test, field and anchor.
    private func accepts(_ pattern: PatternNode, at place: Int, first: Int, _ nodes: UnsafeBufferPointer<StudyGuideNode>) -> Bool {
        let child = nodes[children[place]]
        guard pattern.accepts(child.symbol, named: child.named), pattern.field == 0 || pattern.field == child.field else { return false }
        if pattern.firstNamedChild {
            // `.` first: no named sibling before it.
            var before = first
            while before < place {
                if nodes[children[before]].named { return false }
                before += 1
            }
            return child.named
        }
        return true
    }

    /// Appends the indices of the children of the node at `index` to `children`; returns where they start.
    private mutating func gatherChildren(of index: Int, _ nodes: UnsafeBufferPointer<StudyGuideNode>) -> Int {
        let first = children.count
        let depth = nodes[index].depth
        var next = index + 1
        while next < nodes.count, nodes[next].depth > depth {
            if nodes[next].depth == depth + 1 { children.append(next) }
            next += 1
        }
        return first
    }

    private static func holds(_ predicates: [QueryPredicate], _ node: StudyGuideNode, _ capture: UInt32, _ source: UnsafeBufferPointer<UInt8>,
                              _ regexes: inout RegexCache) -> Bool {
        let start = min(Int(node.start_byte), source.count), end = min(max(Int(node.end_byte), start), source.count)
        let text = UnsafeBufferPointer(rebasing: source[start ..< end])
        return predicates.allSatisfy { $0.holds(capture: capture, text: text, regexes: &regexes) }
    }
}

extension PatternNode {
    /// Whether this node or one under it carries a capture.
    var capturesAnything: Bool {
        !captures.isEmpty || children.contains { $0.capturesAnything }
    }
}
