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

    /// `texts`: each question's title and slug, in the list's order.
    init(_ texts: TitleTexts) {
        let packed = texts.packed, starts = texts.starts + [texts.packed.count]
        let count = texts.starts.count / 2
        let ascii = !packed.contains { $0 >= 0x80 }

        var sorted = Array(0 ..< count)
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
            let text = (0 ..< 2 * count).map { String(decoding: packed[starts[$0] ..< starts[$0 + 1]], as: UTF8.self) }
            sorted.sort { (text[2 * $0], text[2 * $0 + 1]) < (text[2 * $1], text[2 * $1 + 1]) }
        }
        var rank = [Int](repeating: 0, count: count)
        for (position, index) in sorted.enumerated() { rank[index] = position }
        self.rank = rank
    }
}

/// Questions' titles and slugs packed as UTF-8, two texts a question, for `TitleOrder`: the
/// titles are read from the questions' notes a run at a time, each run packing its own.
struct TitleTexts: Sendable {
    var packed: [UInt8] = []
    /// Where each text starts in `packed`.
    var starts: [Int] = []

    init() {}

    /// The texts of `questions`, in order (tests and small lists; a build reads titles in runs).
    init(_ questions: some Sequence<Question>) {
        for question in questions { append(title: question.title, slug: question.slug) }
    }

    /// `parts` one after another, each let go once copied (the parts and the whole are never
    /// all held at once: at 100,000 questions each is 12 MB).
    init(joining parts: inout [TitleTexts]) {
        packed.reserveCapacity(parts.reduce(0) { $0 + $1.packed.count })
        starts.reserveCapacity(parts.reduce(0) { $0 + $1.starts.count })
        for index in parts.indices {
            let base = packed.count
            packed += parts[index].packed
            starts += parts[index].starts.lazy.map { $0 + base }
            parts[index] = TitleTexts()
        }
    }

    mutating func append(title: String, slug: String) {
        starts.append(packed.count)
        packed += title.utf8
        starts.append(packed.count)
        packed += slug.utf8
    }
}
