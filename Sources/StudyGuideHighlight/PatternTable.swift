internal import CTreeSitter

/// A grammar's `TreePattern`s arranged for `TreeMatcher`'s walk, looked up by node symbol.
///
/// Nearly every pattern is a *chain*: a node, inside a node, inside a node…, with only the
/// innermost captured, like `(call_expression function: (identifier) @function)`. A chain is
/// checked from the node it captures, against the ancestors the walk has already passed, so it
/// costs a table lookup and a few comparisons per node, and no extra reading of the tree. The
/// rare other patterns (several children, captures at two levels, anchors) are matched from
/// their root by reading children (`TreeMatcher.matches`).
///
/// The tables are plain values in memory this object owns, so the walk's inner loop touches no
/// reference counts.
final class PatternTable: @unchecked Sendable {
    /// A chain, by the symbol of the node it captures.
    struct Chain {
        var order: UInt32
        /// Its capture ids, in `captureIDs`.
        var captures: Range<Int32>
        /// Its predicates, in `predicates`, or -1.
        var predicates: Int32
        /// The field the captured node must have in its parent (0: any).
        var field: TSFieldId
        /// Its ancestors' tests, nearest first, in `levels`.
        var levels: Range<Int32>
    }

    /// One ancestor of a chain: which symbols it may have, and the field it must have in its own
    /// parent (0: any).
    struct Level {
        var symbols: Range<Int32>
        var anyNamed: Bool
        var field: TSFieldId
    }

    let styles: [CaptureStyle]
    let predicates: [[QueryPredicate]]
    /// The patterns that are not chains, matched from their root.
    let rooted: [TreePattern]
    let isEmpty: Bool

    private let chains: UnsafeMutableBufferPointer<Chain>
    private let levels: UnsafeMutableBufferPointer<Level>
    private let symbols: UnsafeMutableBufferPointer<TSSymbol>
    let captureIDs: UnsafeMutableBufferPointer<UInt32>
    /// For each symbol slot, its chains' range in `chains`; the last two slots hold the chains
    /// whose captured node is `(_)` and `_`.
    private let chainRanges: UnsafeMutableBufferPointer<Range<Int32>>
    /// For each symbol slot, its rooted patterns' range in `rootedOrder`.
    private let rootedRanges: UnsafeMutableBufferPointer<Range<Int32>>
    private let rootedOrder: UnsafeMutableBufferPointer<Int32>
    /// Symbols whose field in their parent a chain asks about when it passes them as an ancestor.
    let fieldNeeded: UnsafeMutableBufferPointer<Bool>
    private let symbolCount: Int

    init(_ patterns: [TreePattern], captureNames: [[UInt8]], symbolCount: Int) {
        self.symbolCount = symbolCount
        styles = captureNames.map { CaptureStyle(capture: Substring(decoding: $0, as: UTF8.self)) }
        isEmpty = patterns.isEmpty
        let slots = symbolCount + 3
        var chainsBySlot = [[Chain]](repeating: [], count: slots)
        var rootedBySlot = [[Int32]](repeating: [], count: slots)
        var allLevels: [Level] = [], allSymbols: [TSSymbol] = [], allCaptures: [UInt32] = []
        var predicateLists: [[QueryPredicate]] = []
        var rooted: [TreePattern] = []
        var fieldNeeded = [Bool](repeating: false, count: slots)
        for pattern in patterns {
            guard let path = pattern.root.chainPath() else {
                let number = Int32(rooted.count)
                rooted.append(pattern)
                for slot in Self.slots(of: pattern.root.test, symbolCount: symbolCount) { rootedBySlot[slot].append(number) }
                continue
            }
            let leaf = path.last!
            var chain = Chain(order: pattern.order, captures: 0 ..< 0, predicates: -1, field: leaf.field, levels: 0 ..< 0)
            let firstCapture = Int32(allCaptures.count)
            allCaptures += leaf.captures
            chain.captures = firstCapture ..< Int32(allCaptures.count)
            if !pattern.predicates.isEmpty {
                chain.predicates = Int32(predicateLists.count)
                predicateLists.append(pattern.predicates)
            }
            let firstLevel = Int32(allLevels.count)
            for ancestor in path.dropLast().reversed() {
                var level = Level(symbols: 0 ..< 0, anyNamed: false, field: ancestor.field)
                switch ancestor.test {
                case .symbols(let list):
                    let first = Int32(allSymbols.count)
                    allSymbols += list
                    level.symbols = first ..< Int32(allSymbols.count)
                    if ancestor.field != 0 { for symbol in list { fieldNeeded[Self.slot(symbol, symbolCount)] = true } }
                case .anyNamed:
                    level.anyNamed = true
                case .anyNode:
                    break
                }
                allLevels.append(level)
            }
            chain.levels = firstLevel ..< Int32(allLevels.count)
            for slot in Self.slots(of: leaf.test, symbolCount: symbolCount) { chainsBySlot[slot].append(chain) }
        }
        self.rooted = rooted
        predicates = predicateLists
        chains = .allocate(capacity: chainsBySlot.reduce(0) { $0 + $1.count })
        chainRanges = .allocate(capacity: slots)
        var next = 0
        for (slot, list) in chainsBySlot.enumerated() {
            chainRanges[slot] = Int32(next) ..< Int32(next + list.count)
            for chain in list {
                chains[next] = chain
                next += 1
            }
        }
        rootedOrder = .allocate(capacity: rootedBySlot.reduce(0) { $0 + $1.count })
        rootedRanges = .allocate(capacity: slots)
        next = 0
        for (slot, list) in rootedBySlot.enumerated() {
            rootedRanges[slot] = Int32(next) ..< Int32(next + list.count)
            for number in list {
                rootedOrder[next] = number
                next += 1
            }
        }
        levels = Self.copy(allLevels)
        symbols = Self.copy(allSymbols)
        captureIDs = Self.copy(allCaptures)
        self.fieldNeeded = Self.copy(fieldNeeded)
    }

    deinit {
        for buffer in [UnsafeMutableRawPointer(chains.baseAddress), UnsafeMutableRawPointer(levels.baseAddress),
                       UnsafeMutableRawPointer(symbols.baseAddress), UnsafeMutableRawPointer(captureIDs.baseAddress),
                       UnsafeMutableRawPointer(chainRanges.baseAddress), UnsafeMutableRawPointer(rootedRanges.baseAddress),
                       UnsafeMutableRawPointer(rootedOrder.baseAddress), UnsafeMutableRawPointer(fieldNeeded.baseAddress)] {
            buffer?.deallocate()
        }
    }

    /// Calls `body` with each chain whose captured node may be one of `symbol`.
    @inline(__always)
    func forEachChain(_ symbol: TSSymbol, named: Bool, _ body: (Chain) -> Void) {
        for index in chainRanges[Self.slot(symbol, symbolCount)] { body(chains[Int(index)]) }
        guard symbol != PatternNode.errorSymbol else { return }
        if named { for index in chainRanges[symbolCount + 1] { body(chains[Int(index)]) } }
        for index in chainRanges[symbolCount + 2] { body(chains[Int(index)]) }
    }

    /// Calls `body` with each rooted pattern whose root may be a node of `symbol`.
    @inline(__always)
    func forEachRooted(_ symbol: TSSymbol, named: Bool, _ body: (TreePattern) -> Void) {
        for index in rootedRanges[Self.slot(symbol, symbolCount)] { body(rooted[Int(rootedOrder[Int(index)])]) }
        guard symbol != PatternNode.errorSymbol else { return }
        if named { for index in rootedRanges[symbolCount + 1] { body(rooted[Int(rootedOrder[Int(index)])]) } }
        for index in rootedRanges[symbolCount + 2] { body(rooted[Int(rootedOrder[Int(index)])]) }
    }

    /// Whether an ancestor of `symbol` passes `level`'s test.
    @inline(__always)
    func accepts(_ level: Level, _ symbol: TSSymbol, named: Bool) -> Bool {
        if level.symbols.isEmpty {
            return symbol != PatternNode.errorSymbol && (named || !level.anyNamed)
        }
        for index in level.symbols where symbols[Int(index)] == symbol { return true }
        return false
    }

    func level(_ index: Int32) -> Level { levels[Int(index)] }

    @inline(__always)
    func needsField(_ symbol: TSSymbol) -> Bool { fieldNeeded[Self.slot(symbol, symbolCount)] }

    /// Symbols index the tables directly; any other (the error symbol, 65535) shares the slot
    /// after them.
    @inline(__always)
    private static func slot(_ symbol: TSSymbol, _ symbolCount: Int) -> Int {
        Int(symbol) < symbolCount ? Int(symbol) : symbolCount
    }

    private static func slots(of test: PatternNode.Test, symbolCount: Int) -> [Int] {
        switch test {
        // An alternation may list one symbol twice; its pattern is tried once per node.
        case .symbols(let list): Set(list.map { slot($0, symbolCount) }).sorted()
        case .anyNamed: [symbolCount + 1]
        case .anyNode: [symbolCount + 2]
        }
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }
}

extension PatternNode {
    /// The nodes of this pattern from its root to its one captured node, when it is a chain: each
    /// level has one child pattern and no anchor, and only the last carries captures. An ancestor
    /// that must sit in a field has to be a named symbol, so that the walk knows to note its field.
    func chainPath() -> [PatternNode]? {
        var path: [PatternNode] = []
        var node = self
        while true {
            guard !node.firstNamedChild else { return nil }
            path.append(node)
            if node.children.isEmpty { break }
            guard node.captures.isEmpty, node.children.count == 1 else { return nil }
            node = node.children[0]
        }
        guard !path.last!.captures.isEmpty else { return nil }
        for ancestor in path.dropFirst().dropLast() where ancestor.field != 0 {
            guard case .symbols = ancestor.test else { return nil }
        }
        return path
    }
}
