/// Builds the client-side search index at build time and writes it as JavaScript files
/// that the browser loads with `<script>` tags (never `fetch`, which `file://` forbids).
/// A query loads only what it needs:
///
/// - `search/manifest.js`: counts, the list of postings buckets, file sizes and the facet
///   vocabularies (small; every page loads it);
/// - `search/vocab-<c>.js`: the terms starting with `c` and their document frequencies, for
///   prefix and typo expansion (small);
/// - `search/post-<prefix>.js`: postings of the terms starting with `<prefix>`; a bucket that
///   would exceed `bucketBytes` is split by one more letter, so no query loads a large file;
/// - `search/docs-<n>.js`: what a result shows for documents `n*chunk ..< (n+1)*chunk`;
/// - `search/facets.js`: category, difficulty, kind and tags of every document, for filters.
///
/// Each posting's saturated term frequency is worked out here once (see `Saturation`), so a query
/// only multiplies it by the term's idf and adds. Terms are integer ids from tokenising to
/// writing; every term is `a-z0-9`, so it is written between quotes as it is. A build with a
/// cache updates the postings of the last one instead (`PostingsUpdate`).
struct SearchIndexBuilder {
    static let chunkSize = 50
    static let excerptLength = 240
    static let bucketBytes = 24_000
    /// Documents whose words are counted with one table. Fixed, so the index does not depend on
    /// the number of workers.
    static let countingBatch = 128
    /// Terms whose postings one worker sizes at a time.
    static let encodingRun = 4096
    /// Postings made and written together at most (five bytes each in memory); see `InvertedIndex.groups`.
    static let postingsGroup = 1 << 19

    let site: Site
    /// Where files go as soon as they are made.
    let emit: @Sendable (OutputFile) -> Void
    private let categoryIndex: [String: Int]
    private let tagIndex: [String: Int]
    /// Every term counted so far (`stems` names words' terms by their ids here), and the counts
    /// of every counted document, on disk.
    private var terms = TermTable(capacity: 1 << 16)
    private var spilled = SpilledTerms()
    private var stems = StemCache()
    /// How words become terms, from the site's language.
    let stemming: Stemming
    /// Words whose term differs from them, kept only when the browser cannot stem (`Stemming`).
    private var forms = SurfaceForms()
    /// How many questions were added so far.
    private var added = 0
    /// Documents made but not yet counted: fewer than `countingBatch`, waiting for the next bodies.
    private var pending: [SearchDocument] = []
    /// Counted documents (without their texts) whose file of results is not complete yet.
    private var shown: [SearchDocument] = []
    /// The `docs-<n>.js` files written, with their sizes, in order.
    var documentFiles: [(String, JSONValue)] = []
    var facets = Facets()

    /// Documents' counts kept between builds, with a cache.
    let cachedCounts: CachedCounts?
    /// Set when counting every document again found counts the cache had lost.
    private let lost = LostCounts()
    /// Each question's counts key, in site order, when the cache can key every one: what the
    /// postings store names documents by.
    let documentKeys: [BodyCache.Key]?
    /// The postings of the last build with this cache, and what changed since, when this build
    /// updates them instead of making every posting again (`PostingsUpdate`).
    var update: PostingsUpdate?
    /// How many answers `write` updated the postings for; nil when it made them all.
    private(set) var updatedAnswers: Int?
    /// Links a file of the index from the previous output when its fingerprint is unchanged, and
    /// gives its size (with a ledger of the output; nil without).
    let reuse: (@Sendable (PagePath, OutputLedger.Fingerprint) -> Int?)?
    /// The size of each file of results kept from the previous output (nil: made again), by
    /// number, once asked.
    private var keptChunks: [Int: Int?] = [:]
    /// The number of the next file of results.
    private var nextChunk = 0

    /// `cache`: where a build with a cache keeps each document's counted terms, and the postings.
    init(site: Site, emit: @escaping @Sendable (OutputFile) -> Void, cache: BodyCache? = nil,
         reuse: (@Sendable (PagePath, OutputLedger.Fingerprint) -> Int?)? = nil) {
        self.site = site
        self.emit = emit
        self.reuse = reuse
        stemming = Stemming(language: site.config.language)
        let cachedCounts = CachedCounts(cache: cache, site: site, stemming: stemming)
        self.cachedCounts = cachedCounts
        let keys = cachedCounts.map { counts in site.questions.compactMap { counts.key(of: $0.contentPath) } }
        documentKeys = keys?.count == site.questions.count ? keys : nil
        categoryIndex = Dictionary(uniqueKeysWithValues: site.categories.enumerated().map { ($1.category.slug, $0) })
        tagIndex = Dictionary(uniqueKeysWithValues: site.tags.enumerated().map { ($1.name, $0) })
        if let cachedCounts, let documentKeys {
            update = PostingsUpdate(store: PostingsStore(folder: cachedCounts.folder, basis: cachedCounts.basis), keys: documentKeys,
                                    holds: cachedCounts.holds)
        }
    }

    /// Adds the next questions in site order, with their bodies; counts their words as soon as a
    /// whole counting batch is there, so only the text of the current bodies is ever held.
    mutating func add(_ questions: ArraySlice<Question>, bodies: [String: RenderedBody], notes: BatchNotes = BatchNotes()) {
        if update != nil {
            addUpdating(questions, bodies: bodies, notes: notes)
            return
        }
        pending += documents(for: questions, bodies: bodies, notes: notes)
        added += questions.count
        // After the last question, the rest is counted at once and the stem cache and the lists of
        // documents let go (emptied, they kept their room): the pages rendered after the
        // questions (listings, guides) are the build's peak.
        let last = added == site.questions.count
        countPending(all: last)
        if last {
            stems = StemCache(room: 1)
            pending = []
            shown = []
        }
    }

    /// The documents of `questions`, made on all cores. The workers read the builder borrowed, in a
    /// method that does not change it: a copy of it alive while `countPending` grew its lists made
    /// each of them be copied whole for every batch (at 100,000 questions, 14 MB a batch and as
    /// much again at the peak).
    private func documents(for questions: ArraySlice<Question>, bodies: [String: RenderedBody],
                           notes: BatchNotes) -> [SearchDocument] {
        parallelMap(Array(questions)) { question in
            let contentPath = question.contentPath
            let key = cachedCounts?.key(of: contentPath)
            // A document whose counts the cache holds needs no answer text (`CachedCounts` asks for it
            // if they do not read back).
            return document(for: question, body: bodies[contentPath], notes: notes.of(question),
                            cacheKey: key, deferringBody: key.map { cachedCounts!.holds($0) } ?? false)
        }
    }

    /// The words of the first `countable` pending documents, counted in batches on all cores
    /// (borrowing the builder, as `documents` does, so that `stems` learns and `terms` grows without a copy).
    private func countedBatches(_ countable: Int, replaying: Bool) -> [CountedBatch] {
        // Unstemmed words are their own terms: nothing to share.
        let shared = stemming == .none ? nil : SharedStems()
        let lost = replaying ? lost : nil
        return parallelMap(Array(stride(from: 0, to: countable, by: Self.countingBatch))) { start in
            let documents = pending[start ..< min(start + Self.countingBatch, countable)]
            guard let cachedCounts else { return TermCounter.count(documents, stems: stems, vocabulary: terms, shared: shared, stemming: stemming) }
            return cachedCounts.counted(documents) { documents in
                // Replayed documents have no text: counts the cache lost cannot be made again.
                if let lost { lost.note() }
                return TermCounter.count(documents, stems: stems, vocabulary: terms, shared: shared, stemming: stemming)
            }
        }
    }

    /// `replaying`: the documents were shown already, and are counted again from the cache
    /// (`PostingsUpdate` found the postings could not be updated).
    mutating func countPending(all: Bool, replaying: Bool = false) {
        let countable = all ? pending.count : pending.count / Self.countingBatch * Self.countingBatch
        guard countable > 0 else { return }
        var batches = countedBatches(countable, replaying: replaying)
        // Each batch numbered its own terms; one table numbers them all, in document order, and the
        // batches are packed with those numbers in parallel, then set aside on disk in order.
        let renumbering = batches.map { batch in
            (0 ..< Int32(batch.terms.count)).map { local in
                batch.terms.bytes(local).withUnsafeBufferPointer { terms.id(of: $0) }
            }
        }
        // The last round has no batches after it to teach; no batch keeps its words after.
        for index in batches.indices {
            if !all { self.stems.learn(batches[index], renumberedBy: renumbering[index]) }
            if stemming.mapsQueriesThroughForms {
                forms.learn(batches[index]) { renumbering[index][Int($0)] }
            }
            batches[index].forgetWords()
        }
        let counted = batches
        let packed = parallelMap(Array(counted.indices)) { index in
            let batch = counted[index]
            let classes = (0 ..< Int32(batch.terms.count)).map { TermClass.of(batch.terms.bytes($0)) }
            return PackedTerms(batch, renumberedBy: renumbering[index], classes: classes)
        }
        for (index, batch) in packed.enumerated() {
            spilled.append(batch, renumberedBy: renumbering[index], termCount: terms.count)
        }
        if !replaying { show(self.pending[..<countable], all: all) }
        self.pending.removeFirst(countable)
    }

    /// Files counted documents (without their texts) under the filters and the files of results.
    private mutating func show(_ documents: ArraySlice<SearchDocument>, all: Bool) {
        for var document in documents {
            document.fields = []
            facets.append(document)
            shown.append(document)
        }
        writeDocuments(all: all)
    }

    /// `add` for a build that updates the postings: only the changed documents are counted (the
    /// rest are in the store), and only the documents of the files of results that were not kept
    /// from the previous output are made.
    private mutating func addUpdating(_ questions: ArraySlice<Question>, bodies: [String: RenderedBody], notes: BatchNotes) {
        // A changed answer is counted even when its file of results is kept (the output may be of
        // another build than the store).
        let changed = update?.changed ?? []
        let made = questions.indices.filter { !isKept(chunk: $0 / Self.chunkSize) || changed[$0] }
        let documents = documents(for: ArraySlice(made.map { questions[$0] }), bodies: bodies, notes: notes)
        count(changed: Array(zip(made, documents)))
        added += questions.count
        var next = 0
        for index in questions.indices {
            while next < made.count, made[next] < index { next += 1 }
            let question = questions[index]
            if let size = keptChunks[index / Self.chunkSize] ?? nil {
                // Listed in order: the files before it are complete and written.
                if index % Self.chunkSize == 0 {
                    documentFiles.append((Self.documentsPath(of: nextChunk).path, .number(size)))
                    nextChunk += 1
                }
                let indexes = facetIndexes(of: question)
                facets.append(category: indexes.category, difficulty: indexes.difficulty, kind: indexes.kind, tags: indexes.tags)
                continue
            }
            var document = documents[next]
            document.fields = []
            facets.append(document)
            shown.append(document)
            if shown.count == Self.chunkSize || index == site.questions.count - 1 { writeDocuments(all: true) }
        }
    }

    /// Whether the file of results `chunk` is kept from the previous output: its documents' counts
    /// keys (which hash their files) and categories are as when it was written.
    private mutating func isKept(chunk: Int) -> Bool {
        if let kept = keptChunks[chunk] { return kept != nil }
        var size: Int?
        if let reuse, let fingerprint = fingerprint(ofChunk: chunk) { size = reuse(Self.documentsPath(of: chunk), fingerprint) }
        keptChunks[chunk] = size
        return size != nil
    }

    static func documentsPath(of chunk: Int) -> PagePath { PagePath("search/docs-\(chunk).js") }

    /// What the file of results `chunk` is made from, with a cache: each of its documents' counts
    /// key and category (by place in the site's list).
    private func fingerprint(ofChunk chunk: Int) -> OutputLedger.Fingerprint? {
        guard let cachedCounts, let documentKeys else { return nil }
        let basis = cachedCounts.basis
        var bytes = Array("search documents 1".utf8)
        bytes.appendFixed(basis.high)
        bytes.appendFixed(basis.low)
        bytes.appendVarint(chunk)
        for index in chunk * Self.chunkSize ..< min((chunk + 1) * Self.chunkSize, documentKeys.count) {
            bytes.appendFixed(documentKeys[index].high)
            bytes.appendFixed(documentKeys[index].low)
            bytes.appendVarint(categoryIndex[site.questions[index].category] ?? 0)
        }
        var hash = StableHash()
        hash.add(bytes)
        return hash.key
    }

    /// Writes every complete file of results (and the last one, when `all`), in parallel.
    private mutating func writeDocuments(all: Bool) {
        let writable = all ? shown.count : shown.count / Self.chunkSize * Self.chunkSize
        guard writable > 0 else { return }
        let shown = shown
        let firstChunk = nextChunk
        nextChunk += (writable + Self.chunkSize - 1) / Self.chunkSize
        let emit = emit
        let fingerprints = (0 ..< (writable + Self.chunkSize - 1) / Self.chunkSize).map { fingerprint(ofChunk: firstChunk + $0) }
        documentFiles += parallelMap(Array(stride(from: 0, to: writable, by: Self.chunkSize))) { start -> (String, JSONValue) in
            var out: [UInt8] = []
            out.appendASCII("StudyGuideSearch.registerDocs(")
            out.appendDecimal(firstChunk + start / Self.chunkSize)
            out.appendASCII(",[")
            for position in start ..< min(start + Self.chunkSize, writable) {
                let document = shown[position]
                if position > start { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                for text in [document.title, document.url, document.summary, document.excerpt] {
                    Escaping.appendJavaScriptString(text, to: &out)
                    out.append(UInt8(ascii: ","))
                }
                out.appendDecimal(document.category)
                out.append(UInt8(ascii: ","))
                out.appendDecimal(document.difficulty)
                out.append(UInt8(ascii: ","))
                out.appendDecimal(document.kind)
                out.append(UInt8(ascii: "]"))
            }
            out.appendASCII("]);\n")
            var file = OutputFile(path: Self.documentsPath(of: firstChunk + start / Self.chunkSize), bytes: out)
            file.fingerprint = fingerprints[start / Self.chunkSize]
            return Self.emitted(file, to: emit)
        }
        self.shown.removeFirst(writable)
    }

    /// Emits a file of the index and gives its path and size for the manifest.
    static func emitted(_ file: OutputFile, to emit: @Sendable (OutputFile) -> Void) -> (String, JSONValue) {
        var file = file
        // Postings depend on the site's average lengths, and the lists of terms on every document.
        file.inputs = .everything
        emit(file)
        return (file.path.path, .number(file.bytes.count))
    }

    /// Every index file that is not written yet, each emitted as soon as it is made (the manifest
    /// last). An error when the postings had to be made from every document's counts and the
    /// cache had lost some of them.
    @discardableResult
    mutating func write() -> [Diagnostic] {
        if update != nil {
            if let problems = writeUpdated() {
                if problems.isEmpty { updatedAnswers = update?.counted.count }
                return problems
            }
            // The averages moved: every posting changes, made from every document's counts.
            update = nil
            replayFromCache()
        }
        countPending(all: true)
        writeDocuments(all: true)
        if lost.happened {
            // The postings would miss the lost counts: none are written, and the next build counts
            // every document again.
            let folder = cachedCounts?.folder ?? ""
            PostingsStore.remove(in: folder)
            return [.error(at: SourceLocation(path: folder), "the build cache lost the search counts of some answers; build again", rule: "io")]
        }
        let index = InvertedIndex(terms: terms, spilled: spilled)
        let terms = index.terms
        let sorted = index.sorted

        let emit = emit
        func emitted(_ file: OutputFile) -> (String, JSONValue) { Self.emitted(file, to: emit) }
        var sizes = vocabularyFiles(terms: terms, sorted: sorted, frequency: index.frequency, emitted: emitted)
        // With a cache, the postings are kept for the next build to update (`PostingsStore`).
        var lengths: [Int32] = []
        if documentKeys != nil { spilled.forEachBatchLengths { lengths += $0 } }
        let store = cachedCounts.flatMap { counts in
            documentKeys.flatMap { PostingsStore.Writer(folder: counts.folder, basis: counts.basis, documents: $0, lengths: lengths) }
        }
        let basis = cachedCounts?.basis

        // Postings are JSON arrays of (document gap, score) pairs, encoded straight into the file
        // of their bucket; buckets are cut by the encoded sizes, counted beforehand in parallel.
        // A bucket never spans two classes of terms, so each group of classes is cut on its own.
        var buckets: [Bucket] = []
        for group in index.groups(budget: BuildContext.current.postingsGroup ?? Self.postingsGroup) {
            let postings = index.postings(of: group)
            let positions = group.positions
            let postingsSizes = parallelMap(Array(stride(from: positions.lowerBound, to: positions.upperBound, by: Self.encodingRun))) { start in
                (start ..< min(start + Self.encodingRun, positions.upperBound)).map { Self.encodedSize(of: $0, in: postings) }
            }.flatMap { $0 }
            // Each term's record for the store, and its hash, which fingerprints its file.
            var hashes: [UInt64] = []
            if let store {
                hashes.reserveCapacity(positions.count)
                for position in positions {
                    let record = Self.storeRecord(of: position, in: postings)
                    terms.bytes(sorted[position]).withUnsafeBufferPointer { term in
                        record.withUnsafeBufferPointer { record in
                            let hash = PostingsStore.hash(term: term, postings: record)
                            hashes.append(hash)
                            store.append(term: term, frequency: postings.range(at: position).count,
                                         encodedSize: postingsSizes[position - positions.lowerBound], hash: hash, postings: record)
                        }
                    }
                }
            }
            let groupBuckets = Self.buckets(sorted: sorted[positions], terms: terms, limit: Self.bucketBytes,
                                            splitting: group.splitting) { postingsSizes[$0 - positions.lowerBound] }
            buckets += groupBuckets
            let groupHashes = hashes
            sizes += parallelMap(groupBuckets) { bucket -> (String, JSONValue) in
                var file = Self.postingsFile(bucket, terms: terms, sorted: sorted, postings: postings)
                if let basis, !groupHashes.isEmpty {
                    let local = Bucket(prefix: bucket.prefix, positions: bucket.positions.lowerBound - positions.lowerBound ..< bucket.positions.upperBound - positions.lowerBound)
                    file.fingerprint = Self.fingerprint(of: local, hashes: groupHashes, basis: basis)
                }
                return Self.emitted(file, to: emit)
            }
        }
        store?.finish()
        sizes += documentFiles
        sizes.append(emitted(OutputFile(path: PagePath("search/facets.js"), bytes: facets.script())))
        writeManifest(buckets: buckets, sizes: sizes, terms: terms)
        return []
    }

    /// The manifest, last: it names every other file with its size.
    func writeManifest(buckets: [Bucket], sizes: [(String, JSONValue)], terms: TermTable) {
        let manifest = JSONValue.object([
            ("version", .number(4)),
            ("documents", .number(facets.count)),
            ("chunkSize", .number(Self.chunkSize)),
            ("stopwords", .array(stemming.usesStopwords ? SearchStopwords.list.sorted().map(JSONValue.string) : [])),
            ("buckets", .array(buckets.map { .string(String(decoding: $0.prefix, as: UTF8.self)) })),
            ("categories", .array(site.categories.map {
                .object([("slug", .string($0.category.slug)), ("title", .string($0.category.title))])
            })),
            ("difficulties", .array(Difficulty.allCases.map { .string($0.rawValue) })),
            ("kinds", .array(QuestionKind.allCases.map {
                .object([("slug", .string($0.rawValue)), ("title", .string($0.label))])
            })),
            ("tags", .array(site.tags.map { .string($0.name) })),
            ("files", .object(sizes)),
        ] + languageEntries(terms: terms))
        var manifestFile = script("registerManifest(\(manifest.serialized))", path: "search/manifest.js")
        manifestFile.inputs = .everything
        emit(manifestFile)
    }

    /// Counts every document again from the counts the cache keeps (their texts are gone): for
    /// an update that could not be made. A count the cache lost is noted in `lost`.
    private mutating func replayFromCache() {
        guard let documentKeys else { return }
        for start in stride(from: 0, to: documentKeys.count, by: Self.countingBatch) {
            let end = min(start + Self.countingBatch, documentKeys.count)
            pending += documentKeys[start ..< end].map(SearchDocument.init(countsKey:))
            countPending(all: end == documentKeys.count, replaying: true)
        }
    }

    /// The vocabulary files, each emitted as it is made. Each holds the terms of its key and, for
    /// a language the browser does not stem, the words of its key whose term differs (a query word
    /// is looked up where it would be).
    func vocabularyFiles(terms: TermTable, sorted: [Int32], frequency: [Int32],
                                 emitted: (OutputFile) -> (String, JSONValue)) -> [(String, JSONValue)] {
        var sizes: [(String, JSONValue)] = []
        // Each key's terms as runs of the sorted list, in order: a Chinese site has millions of
        // terms and a few thousand first characters.
        var vocabularies: [String: (terms: [Range<Int>], forms: [(word: ArraySlice<UInt8>, term: Int32)])] = [:]
        var start = 0
        while start < sorted.count {
            // A run of terms with the same first character shares a key: one lookup for the run.
            let first = SearchShards.prefix(terms.bytes(sorted[start]), characters: 1)
            var end = start + 1
            while end < sorted.count, terms.bytes(sorted[end]).starts(with: first) { end += 1 }
            vocabularies[SearchShards.vocabularyKey(of: first), default: ([], [])].terms.append(start ..< end)
            start = end
        }
        for form in forms.all.sorted(by: { $0.word.lexicographicallyPrecedes($1.word) }) {
            vocabularies[SearchShards.vocabularyKey(of: form.word), default: ([], [])].forms.append(form)
        }
        // ASCII letters first, in their order, as the files always were; then the other keys.
        let keys = vocabularies.keys.sorted { ($0.utf8.count, $0) < ($1.utf8.count, $1) }
        for key in keys {
            let vocabulary = vocabularies[key]!
            var out: [UInt8] = []
            out.appendASCII("StudyGuideSearch.registerVocabulary(\"")
            out.append(contentsOf: key.utf8)
            out.appendASCII("\",{")
            for (number, position) in vocabulary.terms.joined().enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: terms.bytes(sorted[position]))
                out.appendASCII("\":")
                out.appendDecimal(Int(frequency[Int(sorted[position])]))
            }
            out.append(UInt8(ascii: "}"))
            if stemming.mapsQueriesThroughForms {
                out.appendASCII(",{")
                for (number, form) in vocabulary.forms.enumerated() {
                    if number > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(UInt8(ascii: "\""))
                    out.append(contentsOf: form.word)
                    out.appendASCII("\":\"")
                    out.append(contentsOf: terms.bytes(form.term))
                    out.append(UInt8(ascii: "\""))
                }
                out.append(UInt8(ascii: "}"))
            }
            out.appendASCII(");\n")
            sizes.append(emitted(OutputFile(path: PagePath("search/vocab-" + key + ".js"), bytes: out)))
        }

        return sizes
    }

    /// What the browser needs to search in a language it does not stem itself: which stemmer made
    /// the terms, and the endings it removed (see `SurfaceForms`). Nothing for English, whose
    /// queries the browser stems with the same Porter rules.
    private func languageEntries(terms: TermTable) -> [(String, JSONValue)] {
        guard stemming != .porter else { return [] }
        var entries: [(String, JSONValue)] = [("stemming", .string(stemming.manifestName))]
        if stemming.mapsQueriesThroughForms {
            entries.append(("endings", .array(forms.endings(terms: terms).map { .array([.string($0.from), .string($0.to)]) })))
        }
        return entries
    }

    /// A postings file: the terms at `positions` of the sorted term list, all starting with `prefix`.
    struct Bucket: Equatable {
        var prefix: [UInt8]
        var positions: Range<Int>
    }

    /// Groups sorted terms by prefix: one character to start with, one more for any bucket whose
    /// postings exceed `limit` bytes (up to six characters; a single huge term stays whole). Pairs
    /// of Han, kana or Hangul are never split past their first character: one more would make a
    /// file of every pair, a quarter of a million files for a Chinese site of 10,000 pages. Terms
    /// sharing a prefix are neighbours in sorted order, so every bucket is a range. Sorted by prefix.
    /// `splitting`: prefixes known to be cut among all the terms, when these are some of them (a
    /// group of `InvertedIndex.groups`): cut here too, so that the files are those of all the terms.
    static func buckets(sorted: ArraySlice<Int32>, terms: TermTable, limit: Int, splitting: Set<[UInt8]> = [],
                        postingsSize: (Int) -> Int) -> [Bucket] {
        var result: [Bucket] = []
        func place(_ range: Range<Int>, prefixLength: Int) {
            var start = range.lowerBound
            while start < range.upperBound {
                let prefix = SearchShards.prefix(terms.bytes(sorted[start]), characters: prefixLength)
                var end = start
                var size = 0
                while end < range.upperBound, terms.bytes(sorted[end]).starts(with: prefix) {
                    size += terms.length(sorted[end]) + postingsSize(end) + 4
                    end += 1
                }
                // Every term here is at least `prefixLength` long; only the first can equal the prefix.
                let longerStart = terms.length(sorted[start]) <= prefix.count ? start + 1 : start
                if size > limit || splitting.contains(prefix), prefixLength < 6, longerStart < end, !SearchShards.isPaired(prefix) {
                    if longerStart > start { result.append(Bucket(prefix: prefix, positions: start ..< longerStart)) }
                    place(longerStart ..< end, prefixLength: prefixLength + 1)
                } else {
                    result.append(Bucket(prefix: prefix, positions: start ..< end))
                }
                start = end
            }
        }
        place(sorted.startIndex ..< sorted.endIndex, prefixLength: 1)
        return result.sorted { $0.prefix.lexicographicallyPrecedes($1.prefix) }
    }

    private func script(_ call: String, path: String) -> OutputFile {
        OutputFile(path: PagePath(path), text: "StudyGuideSearch.\(call);\n")
    }

    /// Where a question's category, difficulty, kind and tags are in the manifest's lists.
    /// `tags`: the question's, when the caller has its notes (else read from them alone).
    private func facetIndexes(of question: Question, tags: [String]? = nil) -> (category: Int, difficulty: Int, kind: Int, tags: [Int]) {
        (categoryIndex[question.category] ?? 0, Difficulty.allCases.firstIndex(of: question.difficulty) ?? 0,
         QuestionKind.allCases.firstIndex(of: question.kind) ?? 0, (tags ?? question.tags).compactMap { tagIndex[$0] })
    }

    private func document(for question: Question, body: RenderedBody?, notes: QuestionNotes, cacheKey: BodyCache.Key? = nil,
                          deferringBody: Bool = false) -> SearchDocument {
        var fields = Array(repeating: "", count: SearchDocument.Field.allCases.count)
        fields[SearchDocument.Field.title.rawValue] = notes.title
        fields[SearchDocument.Field.aliases.rawValue] = notes.aliases.map(\.value).joined(separator: " ")
        fields[SearchDocument.Field.tags.rawValue] = notes.tags.map { String(decoding: $0.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self) }.joined(separator: " ")
        fields[SearchDocument.Field.headings.rawValue] = (body?.headings.map(\.text) ?? []).joined(separator: " ")
        fields[SearchDocument.Field.summary.rawValue] = notes.summary
        if !deferringBody { fields[SearchDocument.Field.body.rawValue] = body?.plainText ?? "" }
        let indexes = facetIndexes(of: question, tags: notes.tags)
        var document = SearchDocument(
            title: notes.title,
            url: question.path.path,
            category: indexes.category,
            difficulty: indexes.difficulty,
            kind: indexes.kind,
            tags: indexes.tags,
            summary: notes.summary,
            excerpt: body?.excerpt ?? "",
            fields: fields
        )
        document.cacheKey = cacheKey
        if deferringBody { document.deferredBody = body }
        return document
    }
}
