// Covers: unique heading ids, in a short document and in one with hundreds of headings.
import Testing
import StudyGuideMarkdown

@Suite struct HeadingSluggerTests {
    /// The rule as a dictionary states it: an id given n times before gets "-n" appended.
    func reference(_ texts: [String]) -> [String] {
        var used: [String: Int] = [:]
        return texts.map { text in
            let base = HeadingSlugger.slug(text)
            var candidate = base
            while let count = used[candidate] {
                used[candidate] = count + 1
                candidate = "\(base)-\(count)"
            }
            used[candidate] = 1
            return candidate
        }
    }

    @Test func repeatedTextsGetNumberedIds() {
        var slugger = HeadingSlugger()
        #expect(["Trade-offs", "Trade-offs", "Trade-offs 1", "trade offs"].map { slugger.id(for: $0) }
                == ["trade-offs", "trade-offs-1", "trade-offs-1-1", "trade-offs-2"])
    }

    /// Past a few dozen ids the slugger switches how it remembers them: the ids do not change.
    @Test func manyHeadingsAsTheRuleSays() {
        let names = ["A", "a 1", "A-1", "b", "B 2", "Über", "a-1-1"]
        var state: UInt64 = 7
        let texts = (0 ..< 300).map { _ -> String in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return names[Int(state >> 33) % names.count]
        }
        var slugger = HeadingSlugger()
        let ids = texts.map { slugger.id(for: $0) }
        #expect(ids == reference(texts))
        #expect(Set(ids).count == ids.count)
    }
}
