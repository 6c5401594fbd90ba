/// The counted terms of one document, as a build with a cache keeps them (`BodyCache` blobs), so
/// that a build after an edit counts only the documents whose files changed: tokenising and
/// stemming every answer was most of the search stage. Each whole counting batch is kept too, so
/// a batch none of whose documents changed is read back in one piece instead of put together
/// from its documents' counts (most of a cached build's search stage after the counting).
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
        base.add(Array("search counts 2".utf8))
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
        let keys = documents.compactMap(\.cacheKey)
        let batchKey = keys.count == documents.count ? batchKey(of: keys) : nil
        if let batchKey, let bytes = cache.blob(for: batchKey), let batch = Self.decodeBatch(bytes) {
            // Its documents' own counts stay for the build that changes one of them.
            cache.keep(keys)
            return batch
        }
        let batch = assembled(documents, count: count)
        if let batchKey { cache.storeBlob(Self.encodeBatch(batch), for: batchKey) }
        return batch
    }

    /// The key of a batch of these documents, in this order.
    private func batchKey(of keys: [BodyCache.Key]) -> BodyCache.Key {
        var hash = base
        var bytes = Array("batch".utf8)
        for key in keys {
            bytes.appendFixed(key.high)
            bytes.appendFixed(key.low)
        }
        hash.add(bytes)
        return hash.key
    }

    private func assembled(_ documents: ArraySlice<SearchDocument>, count: (ArraySlice<SearchDocument>) -> CountedBatch) -> CountedBatch {
        var found: [[UInt8]?] = documents.map { document in document.cacheKey.flatMap { cache.blob(for: $0) } }
        let missing = documents.indices.filter { found[$0 - documents.startIndex] == nil }
        if !missing.isEmpty {
            let fresh = Self.encodeDocuments(of: count(ArraySlice(missing.map { documents[$0].withBody() })))
            for (number, index) in missing.enumerated() {
                found[index - documents.startIndex] = fresh[number]
                if let key = documents[index].cacheKey { cache.storeBlob(fresh[number], for: key) }
            }
        }
        // A blob that does not decode (it cannot, its checksum held) is counted again, not trusted.
        return Self.assemble(found.map { $0! }) ?? count(ArraySlice(documents.map { $0.withBody() }))
    }

    /// What every key is hashed from: this program, its format and `site.yml`.
    var basis: BodyCache.Key { base.key }

    /// Where the cache keeps state beside its entries.
    var folder: String { cache.folder }

    /// Keeps the counts of documents with these keys, in site order, and of their counting
    /// batches, for a later build that counts them again, without reading them (a build that
    /// updates the index from its `PostingsStore` counts only the changed documents).
    func keep(_ keys: [BodyCache.Key], batch: Int) {
        cache.keep(keys + stride(from: 0, to: keys.count, by: batch).map { start in
            batchKey(of: Array(keys[start ..< min(start + batch, keys.count)]))
        })
    }

    /// The terms of the document whose counts the cache keeps under `key`, in the order counted;
    /// nil when they are not there whole. Not kept for the next build: a changed document's old
    /// counts, which its new ones replace.
    func terms(ofDocument key: BodyCache.Key) -> [[UInt8]]? {
        guard let bytes = cache.blob(for: key, keeping: false) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> [[UInt8]]? in
            var reader = BlobReader(buffer)
            guard let termCount = reader.varint(), termCount <= buffer.count else { return nil }
            var terms: [[UInt8]] = []
            terms.reserveCapacity(termCount)
            for _ in 0 ..< termCount {
                guard let term = reader.text(), !term.isEmpty, reader.entries(1) != nil else { return nil }
                terms.append(Array(term))
            }
            return terms
        }
    }

    /// Whether the cache holds counts under `key` (they may still fail to read back: `counted` then
    /// counts the document after all).
    func holds(_ key: BodyCache.Key) -> Bool { cache.holds(key) }

    /// Each document of `batch`: its terms as text, in order, each with its entry of counts as the
    /// batch packs it (`FieldCounts`); then the fields' lengths.
    static func encodeDocuments(of batch: CountedBatch) -> [[UInt8]] {
        let fieldCount = PackedTerms.fieldCount
        var documents: [[UInt8]] = []
        batch.fieldCounts.withUnsafeBufferPointer { entries in
            var start = 0, entryAt = 0
            for (number, end) in batch.ends.enumerated() {
                var bytes: [UInt8] = []
                bytes.appendVarint(end - start)
                for position in start ..< end {
                    let term = batch.terms.bytes(batch.documentTerms[position])
                    bytes.appendVarint(term.count)
                    bytes.append(contentsOf: term)
                    let length = FieldCounts.length(at: entries.baseAddress! + entryAt)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: entries[entryAt ..< entryAt + length]))
                    entryAt += length
                }
                for length in batch.lengths[number * fieldCount ..< (number + 1) * fieldCount] { bytes.appendVarint(Int(length)) }
                documents.append(bytes)
                start = end
            }
        }
        return documents
    }

    /// A whole batch: its terms in the order of their numbers, each document's end, every entry's
    /// term, the entries' packed counts as they are (`FieldCounts`), then the fields' lengths.
    static func encodeBatch(_ batch: CountedBatch) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.terms.count * 8 + batch.fieldCounts.count + batch.documentTerms.count * 2 + batch.lengths.count + 64)
        bytes.appendVarint(batch.terms.count)
        for id in 0 ..< Int32(batch.terms.count) {
            let term = batch.terms.bytes(id)
            bytes.appendVarint(term.count)
            bytes.append(contentsOf: term)
        }
        bytes.appendVarint(batch.ends.count)
        var previous = 0
        for end in batch.ends {
            bytes.appendVarint(end - previous)
            previous = end
        }
        for term in batch.documentTerms { bytes.appendVarint(Int(term)) }
        bytes.appendVarint(batch.fieldCounts.count)
        bytes.append(contentsOf: batch.fieldCounts)
        for length in batch.lengths { bytes.appendVarint(Int(length)) }
        return bytes
    }

    /// The batch `encodeBatch` kept; nil when the bytes are not a whole, consistent batch.
    static func decodeBatch(_ bytes: [UInt8]) -> CountedBatch? {
        bytes.withUnsafeBufferPointer { buffer -> CountedBatch? in
            var reader = BlobReader(buffer)
            guard let termCount = reader.varint(), termCount <= buffer.count else { return nil }
            var batch = CountedBatch(terms: TermTable(capacity: max(16, termCount)))
            for number in 0 ..< termCount {
                guard let term = reader.text(), !term.isEmpty, Int(batch.terms.id(of: term)) == number else { return nil }
            }
            guard let documentCount = reader.varint(), documentCount <= buffer.count else { return nil }
            batch.ends.reserveCapacity(documentCount)
            var end = 0
            for _ in 0 ..< documentCount {
                guard let step = reader.varint(), step <= buffer.count else { return nil }
                end += step
                batch.ends.append(end)
            }
            guard end <= buffer.count, reader.values(end, below: termCount, into: &batch.documentTerms),
                  let entryBytes = reader.varint(), let entries = reader.entries(end, inBytes: entryBytes),
                  documentCount <= buffer.count / PackedTerms.fieldCount else { return nil }
            batch.fieldCounts = Array(entries)
            guard reader.values(documentCount * PackedTerms.fieldCount, below: Int(Int32.max), into: &batch.lengths),
                  reader.isAtEnd else { return nil }
            return batch
        }
    }

    /// One batch from its documents' encoded counts, in order; nil when one does not decode.
    static func assemble(_ documents: [[UInt8]]) -> CountedBatch? {
        var batch = CountedBatch(terms: TermTable(capacity: 8192))
        for bytes in documents {
            let whole = bytes.withUnsafeBufferPointer { buffer -> Bool in
                var reader = BlobReader(buffer)
                guard let termCount = reader.varint(), termCount <= buffer.count else { return false }
                for _ in 0 ..< termCount {
                    guard let term = reader.text(), !term.isEmpty, let entry = reader.entries(1) else { return false }
                    batch.documentTerms.append(batch.terms.id(of: term))
                    batch.fieldCounts.append(contentsOf: entry)
                }
                return reader.values(PackedTerms.fieldCount, below: Int(Int32.max), into: &batch.lengths) && reader.isAtEnd
            }
            guard whole else { return nil }
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
