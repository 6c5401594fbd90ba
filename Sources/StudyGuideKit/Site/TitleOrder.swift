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

    /// `parts`: each question's title and slug, in the list's order, a run of questions a part
    /// (as read, a run per worker: joined first, they were held twice, 23 MB at 100,000 questions).
    init(_ parts: [TitleTexts]) {
        // Each question as its part and its place in it.
        var owner: [(part: Int32, index: Int32)] = []
        owner.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for (part, texts) in parts.enumerated() {
            for index in 0 ..< texts.count { owner.append((Int32(part), Int32(index))) }
        }
        let ascii = parts.allSatisfy { !$0.packed.contains { $0 >= 0x80 } }

        var sorted = Array(owner.indices)
        if ascii {
            // -1, 0 or 1 as the title (`text` 0) or slug (1) of question `a` sorts before, with or after `b`'s.
            func compare(_ a: Int, _ b: Int, text: Int) -> Int {
                let (partA, indexA) = owner[a], (partB, indexB) = owner[b]
                let rangeA = parts[Int(partA)].range(2 * Int(indexA) + text), rangeB = parts[Int(partB)].range(2 * Int(indexB) + text)
                let common = min(rangeA.count, rangeB.count)
                let order = common == 0 ? 0 : parts[Int(partA)].packed.withUnsafeBufferPointer { bytesA in
                    parts[Int(partB)].packed.withUnsafeBufferPointer { bytesB in
                        memcmp(bytesA.baseAddress! + rangeA.lowerBound, bytesB.baseAddress! + rangeB.lowerBound, common)
                    }
                }
                if order != 0 { return order < 0 ? -1 : 1 }
                return rangeA.count == rangeB.count ? 0 : (rangeA.count < rangeB.count ? -1 : 1)
            }
            sorted.sort { a, b in
                let byTitle = compare(a, b, text: 0)
                return byTitle != 0 ? byTitle < 0 : compare(a, b, text: 1) < 0
            }
        } else {
            let text = owner.map { part, index in
                (parts[Int(part)].text(2 * Int(index)), parts[Int(part)].text(2 * Int(index) + 1))
            }
            sorted.sort { text[$0] < text[$1] }
        }
        var rank = [Int](repeating: 0, count: owner.count)
        for (position, index) in sorted.enumerated() { rank[index] = position }
        self.rank = rank
    }
}

/// Questions' titles and slugs packed as UTF-8, two texts a question, for `TitleOrder`: the
/// titles are read from the questions' notes a run at a time, each run packing its own.
struct TitleTexts: Sendable {
    private(set) var packed: [UInt8] = []
    /// Where each text starts in `packed`.
    private var starts: [Int32] = []

    init() {}

    /// How many questions' texts.
    var count: Int { starts.count / 2 }

    mutating func append(title: String, slug: String) {
        starts.append(Int32(packed.count))
        packed += title.utf8
        starts.append(Int32(packed.count))
        packed += slug.utf8
    }

    /// Where text `index` (a question's title at `2 * n`, its slug after) is in `packed`.
    func range(_ index: Int) -> Range<Int> {
        Int(starts[index]) ..< (index + 1 < starts.count ? Int(starts[index + 1]) : packed.count)
    }

    func text(_ index: Int) -> String { String(decoding: packed[range(index)], as: UTF8.self) }
}
