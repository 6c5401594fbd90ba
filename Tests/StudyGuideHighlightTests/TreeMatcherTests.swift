import Foundation
import Testing
@testable import StudyGuideHighlight

/// `TreeMatcher` finds a highlights query's captures by walking the tree once, in place of
/// tree-sitter's query engine. These compare the two on the same trees: every code block of this
/// repository, the golden inputs, and code cut and spliced at random so that parsers recover
/// from errors.
@Suite struct TreeMatcherTests {
    static let grammars = ["sql", "javascript", "typescript", "python", "go", "java", "bash", "json", "yaml", "dockerfile"]

    /// The captures the walk chooses and those tree-sitter's engine chooses from the whole query.
    static func bothCaptures(_ code: [UInt8], grammar: Grammar) -> (walk: [HighlightCapture]?, engine: [HighlightCapture]?) {
        let parser = SyntaxParser()
        let reference = grammar.referenceQuery()
        return code.withUnsafeBufferPointer { source in
            (parser.chosenCaptures(of: source, grammar: grammar), parser.chosenCaptures(of: source, grammar: grammar, reference: reference))
        }
    }

    static func expectAgreement(_ code: [UInt8], grammar name: String, _ comment: @autoclosure () -> String) {
        guard let grammar = Grammar.named(name) else {
            Issue.record("the \(name) grammar is missing")
            return
        }
        let (walk, engine) = bothCaptures(code, grammar: grammar)
        #expect(walk != nil && walk == engine, "\(comment()): \(String(decoding: code.prefix(200), as: UTF8.self))")
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The content's code blocks with the grammar their fence names.
    static func contentBlocks() -> [(grammar: String, block: CodeBlocks)] {
        CodeBlocks.in(folder: root.appendingPathComponent("content")).compactMap { block in
            let fence = block.info.split(separator: " ").first.map(String.init) ?? ""
            guard let name = CodeLanguage(fenceName: fence)?.grammarName else { return nil }
            return (name, block)
        }
    }

    @Test func everyPatternOfThePinnedQueriesIsMatchedByWalkingTheTree() throws {
        for name in Self.grammars {
            let grammar = try #require(Grammar.named(name))
            #expect(grammar.query == nil, "\(name): a pattern is left to tree-sitter's query engine")
            #expect(!grammar.treePatterns.isEmpty, "\(name)")
        }
    }

    @Test func theWalkFindsWhatTheQueryEngineFindsInEveryCodeBlockOfThisRepository() {
        let blocks = Self.contentBlocks()
        #expect(blocks.count > 250, "expected the content's code blocks, found \(blocks.count)")
        for (name, block) in blocks {
            Self.expectAgreement(block.code, grammar: name, block.source)
        }
    }

    @Test func theWalkFindsWhatTheQueryEngineFindsInTheGoldenInputs() throws {
        let folder = Self.root.appendingPathComponent("Tests/StudyGuideHighlightTests/Goldens")
        for name in Self.grammars {
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).md"), encoding: .utf8)
            for block in CodeBlocks.in(text: text, source: name) {
                Self.expectAgreement(block.code, grammar: name, "\(name) golden")
            }
        }
    }

    @Test func theWalkFindsWhatTheQueryEngineFindsInBrokenCode() {
        // Lines of the content's blocks, shuffled, cut mid-line and mixed across blocks of the
        // same language: the trees are full of ERROR and MISSING nodes.
        var byGrammar: [String: [Substring]] = [:]
        for (name, block) in Self.contentBlocks() {
            byGrammar[name, default: []] += String(decoding: block.code, as: UTF8.self).split(separator: "\n")
        }
        var generator = SplitMix(seed: 2026)
        for name in Self.grammars {
            let lines = byGrammar[name] ?? []
            guard !lines.isEmpty else { continue }
            for round in 0 ..< 40 {
                var code = ""
                for _ in 0 ..< 1 + Int(generator.next() % 12) {
                    let line = lines[Int(generator.next() % UInt64(lines.count))]
                    let cut = generator.next() % 4 == 0 ? line.prefix(Int(generator.next() % UInt64(line.count + 1))) : line
                    code += cut + "\n"
                }
                Self.expectAgreement(Array(code.utf8), grammar: name, "\(name) round \(round)")
            }
        }
    }

    @Test func aPatternTheWalkDoesNotTakeIsLeftToTheQueryEngine() throws {
        // A repeated child (`+`) and two sibling patterns side by side are not chains or
        // rooted patterns: tree-sitter compiles them, and the result is the same.
        let query = """
        ; comments are not patterns
        (call_expression function: (identifier) @function)
        (arguments (number)+ @number)
        ((identifier) @constant . (identifier) @type)
        "return" @keyword
        (not_a_node) @type
        """
        let grammar = try #require(Grammar.named("javascript", query: query))
        #expect(grammar.query?.orders == [1, 2])
        #expect(grammar.droppedPatterns == 1)
        let code = Array("function f() { return g(1, 2, x); }\nlet y = h(3);\n".utf8)
        let (walk, engine) = Self.bothCaptures(code, grammar: grammar)
        #expect(walk == engine)
        #expect(walk?.contains { $0.style == .token(.number) } == true)
        #expect(walk?.contains { $0.style == .token(.keyword) } == true)
    }

    @Test func theReaderSplitsAQueryIntoPatternsAndReadsTheirShapes() throws {
        let query = """
        ; leading comment
        [
          "if" "else"
        ] @keyword

        ((identifier) @constant
          (#match? @constant "^[A-Z][A-Z_]+$"))

        (pair key: (_) @property value: [(string) (number)])
        (method_reference . (identifier) @type)
        (template "${" @punctuation "}" @punctuation) @embedded
        (x (y)* @z)
        """
        let forms = QueryReader.forms(of: Array(query.utf8))
        #expect(forms.count == 6)
        #expect(forms.allSatisfy { $0.pattern != nil })
        guard case .alternation(let keywords)? = forms.first?.pattern?.expression else {
            Issue.record("the first pattern is an alternation")
            return
        }
        #expect(keywords.count == 2)
        #expect(forms[0].pattern?.captures == [Array("keyword".utf8)])
        guard case .group(let children)? = forms[1].pattern?.expression else {
            Issue.record("the second pattern is a group with a predicate")
            return
        }
        #expect(children.count == 2)
        if case .predicate(let predicate) = children[1] {
            #expect(predicate.name == Array("match?".utf8))
        } else {
            Issue.record("the group's second child is its predicate")
        }
        #expect(forms[5].pattern.map { pattern in
            if case .node(_, let children) = pattern.expression, case .pattern(_, let child) = children[0] { return child.quantifier == .zeroOrMore }
            return false
        } == true)
    }
}
