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

    /// Cards of the deck made and appended to its file together, so the deck of a large site is
    /// never whole in memory.
    static let deckPiece = 2_000

    /// Writes the deck: every card's metadata, needing no bodies. The JSON is written straight
    /// into bytes, as `JSONValue` would write it, a piece of cards at a time.
    func writeDeck(to output: StagingFolder) {
        let path = PagePath("study/deck.js")
        var head: [UInt8] = []
        head.appendASCII("StudyGuideStudy.registerDeck({\"version\":1,\"storageKey\":")
        Escaping.appendJavaScriptString(Self.storageKey(for: site.config), to: &head)
        head.appendASCII(",\"cards\":[")
        output.write(path, parts: [head], inputs: .everything)

        let questions = questions
        for piece in stride(from: 0, to: questions.count, by: Self.deckPiece) {
            let end = min(piece + Self.deckPiece, questions.count)
            let parts = parallelMap(Array(stride(from: piece, to: end, by: Self.chunkSize * 10))) { start -> [UInt8] in
                var out: [UInt8] = []
                for index in start ..< min(start + Self.chunkSize * 10, end) {
                    let question = questions[index], names = question.names
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    out.appendASCII("{\"slug\":")
                    Escaping.appendJavaScriptString(question.slug, to: &out)
                    out.appendASCII(",\"title\":")
                    Escaping.appendJavaScriptString(names.title, to: &out)
                    out.appendASCII(",\"url\":")
                    Escaping.appendJavaScriptString(question.path.path, to: &out)
                    out.appendASCII(",\"category\":")
                    Escaping.appendJavaScriptString(question.category, to: &out)
                    out.appendASCII(",\"difficulty\":")
                    Escaping.appendJavaScriptString(question.difficulty.rawValue, to: &out)
                    out.appendASCII(",\"kind\":")
                    Escaping.appendJavaScriptString(question.kind.rawValue, to: &out)
                    out.appendASCII(",\"tags\":[")
                    for (position, tag) in names.tags.enumerated() {
                        if position > 0 { out.append(UInt8(ascii: ",")) }
                        Escaping.appendJavaScriptString(tag, to: &out)
                    }
                    out.appendASCII("],\"chunk\":")
                    out.appendDecimal(index / Self.chunkSize)
                    out.append(UInt8(ascii: "}"))
                }
                return out
            }
            output.append(path, parts: parts)
        }

        var tail: [UInt8] = []
        tail.appendASCII("],\"categories\":")
        JSONValue.array(site.categories.map {
            .object([("slug", .string($0.category.slug)), ("title", .string($0.category.title)), ("count", .number($0.members.count))])
        }).write(to: &tail)
        tail.appendASCII(",\"kinds\":")
        JSONValue.array(QuestionKind.allCases.map { .object([("slug", .string($0.rawValue)), ("title", .string($0.label))]) }).write(to: &tail)
        tail.appendASCII(",\"tags\":")
        JSONValue.array(site.tags.map { .string($0.name) }).write(to: &tail)
        tail.appendASCII("});\n")
        output.append(path, parts: [tail])
    }

    /// Writes the card chunks of the questions in `range`, which starts on a chunk boundary and
    /// ends on one or at the last question; each chunk is written by the worker that made it.
    /// `notes`: the batch's notes by content path, read once for every use (else each question's own).
    /// With `fingerprints`, a chunk made from the same files as the previous output's is linked from there.
    func writeChunks(of range: Range<Int>, bodies: [String: RenderedBody], notes: BatchNotes = BatchNotes(),
                     to output: StagingFolder, fingerprints: PageFingerprints? = nil) {
        precondition(range.lowerBound % Self.chunkSize == 0, "batches of questions start on a chunk boundary")
        let questions = questions
        _ = parallelMap(Array(stride(from: range.lowerBound, to: range.upperBound, by: Self.chunkSize))) { start in
            let chunk = questions[start ..< min(start + Self.chunkSize, range.upperBound)]
            let path = Self.chunkPath(start / Self.chunkSize)
            let fingerprint = fingerprints.map { Self.fingerprint(of: chunk, $0) }
            if let fingerprint, output.reuse(path, fingerprint: fingerprint) { return }
            // The JSON of each card written straight into the file's bytes, as JSONValue writes it.
            var out: [UInt8] = []
            out.reserveCapacity(chunk.reduce(64) { $0 + 512 + (bodies[$1.contentPath]?.html.utf8.count ?? 0) * 5 / 4 })
            out.appendASCII("StudyGuideStudy.registerCards(")
            out.appendDecimal(start / Self.chunkSize)
            out.appendASCII(",{")
            for (position, question) in chunk.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                Escaping.appendJavaScriptFileString(question.slug, to: &out)
                let contentPath = question.contentPath
                let notes = notes.of(question)
                out.appendASCII(":{\"summary\":")
                Escaping.appendJavaScriptFileString(notes.summary, to: &out)
                out.appendASCII(",\"answer\":")
                Escaping.appendJavaScriptFileString(bodies[contentPath]?.html ?? "", to: &out)
                for (key, texts) in [("followUps", notes.followUps), ("areas", notes.areas), ("redFlags", notes.redFlags)] {
                    out.appendASCII(",\"")
                    out.append(contentsOf: key.utf8)
                    out.appendASCII("\":[")
                    for (index, text) in texts.enumerated() {
                        if index > 0 { out.append(UInt8(ascii: ",")) }
                        Escaping.appendJavaScriptFileString(text, to: &out)
                    }
                    out.append(UInt8(ascii: "]"))
                }
                out.append(UInt8(ascii: "}"))
            }
            out.appendASCII("});\n")
            output.write(path, parts: [out], inputs: OutputInputs(content: chunk.map(\.contentPath)), fingerprint: fingerprint)
        }
    }

    static func chunkPath(_ number: Int) -> PagePath { PagePath("study/cards-\(number).js") }

    /// What a chunk of cards is made from: its questions' files (`PageFingerprints`).
    static func fingerprint(of chunk: ArraySlice<Question>, _ fingerprints: PageFingerprints) -> PageFingerprints.Fingerprint {
        fingerprints.page("cards", questions: chunk.indices.lazy.map(Optional.some))
    }
}
