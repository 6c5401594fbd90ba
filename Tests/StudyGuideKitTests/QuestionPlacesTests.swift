// Covers: finding a question's place by slug, renumbering the lookups after an edit, and tags' lists of places.
import Testing
@testable import StudyGuideKit

@Suite struct QuestionPlacesTests {
    func questions(_ slugs: [String]) -> [Question] {
        slugs.map { slug in
            let text = "---\ntitle: \(slug)\ndifficulty: beginner\nkind: technical\nsummary: S.\n---\nBody.\n"
            let source = SourceText.decode(Array(text.utf8), path: "content/c/\(slug).md").0!
            guard case .question(let question) = ContentDocument.parse(source, contentPath: "c/\(slug).md").0 else {
                fatalError("not a question: \(slug)")
            }
            return question
        }
    }

    @Test func everySlugIsFoundAtItsPlaceAndOthersAreNot() {
        let slugs = (0 ..< 300).map { "question-\($0)" }
        let places = QuestionPlaces(questions(slugs))
        #expect(places.count == 300)
        for (place, slug) in slugs.enumerated() { #expect(places[slug] == place) }
        #expect(places["question-300"] == nil)
        #expect(places[""] == nil)
    }

    /// Tables of every size up to a few hundred (sized to their count, not to a power of two, so
    /// searches wrap around at odd ends): every slug is found, others are not.
    @Test func everySizeOfTableFindsEverySlug() {
        let all = questions((0 ..< 200).map { "q\($0)" })
        for count in 0 ... 200 {
            let places = QuestionPlaces(Array(all[..<count]))
            #expect(places.count == count)
            for place in 0 ..< count where places[all[place].slug] != place { Issue.record("q\(place) of \(count)") }
            #expect(places["q\(count)"] == nil)
        }
    }

    @Test func tagMembersGiveBackTheirPlacesInOrder() {
        var random = SplitMix64(seed: 0x7A6)
        for _ in 0 ..< 50 {
            let places = (0 ..< random.below(41)).map { _ in random.below(1 << 32) }
            let tag = Site.TagPage(name: "t", members: places)
            #expect(Array(tag.members) == places)
            #expect(tag.members == Site.Places(places))
            if let last = places.last { #expect(tag.members.firstIndex(of: last) == places.firstIndex(of: last)) }
        }
    }

    @Test func aRepeatedSlugKeepsItsFirstPlace() {
        let places = QuestionPlaces(questions(["a", "b", "a"]))
        #expect(places["a"] == 0)
        #expect(places.count == 2)
    }

    @Test func renumberingMovesPlacesDropsTheRemovedAndAddsTheNew() {
        let before = questions(["a", "b", "c", "d"])
        // "b" is removed, "e" is added in front: a c d → places 1 2 3.
        let after = questions(["e"]) + [before[0], before[2], before[3]]
        let newPlace: [Int: Int] = [0: 1, 2: 2, 3: 3]
        let places = QuestionPlaces(before).renumbered(in: after, newPlace: { newPlace[$0] }, added: [0])
        #expect(places.bySlug == ["e": 0, "a": 1, "c": 2, "d": 3])
        #expect(places.bySlug == QuestionPlaces(after).bySlug)
        #expect(places["b"] == nil)
    }
}
