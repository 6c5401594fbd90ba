/// What the search page filters by, for every document in order: its category, difficulty,
/// kind and tags, as indexes into the manifest's lists. A few bytes a document, kept until the
/// end, when `search/facets.js` is written.
struct Facets {
    private var categories: [Int32] = []
    private var difficulties: [UInt8] = []
    private var kinds: [UInt8] = []
    private var tags: [Int32] = []
    /// Where each document's tags end in `tags`.
    private var tagEnds: [Int32] = []

    var count: Int { categories.count }

    mutating func reserveCapacity(documents: Int, tags: Int) {
        categories.reserveCapacity(documents)
        difficulties.reserveCapacity(documents)
        kinds.reserveCapacity(documents)
        tagEnds.reserveCapacity(documents)
        self.tags.reserveCapacity(tags)
    }

    mutating func append(_ document: SearchDocument) {
        categories.append(Int32(document.category))
        difficulties.append(UInt8(document.difficulty))
        kinds.append(UInt8(document.kind))
        tags += document.tags.map(Int32.init)
        tagEnds.append(Int32(tags.count))
    }

    /// `search/facets.js`: one object of arrays, one entry per document.
    func script() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count * 12 + tags.count * 4 + 64)
        func array(_ name: StaticString, _ values: some Sequence<some BinaryInteger>) {
            out.append(UInt8(ascii: "\""))
            out.appendASCII(name)
            out.appendASCII("\":[")
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.appendDecimal(Int(value))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.appendASCII("StudyGuideSearch.registerFacets({")
        array("category", categories)
        out.append(UInt8(ascii: ","))
        array("difficulty", difficulties)
        out.append(UInt8(ascii: ","))
        array("kind", kinds)
        out.appendASCII(",\"tags\":[")
        var start = 0
        for (document, end) in tagEnds.enumerated() {
            if document > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for position in start ..< Int(end) {
                if position > start { out.append(UInt8(ascii: ",")) }
                out.appendDecimal(Int(tags[position]))
            }
            out.append(UInt8(ascii: "]"))
            start = Int(end)
        }
        out.appendASCII("]});\n")
        return out
    }
}
