// Covers: `StringInterner` hands out one copy of each distinct string, however it is given
// (a string or a record's bytes), from any number of threads, and never mixes two strings up,
// through its tables' growth and strings that share long prefixes.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct StringInternerTests {
    /// Whether two strings share their storage (the interner's whole point), not only their text.
    static func sameStorage(_ a: String, _ b: String) -> Bool {
        a.utf8.withContiguousStorageIfAvailable { $0.baseAddress } == b.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
    }

    @Test func equalTextsComeBackAsOneCopy() {
        let interner = StringInterner()
        let first = interner.intern(String("design-a-rate-limiter-for-a-public-api".utf8.map { Character(UnicodeScalar($0)) }))
        let second = interner.intern("design-a-rate-limiter-for-a-public-" + "api")
        #expect(first == second)
        #expect(Self.sameStorage(first, second))
    }

    @Test func aRecordsBytesGiveTheStringInternedBefore() {
        let interner = StringInterner()
        let slug = interner.intern("what-does-a-b-tree-index-cost-on-writes")
        let bytes = Array("tags then what-does-a-b-tree-index-cost-on-writes and a short one".utf8)
        var found: [String] = []
        interner.strings(at: [10 ..< 49, 56 ..< 65, 0 ..< 4], of: bytes, into: &found)
        #expect(found == ["what-does-a-b-tree-index-cost-on-writes", "short one", "tags"])
        #expect(Self.sameStorage(found[0], slug))
    }

    /// Questions of one folder share one category and display head, asked for from many workers.
    @Test func theQuestionsOfAFolderShareOneFolder() {
        let interner = StringInterner()
        let heads = ["content/", "/srv/other-site/content/"]
        let categories = ["databases", "distributed-systems-and-consensus"]
        let found = parallelMap(Array(0 ..< 400)) { index in
            interner.folder(categories[index % 2], displayHead: heads[index / 2 % 2])
        }
        for (index, folder) in found.enumerated() {
            #expect(folder.category == categories[index % 2] && folder.displayHead == heads[index / 2 % 2])
            #expect(folder === found[index % 4], "one folder object for each pair")
        }
        #expect(Set(found.map(ObjectIdentifier.init)).count == 4)
    }

    @Test func thousandsOfSimilarStringsStayApartThroughGrowth() {
        let interner = StringInterner()
        // Long shared prefixes, differing only in their last bytes: each must keep its own text.
        let texts = (0 ..< 5_000).map { "tell-me-about-a-time-you-detected-a-slow-query-\($0)" }
        let first = texts.map { interner.intern($0) }
        let again = texts.map { interner.intern(String($0.utf8.map { Character(UnicodeScalar($0)) })) }
        #expect(first == texts)
        #expect(zip(first, again).allSatisfy { $0 == $1 && Self.sameStorage($0, $1) })
    }

    @Test func workersInterningAtOnceGetOneCopyEach() {
        let interner = StringInterner()
        let texts = (0 ..< 2_000).map { "related-question-slug-number-\($0 % 500)" }
        let results = parallelMap(texts) { interner.intern($0) }
        var seen: [String: String] = [:]
        for result in results {
            if let held = seen[result] {
                #expect(Self.sameStorage(held, result), "\(result) was made twice")
            } else {
                seen[result] = result
            }
        }
        #expect(seen.count == 500)
    }
}
