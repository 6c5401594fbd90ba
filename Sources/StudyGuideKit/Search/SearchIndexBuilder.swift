internal import Foundation

/// Builds the client-side search index at build time and writes it as JavaScript files
/// that the browser loads with `<script>` tags (never `fetch`, which `file://` forbids):
///
/// - `search/manifest.js`: counts, shard sizes and the facet vocabularies (small, always loaded);
/// - `search/terms-<c>.js`: the inverted index for terms starting with `c`, loaded on demand;
/// - `search/docs-<n>.js`: titles, URLs and snippets of documents `n*chunk ..< (n+1)*chunk`;
/// - `search/facets.js`: category, difficulty, kind and tags of every document, for filters.
///
/// Scores are BM25F with field weights, computed here once per (term, document) and
/// quantised to 1…255, so a query only adds numbers.
struct SearchIndexBuilder {
    static let chunkSize = 100
    static let excerptLength = 240
    static let k1 = 1.2
    static let b = 0.75

    let site: Site
    let bodies: [String: RenderedBody]

    func files() -> [OutputFile] {
        let documents = makeDocuments()
        let postings = invertedIndex(documents)
        var files: [OutputFile] = []

        // Shards by the first character of the term.
        var shards: [Character: [(String, [(Int, Int)])]] = [:]
        for term in postings.keys.sorted() {
            shards[term.first!, default: []].append((term, postings[term]!))
        }
        var shardSizes: [(String, Int)] = []
        for key in shards.keys.sorted() {
            var members: [(String, JSONValue)] = []
            for (term, list) in shards[key]! {
                var flat: [JSONValue] = []
                var previous = 0
                for (document, score) in list {
                    flat.append(.number(document - previous))  // delta-coded ids stay short
                    flat.append(.number(score))
                    previous = document
                }
                members.append((term, .array(flat)))
            }
            let file = script("registerShard(\(Escaping.javaScriptString(String(key)))," + JSONValue.object(members).serialized + ")",
                              path: "search/terms-\(key).js")
            shardSizes.append((String(key), file.bytes.count))
            files.append(file)
        }

        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let chunk = documents[start..<min(start + Self.chunkSize, documents.count)].map { document -> JSONValue in
                .array([.string(document.title), .string(document.url), .string(document.summary), .string(document.excerpt)])
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
            ("version", .number(2)),
            ("documents", .number(documents.count)),
            ("chunkSize", .number(Self.chunkSize)),
            ("shards", .object(shardSizes.map { ($0.0, .number($0.1)) })),
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
                var frequencies: [String: Int] = [:]
                for token in SearchTokenizer.tokens(document.fields[field] ?? "") { frequencies[token, default: 0] += 1 }
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
