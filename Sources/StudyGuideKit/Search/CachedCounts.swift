/// The counted terms of one document, as a build with a cache keeps them (`BodyCache` blobs), so
/// that a build after an edit counts only the documents whose files changed: tokenising and
/// stemming every answer was most of the search stage.
///
/// A document is found by its file's bytes, its path, `site.yml` (the language, which stems) and
/// this program. Its terms are kept as text in the order the counter first met them, so a batch
/// assembled from kept documents numbers them exactly as counting it would.
struct CachedCounts {
    private let cache: BodyCache
    private let base: StableHash
    private let files: [String: BodyCache.Key]

    /// nil without a cache or hashed sources, and for a language whose queries map through surface
    /// forms (`Stemming.mapsQueriesThroughForms`): their words are not kept.
    init?(cache: BodyCache?, site: Site, stemming: Stemming) {
        guard let cache, let sources = site.sources, !stemming.mapsQueriesThroughForms else { return nil }
        self.cache = cache
        files = sources.files
        var base = StableHash()
        base.add(Array("search counts 1".utf8))
        base.add(BodyCache.renderer)
        base.add(Self.bytes(of: sources.config))
        self.base = base
    }

    /// The key of the document made from the file at `contentPath` (nil when it was not hashed).
    func key(of contentPath: String) -> BodyCache.Key? {
        guard let file = files[contentPath] else { return nil }
        var hash = base
        hash.add(Array(contentPath.utf8))
        hash.add(Self.bytes(of: file))
        return hash.key
    }

    /// Each document of `documents` (counted together as one batch) counted, from the cache where
    /// it holds them and by `count` for the rest (which are then kept): one batch, numbered as
    /// counting them all together numbers it.
    func counted(_ documents: ArraySlice<SearchDocument>, count: (ArraySlice<SearchDocument>) -> CountedBatch) -> CountedBatch {
        var found: [[UInt8]?] = documents.map { document in document.cacheKey.flatMap { cache.blob(for: $0) } }
        let missing = documents.indices.filter { found[$0 - documents.startIndex] == nil }
        if !missing.isEmpty {
            let fresh = count(ArraySlice(missing.map { documents[$0].withBody() }))
            for (number, index) in missing.enumerated() {
                let bytes = Self.encode(document: number, of: fresh)
                found[index - documents.startIndex] = bytes
                if let key = documents[index].cacheKey { cache.storeBlob(bytes, for: key) }
            }
        }
        // A blob that does not decode (it cannot, its checksum held) is counted again, not trusted.
        return Self.assemble(found.map { $0! }) ?? count(ArraySlice(documents.map { $0.withBody() }))
    }

    /// Whether the cache holds counts under `key` (they may still fail to read back: `counted` then
    /// counts the document after all).
    func holds(_ key: BodyCache.Key) -> Bool { cache.holds(key) }

    /// Document `number` of `batch`: its terms as text, in order, each with its count in every
    /// field; then the fields' lengths.
    static func encode(document number: Int, of batch: CountedBatch) -> [UInt8] {
        let fieldCount = PackedTerms.fieldCount
        let start = number == 0 ? 0 : batch.ends[number - 1], end = batch.ends[number]
        var bytes: [UInt8] = []
        bytes.appendVarint(end - start)
        for position in start ..< end {
            let term = batch.terms.bytes(batch.documentTerms[position])
            bytes.appendVarint(term.count)
            bytes.append(contentsOf: term)
            for count in batch.counts[position * fieldCount ..< (position + 1) * fieldCount] { bytes.appendVarint(Int(count)) }
        }
        for length in batch.lengths[number * fieldCount ..< (number + 1) * fieldCount] { bytes.appendVarint(Int(length)) }
        return bytes
    }

    /// One batch from its documents' encoded counts, in order; nil when one does not decode.
    static func assemble(_ documents: [[UInt8]]) -> CountedBatch? {
        let fieldCount = PackedTerms.fieldCount
        var batch = CountedBatch(terms: TermTable(capacity: 8192))
        for bytes in documents {
            var reader = ByteReader(bytes: bytes[...], at: 0)
            guard let termCount = reader.varint(), termCount <= bytes.count else { return nil }
            for _ in 0 ..< termCount {
                guard let length = reader.varint(), length > 0, length <= bytes.count - reader.at else { return nil }
                let id = bytes[reader.at ..< reader.at + length].withUnsafeBufferPointer { batch.terms.id(of: $0) }
                reader.at += length
                batch.documentTerms.append(id)
                for _ in 0 ..< fieldCount {
                    guard let count = reader.varint(), count <= Int32.max else { return nil }
                    batch.counts.append(Int32(count))
                }
            }
            for _ in 0 ..< fieldCount {
                guard let length = reader.varint(), length <= Int32.max else { return nil }
                batch.lengths.append(Int32(length))
            }
            guard reader.isAtEnd else { return nil }
            batch.ends.append(batch.documentTerms.count)
        }
        return batch
    }

    private static func bytes(of key: BodyCache.Key) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendFixed(key.high)
        bytes.appendFixed(key.low)
        return bytes
    }
}
