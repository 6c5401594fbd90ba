internal import Foundation

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
/// Scores are BM25 per field, summed with field weights, computed here once per (term,
/// document) and quantised to 1…255, so a query only adds numbers.
struct SearchIndexBuilder {
    static let chunkSize = 50
    static let excerptLength = 240
    static let bucketBytes = 24_000
    static let k1 = 1.2
    static let b = 0.75

    let site: Site
    let bodies: [String: RenderedBody]

    func files() -> [OutputFile] {
        let documents = makeDocuments()
        let postings = invertedIndex(documents)
        var files: [OutputFile] = []

        // Postings, delta-coded, as JSON text per term.
        var encoded: [String: String] = [:]
        for (term, list) in postings {
            var flat: [JSONValue] = []
            var previous = 0
            for (document, score) in list {
                flat.append(.number(document - previous))
                flat.append(.number(score))
                previous = document
            }
            encoded[term] = JSONValue.array(flat).serialized
        }

        let vocabulary = Dictionary(grouping: postings.keys.sorted(), by: { String($0.prefix(1)) })
        for key in vocabulary.keys.sorted() {
            let members = vocabulary[key]!.map { ($0, JSONValue.number(postings[$0]!.count)) }
            files.append(script("registerVocabulary(\(Escaping.javaScriptString(key)),\(JSONValue.object(members).serialized))",
                                path: "search/vocab-\(key).js"))
        }

        let buckets = Self.buckets(for: encoded, limit: Self.bucketBytes)
        for prefix in buckets.keys.sorted() {
            let body = buckets[prefix]!.map { "\(Escaping.javaScriptString($0)):\(encoded[$0]!)" }.joined(separator: ",")
            files.append(script("registerPostings(\(Escaping.javaScriptString(prefix)),{\(body)})", path: "search/post-\(prefix).js"))
        }

        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let chunk = documents[start..<min(start + Self.chunkSize, documents.count)].map { document -> JSONValue in
                .array([.string(document.title), .string(document.url), .string(document.summary), .string(document.excerpt),
                        .number(document.category), .number(document.difficulty), .number(document.kind)])
            }
            files.append(script("registerDocs(\(start / Self.chunkSize),\(JSONValue.array(chunk).serialized))",
                                path: "search/docs-\(start / Self.chunkSize).js"))
        }

        let facets = JSONValue.object([
            ("category", .array(documents.map { .number($0.category) })),
            ("difficulty", .array(documents.map { .number($0.difficulty) })),
            ("kind", .array(documents.map { .number($0.kind) })),
            ("tags", .array(documents.map { .array($0.tags.map(JSONValue.number)) })),
        ])
        files.append(script("registerFacets(\(facets.serialized))", path: "search/facets.js"))

        let sizes = files.map { ($0.path.path, JSONValue.number($0.bytes.count)) }
        let manifest = JSONValue.object([
            ("version", .number(3)),
            ("documents", .number(documents.count)),
            ("chunkSize", .number(Self.chunkSize)),
            ("stopwords", .array(SearchStopwords.list.sorted().map(JSONValue.string))),
            ("buckets", .array(buckets.keys.sorted().map(JSONValue.string))),
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
        files.append(script("registerManifest(\(manifest.serialized))", path: "search/manifest.js"))
        return files
    }

    /// Groups terms by prefix: one letter to start with, one more letter for any bucket whose
    /// postings exceed `limit` bytes (up to six letters; a single huge term stays whole).
    static func buckets(for encoded: [String: String], limit: Int) -> [String: [String]] {
        var result: [String: [String]] = [:]
        func place(_ terms: [String], prefixLength: Int) {
            let groups = Dictionary(grouping: terms) { String($0.prefix(prefixLength)) }
            for (prefix, members) in groups {
                let size = members.reduce(0) { $0 + $1.utf8.count + encoded[$1]!.utf8.count + 4 }
                let longer = members.filter { $0.count > prefixLength }
                if size > limit, prefixLength < 6, !longer.isEmpty {
                    let exact = members.filter { $0.count <= prefixLength }
                    if !exact.isEmpty { result[prefix, default: []] += exact }
                    place(longer, prefixLength: prefixLength + 1)
                } else {
                    result[prefix, default: []] += members
                }
            }
        }
        place(Array(encoded.keys), prefixLength: 1)
        return result.mapValues { $0.sorted() }
    }

    private func script(_ call: String, path: String) -> OutputFile {
        OutputFile(path: PagePath(path), text: "StudyGuideSearch.\(call);\n")
    }

    private func makeDocuments() -> [SearchDocument] {
        let categoryIndex = Dictionary(uniqueKeysWithValues: site.categories.enumerated().map { ($1.category.slug, $0) })
        let tagIndex = Dictionary(uniqueKeysWithValues: site.tags.enumerated().map { ($1.name, $0) })
        return site.questions.map { question in
            let body = bodies[question.contentPath]
            return SearchDocument(
                title: question.title,
                url: question.path.path,
                category: categoryIndex[question.category] ?? 0,
                difficulty: Difficulty.allCases.firstIndex(of: question.difficulty) ?? 0,
                kind: QuestionKind.allCases.firstIndex(of: question.kind) ?? 0,
                tags: question.tags.compactMap { tagIndex[$0.value] },
                summary: question.summary,
                excerpt: SearchDocument.excerpt(of: body?.plainText ?? "", limit: Self.excerptLength),
                fields: [
                    .title: question.title,
                    .aliases: question.aliases.map(\.value).joined(separator: " "),
                    .tags: question.tags.map { $0.value.replacingOccurrences(of: "-", with: " ") }.joined(separator: " "),
                    .headings: (body?.headings.map(\.text) ?? []).joined(separator: " "),
                    .summary: question.summary,
                    .body: body?.plainText ?? "",
                ]
            )
        }
    }

    /// Term → [(document, quantised score)], documents ascending. Each field gets its own
    /// BM25 (its own length normalisation and saturation) and the fields are summed with their
    /// weights, so a word in the title outranks any number of mentions in a long answer.
    private func invertedIndex(_ documents: [SearchDocument]) -> [String: [(Int, Int)]] {
        let fields = SearchDocument.Field.allCases
        let counted: [[[String: Int]]] = parallelMap(documents) { document in
            fields.map { field in
                // Count words first and stem each distinct word once: a page repeats its words,
                // and stemming every occurrence was most of the cost of indexing.
                var words: [String: Int] = [:]
                for word in SearchTokenizer.normalizedWords(document.fields[field] ?? "") { words[word, default: 0] += 1 }
                var frequencies: [String: Int] = [:]
                for (word, count) in words {
                    let token = PorterStemmer.stem(word)
                    if !SearchStopwords.list.contains(token) { frequencies[token, default: 0] += count }
                }
                return frequencies
            }
        }
        let count = Double(max(documents.count, 1))
        let averageLength = fields.indices.map { f in
            max(counted.reduce(0.0) { $0 + Double($1[f].values.reduce(0, +)) } / count, 1)
        }
        var documentFrequency: [String: Int] = [:]
        for perField in counted {
            var terms = Set<String>()
            for frequencies in perField { terms.formUnion(frequencies.keys) }
            for term in terms { documentFrequency[term, default: 0] += 1 }
        }

        var scored: [String: [(Int, Double)]] = [:]
        var highest = 0.0
        for (document, perField) in counted.enumerated() {
            var scores: [String: Double] = [:]
            for (f, frequencies) in perField.enumerated() {
                let length = Double(frequencies.values.reduce(0, +))
                let norm = Self.k1 * (1 - Self.b + Self.b * length / averageLength[f])
                for (term, frequency) in frequencies {
                    let tf = Double(frequency)
                    scores[term, default: 0] += fields[f].weight * tf * (Self.k1 + 1) / (tf + norm)
                }
            }
            for (term, saturated) in scores {
                let df = Double(documentFrequency[term]!)
                let score = log(1 + (count - df + 0.5) / (df + 0.5)) * saturated
                highest = max(highest, score)
                scored[term, default: []].append((document, score))
            }
        }
        return scored.mapValues { list in
            list.map { ($0.0, max(1, min(255, Int(($0.1 / highest * 255).rounded())))) }
        }
    }
}
