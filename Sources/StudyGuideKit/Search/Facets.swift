/// What the search page filters by, for every document in order: its category, difficulty,
/// kind and tags, as indexes into the manifest's lists. Set aside in a `SpillFile` as documents
/// come (a few bytes each: kept in memory, they took 22 bytes a document for the whole build)
/// and read back at the end, when `search/facets.js` is written.
struct Facets {
    private let file = SpillFile()
    /// One document's record, reused: its category, difficulty, kind and number of tags, then its
    /// tags, each a varint.
    private var record: [UInt8] = []
    private(set) var count = 0

    mutating func append(_ document: SearchDocument) {
        append(category: document.category, difficulty: document.difficulty, kind: document.kind, tags: document.tags)
    }

    mutating func append(category: Int, difficulty: Int, kind: Int, tags: [Int]) {
        record.removeAll(keepingCapacity: true)
        record.appendVarint(category)
        record.appendVarint(difficulty)
        record.appendVarint(kind)
        record.appendVarint(tags.count)
        for tag in tags { record.appendVarint(tag) }
        _ = record.withUnsafeBytes { file.append($0) }
        count += 1
    }

    /// `search/facets.js`: one object of arrays, one entry per document.
    func script() -> [UInt8] {
        var records: [UInt8] = []
        file.read(0 ..< file.size, into: &records)
        var out: [UInt8] = []
        out.reserveCapacity(count * 12 + records.count * 2 + 64)
        out.appendASCII("StudyGuideSearch.registerFacets({")
        let names: [StaticString] = ["category", "difficulty", "kind"]
        for (field, name) in names.enumerated() {
            if field > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.appendASCII(name)
            out.appendASCII("\":[")
            forEachDocument(in: records) { document, facets, _ in
                if document > 0 { out.append(UInt8(ascii: ",")) }
                out.appendDecimal(facets[field])
            }
            out.append(UInt8(ascii: "]"))
        }
        out.appendASCII(",\"tags\":[")
        forEachDocument(in: records) { document, _, tags in
            if document > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for (index, tag) in tags.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.appendDecimal(tag)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.appendASCII("]});\n")
        return out
    }

    /// Calls `body` with each document's category, difficulty and kind, and its tags, in order.
    private func forEachDocument(in records: [UInt8], _ body: (_ document: Int, _ facets: [Int], _ tags: [Int]) -> Void) {
        var reader = ByteReader(bytes: records[...], at: 0)
        var facets = [0, 0, 0], tags: [Int] = []
        for document in 0 ..< count {
            // The file holds what `append` wrote, whole.
            for index in facets.indices { facets[index] = reader.varint()! }
            tags.removeAll(keepingCapacity: true)
            for _ in 0 ..< reader.varint()! { tags.append(reader.varint()!) }
            body(document, facets, tags)
        }
    }
}
