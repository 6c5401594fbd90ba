/// The data the study features read in the browser, as scripts (`file://` forbids `fetch`):
///
/// - `study/deck.js`: every card's slug, title, page, category, difficulty, kind and tags;
/// - `study/cards-<n>.js`: the backs of cards `n*chunk ..< (n+1)*chunk` (summary, answer HTML,
///   follow-ups, areas, red flags), loaded when a card is shown.
///
/// Cards are keyed by slug, which stays stable when a title is reworded. The chunks are written
/// batch by batch as the bodies are rendered.
struct StudyDataBuilder {
    static let chunkSize = 25
    let site: Site
    /// The site's questions in order.
    let questions: [Question]

    /// The localStorage prefix of this site: browsers share one storage across all local files.
    static func storageKey(for config: SiteConfig) -> String {
        "studyguide:" + (Slug.make(from: config.baseURL ?? config.title).isEmpty ? "site" : Slug.make(from: config.baseURL ?? config.title))
    }

    /// Writes the deck: every card's metadata, needing no bodies.
    func writeDeck(to output: StagingFolder) {
        let cards = questions.enumerated().map { index, question -> JSONValue in
            .object([
                ("slug", .string(question.slug)),
                ("title", .string(question.title)),
                ("url", .string(question.path.path)),
                ("category", .string(question.category)),
                ("difficulty", .string(question.difficulty.rawValue)),
                ("kind", .string(question.kind.rawValue)),
                ("tags", .array(question.tags.map { .string($0.value) })),
                ("chunk", .number(index / Self.chunkSize)),
            ])
        }
        let deck = JSONValue.object([
            ("version", .number(1)),
            ("storageKey", .string(Self.storageKey(for: site.config))),
            ("cards", .array(cards)),
            ("categories", .array(site.categories.map {
                .object([("slug", .string($0.category.slug)), ("title", .string($0.category.title)), ("count", .number($0.members.count))])
            })),
            ("kinds", .array(QuestionKind.allCases.map { .object([("slug", .string($0.rawValue)), ("title", .string($0.label))]) })),
            ("tags", .array(site.tags.map { .string($0.name) })),
        ])
        output.write(OutputFile(path: PagePath("study/deck.js"), text: "StudyGuideStudy.registerDeck(\(deck.serialized));\n",
                                inputs: .everything))
    }

    /// Writes the card chunks of the questions in `range`, which starts on a chunk boundary and
    /// ends on one or at the last question; each chunk is written by the worker that made it.
    func writeChunks(of range: Range<Int>, bodies: [String: RenderedBody], to output: StagingFolder) {
        precondition(range.lowerBound % Self.chunkSize == 0, "batches of questions start on a chunk boundary")
        let questions = questions
        _ = parallelMap(Array(stride(from: range.lowerBound, to: range.upperBound, by: Self.chunkSize))) { start in
            let chunk = questions[start ..< min(start + Self.chunkSize, range.upperBound)]
            // The JSON of each card written straight into the file's bytes, as JSONValue writes it.
            var out: [UInt8] = []
            out.reserveCapacity(chunk.reduce(64) { $0 + 512 + (bodies[$1.contentPath]?.html.utf8.count ?? 0) * 5 / 4 })
            out.appendASCII("StudyGuideStudy.registerCards(")
            out.appendDecimal(start / Self.chunkSize)
            out.appendASCII(",{")
            for (position, question) in chunk.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                Escaping.appendJavaScriptString(question.slug, to: &out)
                out.appendASCII(":{\"summary\":")
                Escaping.appendJavaScriptString(question.summary, to: &out)
                out.appendASCII(",\"answer\":")
                Escaping.appendJavaScriptString(bodies[question.contentPath]?.html ?? "", to: &out)
                for (key, texts) in [("followUps", question.followUps), ("areas", question.areas), ("redFlags", question.redFlags)] {
                    out.appendASCII(",\"")
                    out.append(contentsOf: key.utf8)
                    out.appendASCII("\":[")
                    for (index, text) in texts.enumerated() {
                        if index > 0 { out.append(UInt8(ascii: ",")) }
                        Escaping.appendJavaScriptString(text, to: &out)
                    }
                    out.append(UInt8(ascii: "]"))
                }
                out.append(UInt8(ascii: "}"))
            }
            out.appendASCII("});\n")
            output.write(OutputFile(path: PagePath("study/cards-\(start / Self.chunkSize).js"), bytes: out,
                                    inputs: OutputInputs(content: chunk.map(\.contentPath))))
        }
    }
}
