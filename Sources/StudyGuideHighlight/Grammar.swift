internal import CHighlightGrammars
internal import CTreeSitter
internal import Foundation

/// A grammar compiled into the program and its highlights query, ready to run: made once per
/// process and shared by every thread (tree-sitter's languages are immutable, and so are the
/// pattern tables). The query's patterns are matched by `TreeMatcher`; a pattern of a shape it
/// does not take would be compiled by tree-sitter (`CompiledQuery`).
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
    let precedence: Precedence
    /// The patterns matched by walking the tree (`TreeMatcher`): all of the pinned queries'.
    let treePatterns: PatternTable
    /// Patterns of any other shape, compiled by tree-sitter, or nil when there are none.
    let query: CompiledQuery?
    /// Query patterns this grammar version rejects, dropped when the query was compiled.
    let droppedPatterns: Int
    /// Where each top-level pattern of the query's source lies. The patterns read from them are
    /// not kept: their syntax trees are enums whose payload pointers Swift tags with spare bits,
    /// which leak checkers (valgrind, LeakSanitizer) then take for lost memory.
    private let formRanges: [Range<Int>]
    private let source: [UInt8]

    private init(language: OpaquePointer, source: [UInt8], precedence: Precedence) {
        self.language = language
        self.source = source
        self.precedence = precedence
        let forms = QueryReader.forms(of: source)
        formRanges = forms.map(\.source)
        var captureNames = CaptureNames()
        var treePatterns: [TreePattern] = []
        var leftOver: [(source: ArraySlice<UInt8>, order: UInt32)] = []
        var dropped = 0
        for (order, form) in forms.enumerated() {
            do throws(TreePattern.Refusal) {
                guard let pattern = form.pattern else { throw .unsupported }
                treePatterns.append(try TreePattern(pattern, order: UInt32(order), language: language, captures: &captureNames))
            } catch .unknownName {
                dropped += 1
            } catch {
                leftOver.append((source[form.source], UInt32(order)))
            }
        }
        self.treePatterns = PatternTable(treePatterns, captureNames: captureNames.names, symbolCount: Int(ts_language_symbol_count(language)))
        query = CompiledQuery(leftOver, language: language, dropped: &dropped)
        droppedPatterns = dropped
    }

    /// The whole query compiled by tree-sitter, as it was highlighted with before `TreeMatcher`:
    /// what tests compare the matcher with.
    func referenceQuery() -> CompiledQuery? {
        var dropped = 0
        return CompiledQuery(formRanges.enumerated().map { (source[$1], UInt32($0)) }, language: language, dropped: &dropped)
    }

    /// The grammar of `language`, or nil when it has none or its sources were not fetched.
    /// Compiled on first use, so a build compiles only the languages its code uses (all ten take
    /// about 10 ms and 4 MB; tree-sitter's compilation of the same queries took 0.1 s of CPU and
    /// 14 MB); two threads asking for different grammars compile them at once.
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

    private static func compile(_ name: String, query: [UInt8]? = nil) -> Grammar? {
        var entry = StudyGuideGrammar()
        guard studyguide_grammar(name, &entry) != 0, let languagePointer = entry.language, let text = entry.highlights else { return nil }
        let source = query ?? Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: entry.highlights_length))
        return Grammar(language: OpaquePointer(languagePointer), source: source, precedence: Precedence.of(name))
    }

    /// The grammar `name` with a highlights query of the caller's (for tests), compiled afresh.
    static func named(_ name: String, query: String) -> Grammar? {
        compile(name, query: Array(query.utf8))
    }
}

/// Query patterns compiled by tree-sitter's query engine, with what the driver needs to read
/// their matches. It owns the `TSQuery`.
final class CompiledQuery: @unchecked Sendable {
    let query: OpaquePointer
    /// The place in the whole query of each of `query`'s patterns.
    let orders: [UInt32]
    /// How each capture id styles its text.
    let styles: [CaptureStyle]
    /// The text predicates of each pattern (the runtime leaves them to the caller).
    let predicates: [[QueryPredicate]]

    /// `forms` compiled, or nil when none compiles. A pattern written for a newer grammar may
    /// name a node this version lacks: tree-sitter then rejects the query, and the pattern its
    /// error points into is dropped (and counted) and the rest compiled again.
    init?(_ forms: [(source: ArraySlice<UInt8>, order: UInt32)], language: OpaquePointer, dropped: inout Int) {
        var forms = forms
        var compiled: OpaquePointer?
        while !forms.isEmpty, compiled == nil {
            let source = forms.flatMap(\.source)
            var errorOffset: UInt32 = 0
            var errorType = TSQueryErrorNone
            compiled = source.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    ts_query_new(language, $0.baseAddress, UInt32($0.count), &errorOffset, &errorType)
                }
            }
            if compiled != nil { break }
            var end = 0
            let culprit = forms.firstIndex { form in
                end += form.source.count
                return Int(errorOffset) < end
            } ?? forms.count - 1
            forms.remove(at: culprit)
            dropped += 1
        }
        guard let query = compiled else { return nil }
        self.query = query
        orders = forms.map(\.order)
        styles = (0 ..< ts_query_capture_count(query)).map { id in
            var length: UInt32 = 0
            let name = ts_query_capture_name_for_id(query, id, &length)
            let text = name.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: Int(length)), as: UTF8.self) } ?? ""
            return CaptureStyle(capture: Substring(text))
        }
        predicates = (0 ..< ts_query_pattern_count(query)).map { QueryPredicate.all(of: query, pattern: $0) }
    }

    deinit {
        ts_query_delete(query)
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
    /// The byte ranges of the top-level patterns, each with the text that precedes it back to
    /// the previous pattern (comments before the first pattern make a range of their own).
    static func topLevelForms(in source: [UInt8]) -> [Range<Int>] {
        var forms: [Range<Int>] = []
        var depth = 0
        var formStart = 0
        var index = 0
        var atLineStart = true
        while index < source.count {
            let byte = source[index]
            if atLineStart, depth == 0, byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "_"),
               index > formStart, source[formStart ..< index].contains(where: { $0 > 0x20 }) {
                // A new pattern starts on this line: the previous one ended before it.
                forms.append(formStart ..< index)
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
        if formStart < source.count { forms.append(formStart ..< source.count) }
        return forms
    }
}
