/// What the search index knows about one question: its weighted fields and what a result shows.
struct SearchDocument: Sendable {
    /// Fields in the order of their weight; a word in the title counts ten times a word in the answer.
    enum Field: Int, CaseIterable, Sendable {
        case title, aliases, tags, headings, summary, body

        var weight: Double {
            switch self {
            case .title: return 10
            case .aliases: return 6
            case .tags: return 5
            case .headings: return 3
            case .summary: return 3
            case .body: return 1
            }
        }
    }

    let title: String
    let url: String
    let category: Int
    let difficulty: Int
    let kind: Int
    let tags: [Int]
    let summary: String
    /// The opening of the answer, for snippets.
    let excerpt: String
    /// Each field's text, indexed by `Field.rawValue`; let go once the words are counted.
    var fields: [String]
    /// Where a build with a cache keeps the document's counted terms (`CachedCounts`).
    var cacheKey: BodyCache.Key? = nil
    /// The answer whose text is not in `fields` yet: its counts are kept, and it is read only if
    /// they do not read back (`withBody()`).
    var deferredBody: RenderedBody? = nil

    /// The document with its answer's text in `fields`, for counting.
    func withBody() -> SearchDocument {
        guard let deferredBody else { return self }
        var document = self
        document.fields[Field.body.rawValue] = deferredBody.plainText
        document.deferredBody = nil
        return document
    }

    /// At most `limit` characters, cut at a word boundary.
    static func excerpt(of text: String, limit: Int) -> String {
        // Stops counting at the limit: counting every character of a long answer was most of the cost.
        guard text.utf8.count > limit else { return text }
        // Printable ASCII (no CR, which pairs with LF into one Character): a character is a byte.
        // Read through a pointer where the string is contiguous (as native strings are): a
        // Substring's UTF-8 view a byte at a time cost more than the rest of making the document.
        let contiguous = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let head = UnsafeBufferPointer(rebasing: bytes[..<(limit + 1)])
            guard head.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            let cut = UnsafeBufferPointer(rebasing: head[..<limit])
            let end = cut.lastIndex(of: UInt8(ascii: " ")) ?? cut.endIndex
            return String(decoding: UnsafeBufferPointer(rebasing: cut[..<end]), as: UTF8.self) + "…"
        }
        if let contiguous, let excerpt = contiguous { return excerpt }
        let head = text.utf8.prefix(limit + 1)
        if head.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let cut = Array(head.prefix(limit))
            let end = cut.lastIndex(of: UInt8(ascii: " ")) ?? cut.endIndex
            return String(decoding: cut[..<end], as: UTF8.self) + "…"
        }
        guard text.dropFirst(limit).isEmpty == false else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}

extension SearchDocument {
    /// A document known only by the key of its kept counts (`CachedCounts`), for counting again
    /// from the cache: it shows nothing, and has no text to count.
    init(countsKey: BodyCache.Key) {
        self.init(title: "", url: "", category: 0, difficulty: 0, kind: 0, tags: [], summary: "", excerpt: "",
                  fields: Array(repeating: "", count: Field.allCases.count))
        cacheKey = countsKey
    }
}
