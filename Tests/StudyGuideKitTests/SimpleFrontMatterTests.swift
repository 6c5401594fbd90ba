// Covers: the fast front-matter reader gives exactly Yams' tree (values, types, positions) on
// everything it accepts, and accepts the layouts real files use.
import Foundation
import Testing
import Yams
@testable import StudyGuideKit

@Suite struct SimpleFrontMatterTests {
    /// Yams' reading of the same text, as the reader sees it; nil when Yams finds no document.
    static func yams(_ yaml: String) throws -> FrontMatterValue? {
        try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(FrontMatterValue.init)
    }

    /// The front-matter of every Markdown file in the repository's content and test fixtures.
    static let realFrontMatters: [(String, String)] = {
        var result: [(String, String)] = []
        for folder in ["content", "Tests/Fixtures"] {
            let root = Repository.root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".md") {
                guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                      let text = SourceText.decode([UInt8](data), path: path).0,
                      let split = FrontMatterSplit.split(text).0 else { continue }
                result.append((folder + "/" + path, split.yaml))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }()

    static func expectSameAsYams(_ yaml: String, _ name: String) {
        guard let simple = SimpleFrontMatter.parse(yaml) else { return }
        do {
            let reference = try Self.yams(yaml)
            #expect(simple == reference, "\(name): the fast reader and Yams disagree on\n\(yaml)")
        } catch {
            Issue.record("\(name): the fast reader accepted text Yams rejects (\(error)):\n\(yaml)")
        }
    }

    @Test func everyRealFrontMatterReadsAsYamsReadsIt() {
        #expect(Self.realFrontMatters.count > 100)
        for (name, yaml) in Self.realFrontMatters { Self.expectSameAsYams(yaml, name) }
    }

    @Test func nearlyEveryRealFrontMatterTakesTheFastPath() {
        let accepted = Self.realFrontMatters.filter { SimpleFrontMatter.parse($0.1) != nil }
        #expect(Double(accepted.count) >= 0.9 * Double(Self.realFrontMatters.count),
                "only \(accepted.count) of \(Self.realFrontMatters.count) files read without Yams")
    }

    static let layouts = [
        "title: Plain words\nweight: 3\ndraft: yes\n",
        "\n\ntitle: \"Quoted, with: colons # and hashes\"\n",
        "title: \"Escapes \\\" and \\\\ only\"\n",
        "title: \"Ünïcödé ✓ 数据库\"\ntags: [数据库, кэш]\n",
        "tags: [a, b-c, d_e]\nrelated: []\nempty: [ ]\n",
        "tags: [ spaced ,  out ]\n",
        "follow_ups:\n  - \"One?\"\n  - two words\nnext: 1\n",
        "follow_ups:\n- indentless\n- list\n",
        "title:   lots of space   \n",
        "updated: 2026-11-24\n",
        "a: 1\na: 2\n",
        "weight: 1_000\nold: 0o17\nhex: 0x1F\ntime: 1:30\nnegative: -5\nnothing: ~\nnull_word: null\n",
        "title: x # comment\n",
        "title: 'single'\n",
        "title: \"unterminated\n",
        "title: \"two\n  lines\"\n",
        "title: plain\n  continued\n",
        "list:\n  - a\n   - b\n",
        "list:\n  - a\n\n  - b\n",
        "list:\n",
        "key:value\n",
        "  indented: map\n",
        "title: \"tab\there\"\n",
        "title: \"escape \\n\"\n",
        "tags: [a, [b]]\n",
        "tags: [a,]\n",
        "tags: [a, \"b\"]\n",
        "items:\n  - [a, b]\n",
        "title: \"x\" trailing\n",
        "title: \"\u{85}\"\n",
        "title: \"\u{2028}\"\n",
        "title: \"\u{FEFF}\"\n",
        "? complex\n: key\n",
        "- a\n- b\n",
        "just a scalar\n",
        "",
    ]

    @Test(arguments: layouts)
    func layoutsReadAsYamsReadsThem(_ yaml: String) {
        Self.expectSameAsYams(yaml, "layout")
    }

    @Test func theUsualLayoutsTakeTheFastPath() {
        for yaml in Self.layouts.prefix(10) {
            #expect(SimpleFrontMatter.parse(yaml) != nil, "not read by the fast path:\n\(yaml)")
        }
    }

    /// Every real front-matter with one character inserted, replaced or removed at random
    /// places (seeded, so a failure repeats): whatever the fast reader accepts, Yams reads the same.
    @Test func mutatedFrontMattersReadAsYamsReadsThem() {
        var random = SplitMix64(seed: 0x5eed)
        let characters: [Character] = ["\"", "'", ":", "#", "-", " ", "\n", "[", "]", ",", "\\", "~", "&", "*", "!", "|", ">", "{", "é", "\t", "?"]
        for (name, yaml) in Self.realFrontMatters.prefix(60) {
            for _ in 0 ..< 40 {
                var text = Array(yaml)
                guard !text.isEmpty else { continue }
                let at = random.below(text.count)
                switch random.below(3) {
                case 0: text.insert(random.pick(characters), at: at)
                case 1: text[at] = random.pick(characters)
                default: text.remove(at: at)
                }
                Self.expectSameAsYams(String(text), "\(name) mutated")
            }
        }
    }
}
