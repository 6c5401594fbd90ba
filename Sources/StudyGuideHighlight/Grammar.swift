internal import CHighlightGrammars
internal import CTreeSitter
internal import Foundation

/// A grammar compiled into the program and its highlights query, ready to run: made once per
/// process and shared by every thread (tree-sitter's languages and queries are immutable). It
/// owns the `TSQuery`.
final class Grammar: @unchecked Sendable {
    /// Which capture wins when several patterns capture the same text. The queries were written
    /// for different highlighters: some for tree-sitter's own (the first pattern wins), others
    /// for Neovim's (the last one does). Chosen per grammar by comparing both on this
    /// repository's code blocks: with the other rule, Go's and Python's method calls lose their
    /// function class and JSON's keys read as strings; JavaScript's and TypeScript's method calls
    /// and YAML's keys need the last pattern. Java, bash and Dockerfile do not differ.
    enum Precedence {
        case firstPattern, lastPattern

        static func of(_ grammar: String) -> Precedence {
            ["go", "python", "json"].contains(grammar) ? .firstPattern : .lastPattern
        }
    }

    let language: OpaquePointer
    let query: OpaquePointer
    let precedence: Precedence
    /// How each capture id styles its text.
    let styles: [CaptureStyle]
    /// The text predicates of each pattern (the 0.20 runtime leaves them to the caller).
    let predicates: [[QueryPredicate]]
    /// Query patterns this grammar version rejects, dropped when the query was compiled.
    let droppedPatterns: Int

    private init(language: OpaquePointer, query: OpaquePointer, precedence: Precedence, droppedPatterns: Int) {
        self.language = language
        self.query = query
        self.precedence = precedence
        self.droppedPatterns = droppedPatterns
        var styles: [CaptureStyle] = []
        for id in 0 ..< ts_query_capture_count(query) {
            var length: UInt32 = 0
            let name = ts_query_capture_name_for_id(query, id, &length)
            let text = name.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: Int(length)), as: UTF8.self) } ?? ""
            styles.append(CaptureStyle(capture: Substring(text)))
        }
        self.styles = styles
        predicates = (0 ..< ts_query_pattern_count(query)).map { QueryPredicate.all(of: query, pattern: $0) }
    }

    deinit {
        ts_query_delete(query)
    }

    /// The grammar of `language`, or nil when it has none or its sources were not fetched.
    /// Compiled on first use, so a build compiles only the languages its code uses (all ten cost
    /// about 0.1 s of CPU and 18 MB, most of it the runtime's analysis of the TypeScript, SQL and
    /// JavaScript queries); two threads asking for different grammars compile them at once.
    static func named(_ name: String) -> Grammar? {
        let slot = slots.withLock { slots in
            if let slot = slots[name] { return slot }
            let slot = Slot(name)
            slots[name] = slot
            return slot
        }
        return slot.grammar
    }

    /// One grammar, compiled once under its own lock.
    private final class Slot: @unchecked Sendable {
        private let name: String
        private let lock = NSLock()
        private var compiled: Grammar??

        init(_ name: String) {
            self.name = name
        }

        var grammar: Grammar? {
            lock.lock()
            defer { lock.unlock() }
            if let compiled { return compiled }
            let grammar = Grammar.compile(name)
            compiled = .some(grammar)
            return grammar
        }
    }

    private static let slots = Locked<[String: Slot]>([:])

    private static func compile(_ name: String) -> Grammar? {
        var entry = StudyGuideGrammar()
        guard studyguide_grammar(name, &entry) != 0, let languagePointer = entry.language, let text = entry.highlights else { return nil }
        let language = OpaquePointer(languagePointer)
        var source = Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: entry.highlights_length))
        var dropped = 0
        // A query written for a newer grammar may name a node this version lacks: drop the top-level
        // pattern the error points into and try again, as many times as there are patterns.
        while true {
            var errorOffset: UInt32 = 0
            var errorType = TSQueryErrorNone
            let query = source.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    ts_query_new(language, $0.baseAddress, UInt32($0.count), &errorOffset, &errorType)
                }
            }
            if let query {
                return Grammar(language: language, query: query, precedence: Precedence.of(name), droppedPatterns: dropped)
            }
            guard let pattern = QuerySource.topLevelForm(in: source, containing: Int(errorOffset)) else { return nil }
            source.removeSubrange(pattern)
            dropped += 1
        }
    }
}

/// A lock around a value (Synchronization's Mutex needs a newer macOS than this package supports).
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// Reading a query's source as a list of top-level S-expressions.
enum QuerySource {
    /// The byte range of the top-level pattern that contains `offset` (with the text that
    /// precedes it back to the previous pattern), or nil when there is none.
    static func topLevelForm(in source: [UInt8], containing offset: Int) -> Range<Int>? {
        var depth = 0
        var formStart = 0
        var index = 0
        var atLineStart = true
        while index < source.count {
            let byte = source[index]
            if atLineStart, depth == 0, byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "_"),
               index > formStart, source[formStart ..< index].contains(where: { $0 > 0x20 }) {
                // A new pattern starts on this line: the previous one ended before it.
                if offset < index { return formStart ..< index }
                formStart = index
            }
            atLineStart = false
            switch byte {
            case UInt8(ascii: ";"):
                while index < source.count, source[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "\""):
                index += 1
                while index < source.count, source[index] != UInt8(ascii: "\"") {
                    index += source[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
            case 0x0A: atLineStart = true
            default: break
            }
            index += 1
        }
        return formStart < source.count && offset >= formStart ? formStart ..< source.count : nil
    }
}
