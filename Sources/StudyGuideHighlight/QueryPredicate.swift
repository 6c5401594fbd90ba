internal import CTreeSitter
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One text predicate of a highlights query pattern: `(#eq? @a "x")`, `(#match? @a "^[A-Z]")`,
/// `(#any-of? @a "x" "y")` and their `not-` forms. A match whose predicates fail is dropped.
/// Predicates this driver does not know (`#is-not? local`, `#set!`) are not constraints here.
struct QueryPredicate: Sendable {
    enum Test: Sendable {
        case equalText([UInt8])
        case equalCapture(UInt32)
        /// A pattern, by its number among the process's patterns: each thread compiles its own
        /// copy (`RegexCache`), because glibc's `regexec` locks a shared one.
        case matches(Int)
        case anyOf([[UInt8]])
    }

    let capture: UInt32
    let test: Test
    let negated: Bool

    /// Whether the predicate holds for this match, with `source` the parsed bytes.
    func holds(captures: UnsafeBufferPointer<TSQueryCapture>, source: UnsafeBufferPointer<UInt8>, regexes: inout RegexCache) -> Bool {
        // A predicate about a capture the match lacks (an optional part) does not constrain it.
        guard let node = captures.first(where: { $0.index == capture })?.node else { return true }
        let text = Self.text(of: node, in: source)
        let result: Bool
        switch test {
        case .equalText(let expected): result = text.elementsEqual(expected)
        case .equalCapture(let other):
            guard let otherNode = captures.first(where: { $0.index == other })?.node else { return true }
            result = text.elementsEqual(Self.text(of: otherNode, in: source))
        case .matches(let pattern): result = regexes.regex(pattern)?.matches(text) ?? true
        case .anyOf(let candidates): result = candidates.contains { text.elementsEqual($0) }
        }
        return result != negated
    }

    private static func text(of node: TSNode, in source: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let start = min(Int(ts_node_start_byte(node)), source.count)
        let end = min(max(Int(ts_node_end_byte(node)), start), source.count)
        return UnsafeBufferPointer(rebasing: source[start ..< end])
    }

    /// The predicates of one pattern.
    static func all(of query: OpaquePointer, pattern: UInt32) -> [QueryPredicate] {
        var stepCount: UInt32 = 0
        guard let steps = ts_query_predicates_for_pattern(query, pattern, &stepCount), stepCount > 0 else { return [] }
        func string(_ id: UInt32) -> [UInt8] {
            var length: UInt32 = 0
            guard let text = ts_query_string_value_for_id(query, id, &length) else { return [] }
            return Array(UnsafeRawBufferPointer(start: text, count: Int(length)))
        }
        var predicates: [QueryPredicate] = []
        var index = 0
        while index < Int(stepCount) {
            var end = index
            while end < Int(stepCount), steps[end].type != TSQueryPredicateStepTypeDone { end += 1 }
            let operands = Array(UnsafeBufferPointer(start: steps + index, count: end - index))
            if let predicate = make(operands, string: string) { predicates.append(predicate) }
            index = end + 1
        }
        return predicates
    }

    private static func make(_ steps: [TSQueryPredicateStep], string: (UInt32) -> [UInt8]) -> QueryPredicate? {
        guard let first = steps.first, first.type == TSQueryPredicateStepTypeString else { return nil }
        let operands = steps.dropFirst().map { step -> Operand in
            step.type == TSQueryPredicateStepTypeCapture ? .capture(step.value_id) : .text(string(step.value_id))
        }
        return make(name: string(first.value_id), operands: operands)
    }

    /// An operand of a predicate as written: a capture (by id) or a string.
    enum Operand {
        case capture(UInt32)
        case text([UInt8])
    }

    /// The predicate `(#name operands…)`, or nil for one that is not a constraint here.
    static func make(name written: [UInt8], operands: [Operand]) -> QueryPredicate? {
        guard operands.count >= 2, case .capture(let capture) = operands[0] else { return nil }
        var name = String(decoding: written, as: UTF8.self)
        let negated = name.hasPrefix("not-")
        if negated { name.removeFirst(4) }
        let rest = operands.dropFirst()
        switch name {
        case "eq?":
            let test: Test
            switch rest.first! {
            case .capture(let other): test = .equalCapture(other)
            case .text(let text): test = .equalText(text)
            }
            return QueryPredicate(capture: capture, test: test, negated: negated)
        case "match?":
            guard case .text(let pattern) = rest.first! else { return nil }
            // One compile here, so that a pattern POSIX cannot read drops the predicate now.
            guard PosixRegex(queryPattern: pattern) != nil else { return nil }
            return QueryPredicate(capture: capture, test: .matches(RegexCache.number(of: pattern)), negated: negated)
        case "any-of?":
            var candidates: [[UInt8]] = []
            for operand in rest {
                guard case .text(let text) = operand else { return nil }
                candidates.append(text)
            }
            return QueryPredicate(capture: capture, test: .anyOf(candidates), negated: negated)
        default:
            return nil
        }
    }
}

/// The predicates' patterns compiled for one thread. Patterns are numbered once per process.
struct RegexCache {
    private var compiled: [Int: PosixRegex] = [:]

    mutating func regex(_ number: Int) -> PosixRegex? {
        if let known = compiled[number] { return known }
        guard let regex = PosixRegex(queryPattern: Self.patterns.withLock({ $0[number] })) else { return nil }
        compiled[number] = regex
        return regex
    }

    private static let patterns = Locked<[[UInt8]]>([])

    /// The number of `pattern` (the same for the same bytes).
    static func number(of pattern: [UInt8]) -> Int {
        patterns.withLock { patterns in
            if let known = patterns.firstIndex(of: pattern) { return known }
            patterns.append(pattern)
            return patterns.count - 1
        }
    }
}

/// A compiled POSIX extended regular expression, which this object owns. Queries write their
/// patterns for Rust's regex crate or Lua: the few escapes they use (`\d`, `\w`, `\s`, `%d`) are
/// rewritten into classes POSIX knows.
final class PosixRegex: @unchecked Sendable {
    private let compiled: UnsafeMutablePointer<regex_t>

    init?(queryPattern: [UInt8]) {
        var pattern: [UInt8] = []
        var index = 0
        var inBrackets = false
        while index < queryPattern.count {
            let byte = queryPattern[index]
            if (byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "%")), index + 1 < queryPattern.count,
               let members = Self.classes[queryPattern[index + 1]] {
                pattern += (inBrackets ? members : "[\(members)]").utf8
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") { inBrackets = true } else if byte == UInt8(ascii: "]") { inBrackets = false }
            pattern.append(byte)
            index += 1
        }
        pattern.append(0)
        compiled = .allocate(capacity: 1)
        let status = pattern.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { regcomp(compiled, $0.baseAddress, REG_EXTENDED | REG_NOSUB) }
        }
        guard status == 0 else {
            compiled.deallocate()
            return nil
        }
    }

    deinit {
        regfree(compiled)
        compiled.deallocate()
    }

    private static let classes: [UInt8: String] = [
        UInt8(ascii: "d"): "0-9", UInt8(ascii: "w"): "A-Za-z0-9_", UInt8(ascii: "s"): "[:space:]",
    ]

    /// Whether the text matches (one thread at a time: glibc locks a `regex_t` while it runs).
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Node texts that predicates test are names and numbers; a long one is copied to the heap.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
            if let source = text.baseAddress, let target = buffer.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: text.count)
            }
            buffer[text.count] = 0
            return regexec(compiled, buffer.baseAddress, 0, nil, 0) == 0
        }
    }
}
