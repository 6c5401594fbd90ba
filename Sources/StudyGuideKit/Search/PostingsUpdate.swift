internal import Foundation

/// What a build with a cache needs to update the last build's postings (`PostingsStore`) instead
/// of making every posting again: the documents whose counts' keys changed, and their counts made
/// now. Taken when the site has the same documents in the same order, and few of them changed; the
/// rest is the store's.
struct PostingsUpdate {
    let store: PostingsStore
    /// Whether each document changed since the store was written.
    let changed: [Bool]
    /// The counts of each changed document, counted alone, by its place in the site.
    var counted: [Int: CountedBatch] = [:]

    /// More changed documents than this share of the site: making the whole index costs about
    /// as much as updating it.
    static let largestShare = 8

    /// `holds`: whether the cache keeps a document's counts. Every unchanged document's must be
    /// there, for counting them all again should the averages move (`replayFromCache`).
    init?(store: PostingsStore?, keys: [BodyCache.Key], holds: (BodyCache.Key) -> Bool) {
        guard let store, store.documents.count == keys.count, !keys.isEmpty else { return nil }
        let changed = zip(keys, store.documents).map { $0 != $1 }
        guard changed.lazy.filter({ $0 }).count <= max(64, keys.count / Self.largestShare),
              zip(keys, changed).allSatisfy({ $1 || holds($0) }) else { return nil }
        self.store = store
        self.changed = changed
    }
}

/// A flag set from any thread: the cache lost counts a build needed.
final class LostCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var lost = false

    func note() { lock.withLock { lost = true } }
    var happened: Bool { lock.withLock { lost } }
}

extension SearchIndexBuilder {
    /// Counts each changed document of `documents` (each with its place in the site) alone,
    /// through the cache, which keeps its counts for a build that counts every document.
    mutating func count(changed documents: [(Int, SearchDocument)]) {
        guard let cachedCounts, var update else { return }
        let stemming = stemming
        for (place, document) in documents where update.changed[place] {
            update.counted[place] = cachedCounts.counted([document][...]) { TermCounter.count($0, stemming: stemming) }
        }
        self.update = update
    }

    /// The site's rounded average length of each field.
    static func averages(of lengths: [Int32], documents: Int) -> [Double] {
        let fieldCount = PackedTerms.fieldCount
        var totals = [Int](repeating: 0, count: fieldCount)
        for (at, length) in lengths.enumerated() { totals[at % fieldCount] += Int(length) }
        return totals.map { Saturation.roundedAverage(total: $0, documents: documents) }
    }

    /// Writes the postings files from the store updated with the changed documents, and the
    /// vocabulary and manifest; links every postings file whose terms' postings are as they were.
    /// nil, with nothing written, when the update cannot be made: the rounded average lengths
    /// moved (every posting changes), or the store does not read. An error when the postings it
    /// wrote to the cache could not be read back.
    mutating func writeUpdated() -> [Diagnostic]? {
        // Every changed document must have been counted: its old postings go either way.
        guard let update, let cachedCounts, let documentKeys,
              update.counted.count == update.changed.lazy.filter({ $0 }).count else { return nil }
        let fieldCount = PackedTerms.fieldCount
        let documentCount = documentKeys.count
        var lengths = update.store.lengths
        for (document, batch) in update.counted {
            lengths.replaceSubrange(document * fieldCount ..< (document + 1) * fieldCount, with: batch.lengths)
        }
        let averages = Self.averages(of: lengths, documents: documentCount)
        guard averages == Self.averages(of: update.store.lengths, documents: documentCount) else { return nil }
        let additions = Self.postings(of: update.counted, lengths: lengths, averages: averages)

        guard let writer = PostingsStore.Writer(folder: cachedCounts.folder, basis: cachedCounts.basis, documents: documentKeys,
                                                lengths: lengths) else { return nil }
        // The records that held a changed document are those of the terms it had: its counts from
        // before, which the cache keeps under its old key. Without them, each record's postings are
        // looked through for one (every posting of the site, decoded).
        let heldBefore = Self.termsBefore(update, cachedCounts)
        var nextBefore = 0
        var merged = MergedVocabulary(capacity: 1 << 16)
        var next = 0
        var splice = PostingsSplice()
        let whole = update.store.forEachRecord { buffer, record in
            let term = UnsafeBufferPointer(rebasing: buffer[record.term])
            while next < additions.terms.count, Self.order(additions.terms[next], term) < 0 {
                merged.append(term: additions.terms[next], documents: additions.documents[next], scores: additions.scores[next], to: writer)
                next += 1
            }
            let added = next < additions.terms.count && Self.order(additions.terms[next], term) == 0 ? next : nil
            if added != nil { next += 1 }
            let postings = UnsafeBufferPointer(rebasing: buffer[record.postings])
            let held: Bool
            if let heldBefore {
                while nextBefore < heldBefore.count, Self.order(heldBefore[nextBefore], term) < 0 { nextBefore += 1 }
                held = nextBefore < heldBefore.count && Self.order(heldBefore[nextBefore], term) == 0
            } else {
                held = Self.holdsAny(of: update.changed, postings)
            }
            guard added != nil || held else {
                merged.append(record: record, in: buffer, to: writer)
                return
            }
            // Drop the changed documents' old postings, put in their new ones, in document order.
            splice.make(from: postings, frequency: record.frequency, encodedSize: record.encodedSize, removing: update.changed,
                        adding: added.map { additions.documents[$0] } ?? [], scores: added.map { additions.scores[$0] } ?? [])
            if splice.count > 0 { merged.append(term: term, splice: splice, to: writer) }
        }
        guard whole else { return nil }
        while next < additions.terms.count {
            merged.append(term: additions.terms[next], documents: additions.documents[next], scores: additions.scores[next], to: writer)
            next += 1
        }
        merged.offsets.append(writer.offset)
        cachedCounts.keep(documentKeys, batch: Self.countingBatch)

        let emit = emit
        func emitted(_ file: OutputFile) -> (String, JSONValue) { Self.emitted(file, to: emit) }
        let sorted = (0 ..< Int32(merged.terms.count)).map { $0 }
        var sizes = vocabularyFiles(terms: merged.terms, sorted: sorted, frequency: merged.frequency, emitted: emitted)
        let buckets = Self.buckets(sorted: sorted[...], terms: merged.terms, limit: Self.bucketBytes) { merged.sizes[$0] }
        for bucket in buckets {
            let path = Self.postingsPath(of: bucket)
            let fingerprint = Self.fingerprint(of: bucket, hashes: merged.hashes, basis: cachedCounts.basis)
            if let reuse, let size = reuse(path, fingerprint) {
                sizes.append((path.path, .number(size)))
                continue
            }
            let range = merged.offsets[bucket.positions.lowerBound] ..< merged.offsets[bucket.positions.upperBound]
            guard let bytes = writer.read(range), let postings = Self.postings(at: bucket.positions, from: bytes) else {
                // Files were written already: too late to make them all instead.
                PostingsStore.remove(in: cachedCounts.folder)
                return [.error(at: SourceLocation(path: cachedCounts.folder), "the search postings written to the build cache could not be read back; build again", rule: "io")]
            }
            var file = Self.postingsFile(bucket, terms: merged.terms, sorted: sorted[...], postings: postings)
            file.fingerprint = fingerprint
            sizes.append(Self.emitted(file, to: emit))
        }
        writer.finish()
        sizes += documentFiles
        sizes.append(emitted(OutputFile(path: PagePath("search/facets.js"), bytes: facets.script())))
        writeManifest(buckets: buckets, sizes: sizes, terms: merged.terms)
        return []
    }

    /// The postings of the changed documents by term, sorted: each document's entries scored
    /// against its new lengths.
    private static func postings(of counted: [Int: CountedBatch], lengths: [Int32], averages: [Double])
        -> (terms: [[UInt8]], documents: [[Int32]], scores: [[UInt8]]) {
        let fieldCount = PackedTerms.fieldCount
        var byTerm: [[UInt8]: (documents: [Int32], scores: [UInt8])] = [:]
        Saturation.weights.withUnsafeBufferPointer { weights in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { counts in
                for document in counted.keys.sorted() {
                    let batch = counted[document]!
                    batch.fieldCounts.withUnsafeBufferPointer { entries in
                        lengths.withUnsafeBufferPointer { lengths in averages.withUnsafeBufferPointer { averages in
                            var at = 0
                            for term in batch.documentTerms {
                                let (fields, length) = FieldCounts.read(at: entries.baseAddress! + at, into: counts)
                                at += length
                                let score = Saturation.quantized(Saturation.of(fields: fields, counts: UnsafeBufferPointer(counts),
                                                                               lengths: lengths.baseAddress! + document * fieldCount,
                                                                               averages: averages.baseAddress!, weights: weights))
                                byTerm[Array(batch.terms.bytes(term)), default: ([], [])].documents.append(Int32(document))
                                byTerm[Array(batch.terms.bytes(term))]!.scores.append(score)
                            }
                        } }
                    }
                }
            }
        }
        let terms = byTerm.keys.sorted { $0.lexicographicallyPrecedes($1) }
        return (terms, terms.map { byTerm[$0]!.documents }, terms.map { byTerm[$0]!.scores })
    }

    /// Every term the changed documents had when the store was written, in byte order, without
    /// repeats; nil when the cache lost the counts of one of them.
    private static func termsBefore(_ update: PostingsUpdate, _ counts: CachedCounts) -> [[UInt8]]? {
        var terms: Set<[UInt8]> = []
        for (place, changed) in update.changed.enumerated() where changed {
            guard let held = counts.terms(ofDocument: update.store.documents[place]) else { return nil }
            terms.formUnion(held)
        }
        return terms.sorted { first, second in second.withUnsafeBufferPointer { order(first, $0) < 0 } }
    }

    /// How `term` sorts against `other` by bytes: negative before, zero equal, positive after
    /// (`memcmp`, where the generic comparison went a byte at a time through two collections).
    @inline(__always)
    static func order(_ term: [UInt8], _ other: UnsafeBufferPointer<UInt8>) -> Int {
        term.withUnsafeBufferPointer { term in
            let common = min(term.count, other.count)
            let bytes = common == 0 ? 0 : Int(memcmp(term.baseAddress!, other.baseAddress!, common))
            return bytes != 0 ? bytes : term.count - other.count
        }
    }

    /// Whether postings (document gaps and scores, as the store keeps them) hold a changed document.
    private static func holdsAny(of changed: [Bool], _ postings: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        forEachPosting(in: postings) { document, _ in if changed[Int(document)] { found = true } }
        return found
    }

    /// Calls `body` with each posting of a store record: its document and score.
    @inline(__always)
    static func forEachPosting(in postings: UnsafeBufferPointer<UInt8>, _ body: (Int32, UInt8) -> Void) {
        guard let base = postings.baseAddress else { return }
        var at = 0, document = 0
        while at < postings.count {
            document += Varint.read(base, at: &at)
            body(Int32(document), postings[at])
            at += 1
        }
    }

    /// The postings of the records `bytes` holds (those of `positions`, in order), as the
    /// encoder reads them; nil when they do not read.
    private static func postings(at positions: Range<Int>, from bytes: [UInt8]) -> Postings? {
        var offsets = [0]
        var documents: [Int32] = []
        var scores: [UInt8] = []
        let whole = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var at = 0
            for _ in positions {
                guard let record = PostingsStore.record(in: buffer, at: &at, end: buffer.count) else { return false }
                forEachPosting(in: UnsafeBufferPointer(rebasing: buffer[record.postings])) { document, score in
                    documents.append(document)
                    scores.append(score)
                }
                offsets.append(documents.count)
            }
            return at == buffer.count
        }
        return whole ? Postings(positions: positions, offsets: offsets, documents: documents, scores: scores) : nil
    }
}

/// The vocabulary an update makes as it merges, in byte order, with where each term's record
/// starts in the new store.
struct MergedVocabulary {
    var terms: TermTable
    var frequency: [Int32] = []
    var sizes: [Int] = []
    var hashes: [UInt64] = []
    var offsets: [Int] = []

    init(capacity: Int) {
        terms = TermTable(capacity: capacity)
    }

    /// A record of the previous store, as it was.
    mutating func append(record: PostingsStore.Record, in buffer: UnsafeBufferPointer<UInt8>, to writer: PostingsStore.Writer) {
        _ = terms.id(of: UnsafeBufferPointer(rebasing: buffer[record.term]))
        frequency.append(Int32(record.frequency))
        sizes.append(record.encodedSize)
        hashes.append(record.hash)
        offsets.append(writer.offset)
        writer.append(record: UnsafeBufferPointer(rebasing: buffer[record.whole]))
    }

    /// A record of the previous store with its postings changed.
    mutating func append(term: UnsafeBufferPointer<UInt8>, splice: PostingsSplice, to writer: PostingsStore.Writer) {
        _ = terms.id(of: term)
        splice.bytes.withUnsafeBufferPointer { postings in
            let hash = PostingsStore.hash(term: term, postings: postings)
            frequency.append(Int32(splice.count))
            sizes.append(splice.encodedSize)
            hashes.append(hash)
            offsets.append(writer.offset)
            writer.append(term: term, frequency: splice.count, encodedSize: splice.encodedSize, hash: hash, postings: postings)
        }
    }

    /// A record made now.
    mutating func append(term: [UInt8], documents: [Int32], scores: [UInt8], to writer: PostingsStore.Writer) {
        let postings = Postings(positions: 0 ..< 1, offsets: [0, documents.count], documents: documents, scores: scores)
        let record = SearchIndexBuilder.storeRecord(of: 0, in: postings)
        term.withUnsafeBufferPointer { term in
            _ = terms.id(of: term)
            let size = SearchIndexBuilder.encodedSize(of: 0, in: postings)
            let hash = record.withUnsafeBufferPointer { PostingsStore.hash(term: term, postings: $0) }
            frequency.append(Int32(documents.count))
            sizes.append(size)
            hashes.append(hash)
            offsets.append(writer.offset)
            record.withUnsafeBufferPointer { writer.append(term: term, frequency: documents.count, encodedSize: size, hash: hash, postings: $0) }
        }
    }
}
