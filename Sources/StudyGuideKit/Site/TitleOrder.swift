internal import Foundation

/// Every question's rank by title, then slug: one sort of the site with the texts packed as
/// UTF-8 and compared by `memcmp`, after which a category's reading order and a tag's list sort
/// by integers. Sorting each list through `String`s retained and released both sides at every
/// comparison, the larger part of resolving a 10,000-question site.
///
/// For ASCII text, byte order is the order of `String`'s `<` (which compares the Unicode scalars
/// of the NFC form, and ASCII text is NFC already). When any title is not ASCII the ranks come
/// from `String` comparison instead, so the order never differs from it. Slugs are ASCII by rule.
struct TitleOrder {
    /// By place in the list given: 0 for the first by title and slug.
    let rank: [Int]

    init(_ questions: [Question]) {
        // Sized first: grown by doubling, the copy and the old buffer were both held (25 MB at 100,000 questions).
        var packed: [UInt8] = []
        packed.reserveCapacity(questions.reduce(0) { $0 + $1.title.utf8.count + $1.slug.utf8.count })
        var starts: [Int] = []
        starts.reserveCapacity(2 * questions.count + 1)
        for question in questions {
            starts.append(packed.count)
            packed += question.title.utf8
            starts.append(packed.count)
            packed += question.slug.utf8
        }
        starts.append(packed.count)
        let ascii = !packed.contains { $0 >= 0x80 }

        var sorted = Array(questions.indices)
        if ascii {
            packed.withUnsafeBufferPointer { bytes in
                // -1, 0 or 1 as text `a` (a title or a slug: an index into `starts`) sorts before, with or after `b`.
                func compare(_ a: Int, _ b: Int) -> Int {
                    let lengthA = starts[a + 1] - starts[a], lengthB = starts[b + 1] - starts[b]
                    let common = min(lengthA, lengthB)
                    let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + starts[a], bytes.baseAddress! + starts[b], common)
                    if order != 0 { return order < 0 ? -1 : 1 }
                    return lengthA == lengthB ? 0 : (lengthA < lengthB ? -1 : 1)
                }
                sorted.sort { a, b in
                    let byTitle = compare(2 * a, 2 * b)
                    return byTitle != 0 ? byTitle < 0 : compare(2 * a + 1, 2 * b + 1) < 0
                }
            }
        } else {
            sorted.sort { (questions[$0].title, questions[$0].slug) < (questions[$1].title, questions[$1].slug) }
        }
        var rank = [Int](repeating: 0, count: questions.count)
        for (position, index) in sorted.enumerated() { rank[index] = position }
        self.rank = rank
    }
}
