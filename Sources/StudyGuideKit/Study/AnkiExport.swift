/// Decks for Anki's text import: `anki/<category>.tsv` and `anki/all.tsv`. The first column is
/// a stable id (`studyguide-<slug>`) declared with `#guid column:1`, so importing a newer file
/// updates the existing notes and keeps their review history.
enum AnkiExport {
    /// Starts every deck with its header: the whole deck and one per category.
    static func writeHeaders(for site: Site, to output: StagingFolder) {
        output.write(all, parts: [header(site.config.title)])
        for category in site.categories {
            output.write(deck(of: category.category.slug), parts: [header("\(site.config.title)::\(category.category.title)")])
        }
    }

    /// Appends the notes of a batch of questions (given in site order, with their bodies) to their
    /// category's deck and to the whole deck, which thus lists the categories in order. The notes
    /// are made in parallel; no more than one batch of them is ever held.
    static func appendNotes(for questions: ArraySlice<Question>, site: Site, bodies: [String: RenderedBody],
                            to output: StagingFolder) {
        let notes = parallelMap(Array(questions)) { question -> [UInt8] in
            var note = Array(note(question, site: site, bodies: bodies).utf8)
            note.append(UInt8(ascii: "\n"))
            return note
        }
        var runStart = questions.startIndex
        while runStart < questions.endIndex {
            let category = questions[runStart].category
            var runEnd = runStart
            while runEnd < questions.endIndex, questions[runEnd].category == category { runEnd += 1 }
            let run = Array(notes[(runStart - questions.startIndex) ..< (runEnd - questions.startIndex)])
            output.append(deck(of: category), parts: run)
            output.append(all, parts: run)
            runStart = runEnd
        }
    }

    private static let all = PagePath("anki/all.tsv")

    private static func deck(of category: String) -> PagePath { PagePath("anki/\(category).tsv") }

    /// The lines that tell Anki how to read the file.
    static func header(_ deckName: String) -> [UInt8] {
        let lines = [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:\(field(deckName))",
            "#columns:Id\tFront\tBack\tTags",
            "#guid column:1",
            "#tags column:4",
        ]
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// One note: id, front, back and tags, separated by tabs.
    static func note(_ question: Question, site: Site, bodies: [String: RenderedBody]) -> String {
        let category = site.category(named: question.category)?.category.title ?? question.category
        let back = "<p><b>" + Escaping.markup(question.summary) + "</b></p>" + (bodies[question.contentPath]?.html ?? "")
        let tags = (["studyguide", question.category, question.difficulty.rawValue, question.kind.rawValue]
            + question.tags.map(\.value)).joined(separator: " ")
        return [
            "studyguide-\(question.slug)",
            field("<p>" + Escaping.markup(question.title) + "</p><p><small>" + Escaping.markup(category) + " · "
                  + question.difficulty.rawValue + "</small></p>"),
            field(back),
            tags,
        ].joined(separator: "\t")
    }

    /// Tabs and line breaks would end the field or the note; HTML needs neither. A CR LF pair
    /// is one line break and becomes one space.
    static func field(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"): out.append(UInt8(ascii: " "))
                case UInt8(ascii: "\r"):
                    out.append(UInt8(ascii: " "))
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
