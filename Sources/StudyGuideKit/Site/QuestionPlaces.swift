/// Each question's place in a list of questions (`site.questions`), found by slug.
///
/// An open-addressing table of (slug hash, place) pairs, eight bytes a slot, which confirms a
/// match against the question's own slug: a build holds it to the end, and a dictionary keyed by
/// slug cost 63 bytes a question (6 MB at 100,000). Renumbering it after an edit moves the
/// places and keeps the hashes, so no slug is hashed again. A slot is picked by scaling the hash
/// to the table's size, so the table is sized once to its count instead of to a power of two
/// (which left it up to five eighths empty: 1 MB at 100,000 questions).
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
        slots = [UInt64](repeating: 0, count: max(8, capacity + capacity / 3 + 1))
    }

    /// Where the search for a slug of `hash` starts: the hash scaled to the table (Lemire's
    /// multiply-shift, instead of a mask that needs a power of two).
    private func start(of hash: UInt32) -> Int {
        Int((UInt64(hash) &* UInt64(slots.count)) >> 32)
    }

    private func next(after index: Int) -> Int {
        index + 1 == slots.count ? 0 : index + 1
    }

    subscript(slug: String) -> Int? {
        let hash = Self.hash(slug)
        var index = start(of: hash)
        while slots[index] != 0 {
            let slot = slots[index]
            if UInt32(slot >> 32) == hash {
                let place = Int(UInt32(truncatingIfNeeded: slot)) - 1
                if questions[place].slug == slug { return place }
            }
            index = next(after: index)
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
        var index = start(of: hash)
        while slots[index] != 0 {
            let slot = slots[index]
            // A slug already here keeps its first place.
            if UInt32(slot >> 32) == hash,
               questions[Int(UInt32(truncatingIfNeeded: slot)) - 1].slug == questions[place].slug { return }
            index = next(after: index)
        }
        slots[index] = UInt64(hash) << 32 | UInt64(place + 1)
        count += 1
    }

    private static func hash(_ slug: String) -> UInt32 {
        UInt32(truncatingIfNeeded: slug.hashValue)
    }
}
