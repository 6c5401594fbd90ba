internal import CTreeSitter

/// A highlights-query pattern in the shape that nearly every pattern of the pinned queries has: a
/// node, with child patterns to find among its children in order (no repetition; an anchor only
/// before the first), its captures, and predicates about one capture only. `TreeMatcher` finds
/// its matches by walking the tree once, which costs a fraction of tree-sitter's query cursor
/// and no query compilation. Patterns of any other shape stay with tree-sitter.
struct TreePattern {
    /// The pattern's place in its query: which pattern wins when two capture the same text.
    let order: UInt32
    let root: PatternNode
    /// Predicates, all about the one capture that `predicateNode` carries.
    let predicates: [QueryPredicate]

    /// Why a pattern cannot become a `TreePattern`.
    enum Refusal: Error {
        /// A shape left to tree-sitter's query engine.
        case unsupported
        /// A node or field name this grammar does not have: tree-sitter would reject it too.
        case unknownName
    }

    /// `pattern` compiled for `language`, with capture names numbered by `captures`.
    init(_ pattern: QueryPattern, order: UInt32, language: OpaquePointer, captures: inout CaptureNames) throws(Refusal) {
        var predicateForms: [QueryPredicateForm] = []
        self.order = order
        root = try PatternNode(pattern, field: 0, language: language, captures: &captures, predicates: &predicateForms)
        // Predicates drop a whole match; read per node, that is the same only when they are all
        // about one capture, carried by one node of the pattern.
        let captured = root.capturedNodeCount
        if predicateForms.isEmpty {
            predicates = []
            return
        }
        var names = Set<[UInt8]>()
        for form in predicateForms {
            for case .capture(let name) in form.operands { names.insert(name) }
        }
        guard names.count == 1, let name = names.first, captured == 1, root.captureIDs == [captures.id(of: name)] else { throw .unsupported }
        var predicates: [QueryPredicate] = []
        for form in predicateForms {
            let operands = form.operands.map { operand -> QueryPredicate.Operand in
                switch operand {
                case .capture(let name): .capture(captures.id(of: name))
                case .text(let text): .text(text)
                }
            }
            if let predicate = QueryPredicate.make(name: form.name, operands: operands) { predicates.append(predicate) }
        }
        self.predicates = predicates
    }
}

/// One node of a `TreePattern`.
struct PatternNode {
    /// Which nodes it matches.
    enum Test {
        /// Nodes of these (public) symbols.
        case symbols([TSSymbol])
        /// `(_)`: any named node that is not an error.
        case anyNamed
        /// `_`: any node that is not an error.
        case anyNode
    }

    let test: Test
    /// The field the node must have in its parent (0: any).
    let field: TSFieldId
    let captures: [UInt32]
    let children: [PatternNode]
    /// `.` before the first child: it must be the parent's first named child.
    let firstNamedChild: Bool

    fileprivate init(_ pattern: QueryPattern, field: TSFieldId, language: OpaquePointer, captures: inout CaptureNames,
                     predicates: inout [QueryPredicateForm]) throws(TreePattern.Refusal) {
        guard pattern.quantifier == .one else { throw .unsupported }
        if case .group(let written) = pattern.expression {
            // A group of one pattern carries predicates; one of several siblings is left to tree-sitter.
            var inner: QueryPattern?
            for child in written {
                switch child {
                case .pattern(nil, let childPattern) where inner == nil: inner = childPattern
                case .predicate(let form): predicates.append(form)
                default: throw .unsupported
                }
            }
            guard var single = inner else { throw .unsupported }
            single.captures += pattern.captures
            self = try PatternNode(single, field: field, language: language, captures: &captures, predicates: &predicates)
            return
        }
        self.field = field
        self.captures = pattern.captures.map { captures.id(of: $0) }
        switch pattern.expression {
        case .literal(let text):
            test = .symbols([try Self.symbol(text, named: false, language)])
            children = []
            firstNamedChild = false
        case .anyNode:
            test = .anyNode
            children = []
            firstNamedChild = false
        case .alternation(let alternatives):
            var symbols: [TSSymbol] = []
            for alternative in alternatives {
                guard alternative.quantifier == .one, alternative.captures.isEmpty else { throw .unsupported }
                switch alternative.expression {
                case .literal(let text): symbols.append(try Self.symbol(text, named: false, language))
                case .node(let name?, let children) where children.isEmpty: symbols.append(try Self.symbol(name, named: true, language))
                default: throw .unsupported
                }
            }
            test = .symbols(symbols)
            children = []
            firstNamedChild = false
        case .node(let name, let written):
            if let name { test = .symbols([try Self.symbol(name, named: true, language)]) } else { test = .anyNamed }
            var children: [PatternNode] = []
            var anchoredFirst = false
            for child in written {
                switch child {
                case .pattern(let fieldName, let childPattern):
                    // An optional child without captures adds nothing a match needs or shows.
                    if childPattern.quantifier == .optional, !childPattern.hasCaptures { continue }
                    var fieldID: TSFieldId = 0
                    if let fieldName { fieldID = try Self.field(fieldName, language) }
                    children.append(try PatternNode(childPattern, field: fieldID, language: language, captures: &captures, predicates: &predicates))
                case .anchor:
                    guard children.isEmpty, !anchoredFirst else { throw .unsupported }
                    anchoredFirst = true
                case .negatedField:
                    throw .unsupported
                case .predicate(let form):
                    predicates.append(form)
                }
            }
            guard !anchoredFirst || !children.isEmpty else { throw .unsupported }
            if anchoredFirst { children[0] = children[0].anchoredFirst() }
            self.children = children
            firstNamedChild = false
        case .group:
            throw .unsupported
        }
    }

    private init(copying node: PatternNode, firstNamedChild: Bool) {
        test = node.test
        field = node.field
        captures = node.captures
        children = node.children
        self.firstNamedChild = firstNamedChild
    }

    private func anchoredFirst() -> PatternNode {
        PatternNode(copying: self, firstNamedChild: true)
    }

    /// How many nodes of the pattern carry captures.
    var capturedNodeCount: Int {
        (captures.isEmpty ? 0 : 1) + children.reduce(0) { $0 + $1.capturedNodeCount }
    }

    /// The captures of the one node that carries any.
    var captureIDs: [UInt32] {
        captures.isEmpty ? children.lazy.map(\.captureIDs).first { !$0.isEmpty } ?? [] : captures
    }

    /// Whether `symbol` (of a node that is named or not) passes this node's test.
    @inline(__always)
    func accepts(_ symbol: TSSymbol, named: Bool) -> Bool {
        switch test {
        case .symbols(let symbols): return symbols.contains(symbol)
        case .anyNamed: return named && symbol != Self.errorSymbol
        case .anyNode: return symbol != Self.errorSymbol
        }
    }

    static let errorSymbol = TSSymbol(UInt16.max)

    private static func symbol(_ name: [UInt8], named: Bool, _ language: OpaquePointer) throws(TreePattern.Refusal) -> TSSymbol {
        let symbol = name.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { ts_language_symbol_for_name(language, $0.baseAddress, UInt32($0.count), named) }
        }
        guard symbol != 0 else { throw .unknownName }
        // A supertype never appears in a tree: its subtypes do, which tree-sitter works out.
        guard ts_language_symbol_type(language, symbol) != TSSymbolTypeSupertype else { throw .unsupported }
        return symbol
    }

    private static func field(_ name: [UInt8], _ language: OpaquePointer) throws(TreePattern.Refusal) -> TSFieldId {
        let field = name.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { ts_language_field_id_for_name(language, $0.baseAddress, UInt32($0.count)) }
        }
        guard field != 0 else { throw .unknownName }
        return field
    }
}

extension QueryPattern {
    var hasCaptures: Bool {
        if !captures.isEmpty { return true }
        switch expression {
        case .literal, .anyNode: return false
        case .alternation(let alternatives): return alternatives.contains { $0.hasCaptures }
        case .node(_, let children), .group(let children):
            return children.contains { child in
                if case .pattern(_, let pattern) = child { return pattern.hasCaptures }
                return false
            }
        }
    }
}

/// The capture names of a grammar's query, numbered in the order they are first seen.
struct CaptureNames {
    private(set) var names: [[UInt8]] = []
    private var ids: [[UInt8]: UInt32] = [:]

    mutating func id(of name: [UInt8]) -> UInt32 {
        if let known = ids[name] { return known }
        let id = UInt32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }
}
