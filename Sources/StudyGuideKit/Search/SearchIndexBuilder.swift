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
/// Scores are computed here once per (term, document) (see `InvertedIndex`), so a query only
/// adds numbers. Terms are integer ids from tokenising to writing; every term is `a-z0-9`, so it
/// is written between quotes as it is.
struct SearchIndexBuilder {
    static let chunkSize = 50
    static let excerptLength = 240
    static let bucketBytes = 24_000
    /// Documents whose words are counted with one table. Fixed, so the index does not depend on
    /// the number of workers.
    static let countingBatch = 128
    /// Terms whose postings one worker sizes at a time.
    static let encodingRun = 4096

    let site: Site
    private let categoryIndex: [String: Int]
    private let tagIndex: [String: Int]
    /// Every term counted so far, and each counting batch's terms renumbered by it, in document order.
    private var terms = TermTable(capacity: 1 << 16)
    private var counted: [PackedTerms] = []
    /// Documents made but not yet counted: fewer than `countingBatch`, waiting for the next bodies.
    private var pending: [SearchDocument] = []
    /// What a result shows of every counted document (their texts are let go once counted).
    private var shown: [SearchDocument] = []

    init(site: Site) {
        self.site = site
        categoryIndex = Dictionary(uniqueKeysWithValues: site.categories.enumerated().map { ($1.category.slug, $0) })
        tagIndex = Dictionary(uniqueKeysWithValues: site.tags.enumerated().map { ($1.name, $0) })
    }

    /// Adds the next questions in site order, with their bodies; counts their words as soon as a
    /// whole counting batch is there, so only the text of the current bodies is ever held.
    mutating func add(_ questions: ArraySlice<Question>, bodies: [String: RenderedBody]) {
        let builder = self
        pending += parallelMap(Array(questions)) { builder.document(for: $0, body: bodies[$0.contentPath]) }
        countPending(all: false)
    }

    private mutating func countPending(all: Bool) {
        let countable = all ? pending.count : pending.count / Self.countingBatch * Self.countingBatch
        guard countable > 0 else { return }
        let pending = pending
        let batches = parallelMap(Array(stride(from: 0, to: countable, by: Self.countingBatch))) { start in
            TermCounter.count(pending[start ..< min(start + Self.countingBatch, countable)])
        }
        // Each batch numbered its own terms; one table numbers them all, in document order, and the
        // batches are packed with those numbers in parallel.
        let renumbering = batches.map { batch in
            (0 ..< Int32(batch.terms.count)).map { local in
                batch.terms.bytes(local).withUnsafeBufferPointer { terms.id(of: $0) }
            }
        }
        counted += parallelMap(Array(batches.indices)) { PackedTerms(batches[$0], renumberedBy: renumbering[$0]) }
        shown += pending[..<countable].map { document in
            var document = document
            document.fields = []
            return document
        }
        self.pending.removeFirst(countable)
    }

    /// Every index file, each handed to `emit` as soon as it is made (the manifest last).
    mutating func write(_ emit: @Sendable (OutputFile) -> Void) {
        countPending(all: true)
        let documents = shown
        let index = InvertedIndex(terms: terms, counts: counted)
        counted = []
        let terms = index.terms
        let sorted = terms.sortedIDs()

        // Postings are JSON arrays of (document gap, score) pairs, encoded straight into the file
        // of their bucket; buckets are cut by the encoded sizes, counted beforehand in parallel.
        let postingsSizes = parallelMap(Array(stride(from: 0, to: sorted.count, by: Self.encodingRun))) { start in
            sorted[start ..< min(start + Self.encodingRun, sorted.count)].map { Self.encodedSize(of: $0, in: index) }
        }.flatMap { $0 }

        var sizes: [(String, JSONValue)] = []
        // Scores weigh each term against every document: each file depends on all of them.
        @Sendable func emitted(_ file: OutputFile) -> (String, JSONValue) {
            var file = file
            file.inputs = .everything
            emit(file)
            return (file.path.path, .number(file.bytes.count))
        }
        func add(_ file: OutputFile) { sizes.append(emitted(file)) }
        var runStart = 0
        while runStart < sorted.count {
            let letter = terms.bytes(sorted[runStart]).first!
            var out: [UInt8] = []
            out.appendASCII("StudyGuideSearch.registerVocabulary(\"")
            out.append(letter)
            out.appendASCII("\",{")
            var position = runStart
            while position < sorted.count, terms.bytes(sorted[position]).first == letter {
                let term = Int(sorted[position])
                if position > runStart { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: terms.bytes(sorted[position]))
                out.appendASCII("\":")
                out.appendDecimal(index.offsets[term + 1] - index.offsets[term])
                position += 1
            }
            out.appendASCII("});\n")
            add(OutputFile(path: PagePath("search/vocab-" + String(decoding: [letter], as: UTF8.self) + ".js"), bytes: out))
            runStart = position
        }

        // Postings and document files are made and written in parallel; their sizes are listed in order.
        let buckets = Self.buckets(sorted: sorted, terms: terms, limit: Self.bucketBytes) { postingsSizes[$0] }
        let postingFiles = parallelMap(buckets) { bucket -> (String, JSONValue) in
            var out: [UInt8] = []
            out.appendASCII("StudyGuideSearch.registerPostings(\"")
            out.append(contentsOf: bucket.prefix)
            out.appendASCII("\",{")
            for position in bucket.positions {
                if position > bucket.positions.lowerBound { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: terms.bytes(sorted[position]))
                out.appendASCII("\":")
                Self.encodePostings(of: sorted[position], in: index, to: &out)
            }
            out.appendASCII("});\n")
            return emitted(OutputFile(path: PagePath("search/post-" + String(decoding: bucket.prefix, as: UTF8.self) + ".js"), bytes: out))
        }
        sizes += postingFiles

        sizes += parallelMap(Array(stride(from: 0, to: documents.count, by: Self.chunkSize))) { start -> (String, JSONValue) in
            var out: [UInt8] = []
            out.appendASCII("StudyGuideSearch.registerDocs(")
            out.appendDecimal(start / Self.chunkSize)
            out.appendASCII(",[")
            for position in start ..< min(start + Self.chunkSize, documents.count) {
                let document = documents[position]
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
            return emitted(OutputFile(path: PagePath("search/docs-\(start / Self.chunkSize).js"), bytes: out))
        }

        let facets = JSONValue.object([
            ("category", .array(documents.map { .number($0.category) })),
            ("difficulty", .array(documents.map { .number($0.difficulty) })),
            ("kind", .array(documents.map { .number($0.kind) })),
            ("tags", .array(documents.map { .array($0.tags.map(JSONValue.number)) })),
        ])
        add(script("registerFacets(\(facets.serialized))", path: "search/facets.js"))

        let manifest = JSONValue.object([
            ("version", .number(3)),
            ("documents", .number(documents.count)),
            ("chunkSize", .number(Self.chunkSize)),
            ("stopwords", .array(SearchStopwords.list.sorted().map(JSONValue.string))),
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
        ])
        var manifestFile = script("registerManifest(\(manifest.serialized))", path: "search/manifest.js")
        manifestFile.inputs = .everything
        emit(manifestFile)
    }

    /// The postings of `term` as a JSON array of (document gap, score) pairs.
    static func encodePostings(of term: Int32, in index: InvertedIndex, to bytes: inout [UInt8]) {
        let postings = index.offsets[Int(term)] ..< index.offsets[Int(term) + 1]
        bytes.append(UInt8(ascii: "["))
        var previous: Int32 = 0
        for at in postings {
            if at > postings.lowerBound { bytes.append(UInt8(ascii: ",")) }
            bytes.appendDecimal(Int(index.documents[at] - previous))
            bytes.append(UInt8(ascii: ","))
            bytes.appendDecimal(Int(index.scores[at]))
            previous = index.documents[at]
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// How many bytes `encodePostings` writes for `term`.
    static func encodedSize(of term: Int32, in index: InvertedIndex) -> Int {
        let postings = index.offsets[Int(term)] ..< index.offsets[Int(term) + 1]
        // Brackets, and a comma inside each pair and between pairs.
        var size = 2 + max(0, 2 * postings.count - 1)
        var previous: Int32 = 0
        for at in postings {
            size += decimalDigits(Int(index.documents[at] - previous)) + decimalDigits(Int(index.scores[at]))
            previous = index.documents[at]
        }
        return size
    }

    private static func decimalDigits(_ value: Int) -> Int {
        var digits = 1, rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }

    /// A postings file: the terms at `positions` of the sorted term list, all starting with `prefix`.
    struct Bucket: Equatable {
        var prefix: [UInt8]
        var positions: Range<Int>
    }

    /// Groups sorted terms by prefix: one letter to start with, one more letter for any bucket whose
    /// postings exceed `limit` bytes (up to six letters; a single huge term stays whole). Terms
    /// sharing a prefix are neighbours in sorted order, so every bucket is a range. Sorted by prefix.
    static func buckets(sorted: [Int32], terms: TermTable, limit: Int, postingsSize: (Int) -> Int) -> [Bucket] {
        var result: [Bucket] = []
        func place(_ range: Range<Int>, prefixLength: Int) {
            var start = range.lowerBound
            while start < range.upperBound {
                let prefix = Array(terms.bytes(sorted[start]).prefix(prefixLength))
                var end = start
                var size = 0
                while end < range.upperBound, terms.bytes(sorted[end]).starts(with: prefix) {
                    size += terms.length(sorted[end]) + postingsSize(end) + 4
                    end += 1
                }
                // Every term here is at least `prefixLength` long; only the first can equal the prefix.
                let longerStart = terms.length(sorted[start]) <= prefixLength ? start + 1 : start
                if size > limit, prefixLength < 6, longerStart < end {
                    if longerStart > start { result.append(Bucket(prefix: prefix, positions: start ..< longerStart)) }
                    place(longerStart ..< end, prefixLength: prefixLength + 1)
                } else {
                    result.append(Bucket(prefix: prefix, positions: start ..< end))
                }
                start = end
            }
        }
        place(0 ..< sorted.count, prefixLength: 1)
        return result.sorted { $0.prefix.lexicographicallyPrecedes($1.prefix) }
    }

    private func script(_ call: String, path: String) -> OutputFile {
        OutputFile(path: PagePath(path), text: "StudyGuideSearch.\(call);\n")
    }

    private func document(for question: Question, body: RenderedBody?) -> SearchDocument {
        var fields = Array(repeating: "", count: SearchDocument.Field.allCases.count)
        fields[SearchDocument.Field.title.rawValue] = question.title
        fields[SearchDocument.Field.aliases.rawValue] = question.aliases.map(\.value).joined(separator: " ")
        fields[SearchDocument.Field.tags.rawValue] = question.tags.map { String(decoding: $0.value.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self) }.joined(separator: " ")
        fields[SearchDocument.Field.headings.rawValue] = (body?.headings.map(\.text) ?? []).joined(separator: " ")
        fields[SearchDocument.Field.summary.rawValue] = question.summary
        fields[SearchDocument.Field.body.rawValue] = body?.plainText ?? ""
        return SearchDocument(
            title: question.title,
            url: question.path.path,
            category: categoryIndex[question.category] ?? 0,
            difficulty: Difficulty.allCases.firstIndex(of: question.difficulty) ?? 0,
            kind: QuestionKind.allCases.firstIndex(of: question.kind) ?? 0,
            tags: question.tags.compactMap { tagIndex[$0.value] },
            summary: question.summary,
            excerpt: SearchDocument.excerpt(of: body?.plainText ?? "", limit: Self.excerptLength),
            fields: fields
        )
    }
}
