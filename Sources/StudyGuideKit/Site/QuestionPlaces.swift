/// Each question's place in a list of questions (`site.questions`), found by slug.
///
/// An open-addressing table of (slug hash, place) pairs, eight bytes a slot, which confirms a
/// match against the question's own slug: a build holds it to the end, and a dictionary keyed by
/// slug cost 63 bytes a question (6 MB at 100,000). Renumbering it after an edit moves the
/// places and keeps the hashes, so no slug is hashed again.
struct QuestionPlaces: Sendable {
    private let questions: [Question]
    /// Empty slots are 0; else the slug's hash in the high half and place + 1 in the low half.
    private var slots: [UInt64]
    private(set) var count = 0

    /// The first place of each slug (a site's slugs are unique; a clash was reported already).
    init(_ questions: [Question]) {
        self.init(questions: questions, capacity: questions.count)
        for (place, question) in questions.enumerated() { insert(place, hash: Self.hash(question.slug)) }
    }

    private init(questions: [Question], capacity: Int) {
        self.questions = questions
        // At most three quarters full, so a miss ends soon.
        var size = 8
        while size * 3 < capacity * 4 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    subscript(slug: String) -> Int? {
        let hash = Self.hash(slug)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while slots[index] != 0 {
            let slot = slots[index]
            if UInt32(slot >> 32) == hash {
                let place = Int(UInt32(truncatingIfNeeded: slot)) - 1
                if questions[place].slug == slug { return place }
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The same lookups over `next`, where the question at old place `p` is at `newPlace(p)`
    /// (gone when nil), and `added` places of `next` are new.
    func renumbered(in next: [Question], newPlace: (Int) -> Int?, added: some Sequence<Int>) -> QuestionPlaces {
        let added = Array(added)
        var result = QuestionPlaces(questions: next, capacity: count + added.count)
        for slot in slots where slot != 0 {
            if let place = newPlace(Int(UInt32(truncatingIfNeeded: slot)) - 1) { result.insert(place, hash: UInt32(slot >> 32)) }
        }
        for place in added { result.insert(place, hash: Self.hash(next[place].slug)) }
        return result
    }

    /// Every slug with its place (for checks: it hashes every slug).
    var bySlug: [String: Int] {
        var result: [String: Int] = [:]
        for slot in slots where slot != 0 {
            let place = Int(UInt32(truncatingIfNeeded: slot)) - 1
            result[questions[place].slug] = place
        }
        return result
    }

    private mutating func insert(_ place: Int, hash: UInt32) {
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while slots[index] != 0 {
            let slot = slots[index]
            // A slug already here keeps its first place.
            if UInt32(slot >> 32) == hash,
               questions[Int(UInt32(truncatingIfNeeded: slot)) - 1].slug == questions[place].slug { return }
            index = (index + 1) & mask
        }
        slots[index] = UInt64(hash) << 32 | UInt64(place + 1)
        count += 1
    }

    private static func hash(_ slug: String) -> UInt32 {
        UInt32(truncatingIfNeeded: slug.hashValue)
    }
}
