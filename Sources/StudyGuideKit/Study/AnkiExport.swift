internal import CStudyGuideSystem
internal import Foundation

/// Decks for Anki's text import: `anki/<category>.tsv` and `anki/all.tsv`. The first column is
/// a stable id (`studyguide-<slug>`) declared with `#guid column:1`, so importing a newer file
/// updates the existing notes and keeps their review history.
enum AnkiExport {
    /// The category decks of a build: those kept whole from the previous output (by slug); the
    /// fingerprints of those made now, for the ledger once they are complete; and, by slug, what
    /// each made deck's notes were made from and their lengths, for the cache, with the previous
    /// output's deck to copy unchanged notes from (`KeptNotes`). Filled batch by batch.
    final class Decks {
        var kept: Set<String> = []
        var made: [(slug: String, path: PagePath, fingerprint: PageFingerprints.Fingerprint)] = []
        fileprivate var maps: [String: KeptNotes.NotesMap] = [:]
        fileprivate var previous: [String: KeptNotes] = [:]
        fileprivate var fingerprints: PageFingerprints?
        /// Where the notes are written into the decks: beside the next batch's pages.
        let lane = SideLane(stage: "anki")
    }

    /// Starts the whole deck and every category's deck with its header, but for the category decks
    /// kept whole from the previous output instead (with `fingerprints`: made from the same files),
    /// whose notes are not made again.
    /// With `cache`, the notes of a deck made again are copied from the previous output's where they
    /// are unchanged (`KeptNotes`).
    static func writeHeaders(for site: Site, to output: StagingFolder, fingerprints: PageFingerprints? = nil,
                             cache: BodyCache? = nil) -> Decks {
        output.write(all, parts: [header(site.config.title)], inputs: .everything)
        let decks = Decks()
        decks.fingerprints = fingerprints
        for category in site.categories {
            let path = deck(of: category.category.slug)
            let header = header(deckName(of: category, in: site))
            if let fingerprints {
                let fingerprint = fingerprint(of: category, in: site, fingerprints)
                if output.reuse(path, fingerprint: fingerprint) {
                    decks.kept.insert(category.category.slug)
                    continue
                }
                decks.made.append((category.category.slug, path, fingerprint))
                decks.maps[category.category.slug] = KeptNotes.NotesMap(headerCount: header.count)
                if let cache { decks.previous[category.category.slug] = KeptNotes(deck: path, output: output, cache: cache) }
            }
            output.write(path, parts: [header], inputs: OutputInputs(content: [category.category.contentPath]))
        }
        return decks
    }

    /// Appends the notes of a batch of questions (given in site order, with their bodies) to their
    /// category's deck and to the whole deck, which thus lists the categories in order. The notes
    /// are made in parallel; no more than one batch of them is ever held. A category in `kept`
    /// has its deck already: its notes are not made, and the whole deck copies them from that deck
    /// where the category starts. `questionNotes`: the batch's, read once for it (a question not
    /// there reads its summary from disk).
    static func appendNotes(for questions: ArraySlice<Question>, site: Site, bodies: [String: RenderedBody],
                            questionNotes: BatchNotes = BatchNotes(), decks: Decks = Decks(), to output: StagingFolder) {
        let kept = decks.kept
        // Runs of consecutive questions of one category, each appended to its category's deck.
        var runs: [Range<Int>] = []
        var runStart = questions.startIndex
        while runStart < questions.endIndex {
            let category = questions[runStart].category
            var runEnd = runStart
            while runEnd < questions.endIndex, questions[runEnd].category == category { runEnd += 1 }
            runs.append(runStart ..< runEnd)
            runStart = runEnd
        }
        let made = runs.filter { !kept.contains(questions[$0.lowerBound].category) }
        let (fingerprints, previous) = (decks.fingerprints, decks.previous)
        let results = parallelMap(Array(made.joined())) { index -> (note: [UInt8], fingerprint: BodyCache.Key?) in
            let question = questions[index]
            // What the note shows: its question's file, its category's introduction, the site.
            let fingerprint = fingerprints.map { fingerprints in
                site.category(named: question.category).map {
                    fingerprints.page("anki note", showing: [$0.category.contentPath], questions: [index])
                } ?? fingerprints.page("anki note", questions: [index])
            }
            if let fingerprint, let note = previous[question.category]?.note(fingerprint) { return (note, fingerprint) }
            let contentPath = question.contentPath
            let body = bodies[contentPath]
            var note: [UInt8] = []
            // The answer is most of a note, and never grows in it: room for it and the rest, at once.
            note.reserveCapacity((body?.html.utf8.count ?? 0) + 1_024)
            let notes = questionNotes.of(question)
            appendNote(question, title: notes.title, summary: notes.summary, tags: notes.tags, site: site, body: body, to: &note)
            note.append(UInt8(ascii: "\n"))
            return (note, fingerprint)
        }
        for (index, result) in zip(made.joined(), results) {
            guard let fingerprint = result.fingerprint else { continue }
            decks.maps[questions[index].category]?.notes.append((fingerprint, result.note.count))
        }
        let notes = results.map(\.note)
        var starts: [Int: Int] = [:]  // where each made run's notes start in `notes`
        var next = 0
        for run in made {
            starts[run.lowerBound] = next
            next += run.count
        }
        let (allRuns, noteStarts) = (runs, starts)
        // Written on the side while the next batches are made. The notes of the batch before the
        // last are written before these are given, so no more than two batches of them are ever
        // held (1,000 notes); decks kept whole are copied file to file, holding nothing, and go on
        // beside the pages (most of a cached build's).
        decks.lane.wait(leaving: 1)
        decks.lane.run {
            // Each category's deck, then the whole deck.
            for wholeDeck in [false, true] {
                for run in allRuns {
                    let slug = questions[run.lowerBound].category
                    guard let start = noteStarts[run.lowerBound] else {
                        // A kept deck, copied whole where its category starts (it may span batches).
                        if wholeDeck, let category = site.category(named: slug), category.members.lowerBound == run.lowerBound {
                            output.appendCopy(all, from: deck(of: slug), skipping: header(deckName(of: category, in: site)).count)
                        }
                        continue
                    }
                    let parts = Array(notes[start ..< start + run.count])
                    if wholeDeck {
                        output.append(all, parts: parts)
                    } else {
                        output.append(deck(of: slug), parts: parts, inputs: OutputInputs(content: questions[run].map { $0.contentPath }))
                    }
                }
            }
        }
    }

    /// The category decks made in this build go in the ledger, once they are complete (the caller
    /// joined `decks.lane`). With `cache`, what each made deck holds is kept for the next build (`KeptNotes`).
    static func noteComplete(_ decks: Decks, to output: StagingFolder, cache: BodyCache? = nil) {
        for (slug, path, fingerprint) in decks.made {
            output.noteComplete(path, fingerprint: fingerprint)
            if let cache, let map = decks.maps[slug] { cache.storeBlob(map.encoded(), for: KeptNotes.mapKey(of: fingerprint)) }
        }
        decks.previous = [:]
    }

    private static func deckName(of category: Site.CategoryPage, in site: Site) -> String {
        "\(site.config.title)::\(category.category.title)"
    }

    /// What a category's deck is made from: its introduction (the deck's name) and its questions' files.
    private static func fingerprint(of category: Site.CategoryPage, in site: Site,
                                    _ fingerprints: PageFingerprints) -> PageFingerprints.Fingerprint {
        fingerprints.page("anki", showing: [category.category.contentPath], questions: category.members.lazy.map(Optional.some))
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

    /// One note: id, front, back and tags, separated by tabs, written straight into `out`
    /// (the back holds the whole answer, which was copied four times on its way through Strings).
    static func appendNote(_ question: Question, title: String, summary text: String, tags questionTags: [String], site: Site, body: RenderedBody?,
                           to out: inout [UInt8]) {
        let category = site.categoryTitle(named: question.category) ?? question.category
        out.appendASCII("studyguide-")
        out.append(contentsOf: question.slug.utf8)
        out.append(UInt8(ascii: "\t"))
        var front: [UInt8] = []
        front.appendASCII("<p>")
        Escaping.appendMarkup(title, to: &front)
        front.appendASCII("</p><p><small>")
        Escaping.appendMarkup(category, to: &front)
        front.append(contentsOf: " · ".utf8)
        front.append(contentsOf: question.difficulty.rawValue.utf8)
        front.appendASCII("</small></p>")
        appendField(front, to: &out)
        out.append(UInt8(ascii: "\t"))
        var summary: [UInt8] = []
        summary.appendASCII("<p><b>")
        Escaping.appendMarkup(text, to: &summary)
        summary.appendASCII("</b></p>")
        appendField(summary, to: &out)
        var answer = body?.html ?? ""
        answer.withUTF8 { html in
            // The answer without its highlighting is never longer than the answer.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: html.count) { plain in
                let count = copyWithoutHighlighting(html, to: plain)
                appendField(UnsafeBufferPointer(rebasing: plain[..<count]), to: &out)
            }
        }
        out.append(UInt8(ascii: "\t"))
        let tags = ["studyguide", question.category, question.difficulty.rawValue, question.kind.rawValue] + questionTags
        out.append(contentsOf: tags.joined(separator: " ").utf8)
    }

    /// The answer with its code blocks as cmark-gfm writes them: Anki shows a note without the
    /// site's style sheet, so the highlighter's spans would only make the deck larger. Inside
    /// `<code class="language-…">`, every `<` is markup the highlighter wrote (the code's own are
    /// escaped), so each tag there but the closing `</code>` is dropped.
    static func appendWithoutHighlighting(_ html: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: html.count) { plain in
            let count = copyWithoutHighlighting(html, to: plain)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: plain[..<count]))
        }
    }

    /// `appendWithoutHighlighting`, into `plain` (as long as `html` at least); returns the length
    /// written. Tags are found with `memchr` and only then compared, and a code block's tags are
    /// walked once: the first `</code>` is one of them (or ends one), so it needs no search of
    /// its own. Answers have a code span every few dozen bytes, and `memmem` set up a search for
    /// each, three times over.
    private static func copyWithoutHighlighting(_ html: UnsafeBufferPointer<UInt8>, to plain: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = html.baseAddress, let target = plain.baseAddress else { return 0 }
        let end = base + html.count
        func find(_ byte: UInt8, from start: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
            guard start < end, let found = memchr(start, Int32(byte), end - start) else { return nil }
            return UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
        }
        func starts(_ text: StaticString, at start: UnsafePointer<UInt8>) -> Bool {
            end - start >= text.utf8CodeUnitCount && start[1] == text.utf8Start[1]
                && memcmp(start, text.utf8Start, text.utf8CodeUnitCount) == 0
        }
        let opening: StaticString = "<code class=\"language-"
        let closing: StaticString = "</code>"
        var written = target
        func copy(_ start: UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>) {
            written.update(from: start, count: stop - start)
            written += stop - start
        }
        var index = base  // copied up to here
        var next = base  // where to look for the next code block
        blocks: while let tag = find(UInt8(ascii: "<"), from: next) {
            guard starts(opening, at: tag) else {
                next = tag + 1
                continue
            }
            guard let contentStart = find(UInt8(ascii: ">"), from: tag) else { break }
            // The code's text, up to the first `</code>`; without one, the block stays as it is.
            let blockStart = written
            copy(index, contentStart + 1)
            var position = contentStart + 1
            var close: UnsafePointer<UInt8>?
            while let tag = find(UInt8(ascii: "<"), from: position) {
                copy(position, tag)
                if starts(closing, at: tag) {
                    close = tag
                    break
                }
                guard let tagEnd = find(UInt8(ascii: ">"), from: tag) else { break }
                // A `<` with no `>` of its own before the `</code>` ends there.
                if tagEnd - tag > closing.utf8CodeUnitCount - 1, starts(closing, at: tagEnd - (closing.utf8CodeUnitCount - 1)) {
                    close = tagEnd - (closing.utf8CodeUnitCount - 1)
                    break
                }
                position = tagEnd + 1
            }
            guard let close else {
                written = blockStart
                break blocks
            }
            index = close
            next = close
        }
        copy(index, end)
        return written - target
    }

    /// Tabs and line breaks would end the field or the note; HTML needs neither. A CR LF pair
    /// is one line break and becomes one space.
    static func field(_ text: String) -> String {
        var out: [UInt8] = []
        appendField(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendField(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendField($0, to: &out) }
    }

    static func appendField(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendField($0, to: &out) }
    }

    /// Copies runs without tabs or line breaks whole, found sixteen bytes at a time, into scratch
    /// memory (the field is never longer than the text), then appends the field at once.
    static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let source = bytes.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { scratch in
            guard let base = scratch.baseAddress else { return }
            var at = base
            var index = 0
            while true {
                let run = studyguide_plain_run(source + index, bytes.count - index, studyguide_field_breaks)
                at.update(from: source + index, count: run)
                at += run
                index += run
                guard index < bytes.count else { break }
                at.pointee = UInt8(ascii: " ")
                at += 1
                index += 1
                if source[index - 1] == UInt8(ascii: "\r"), index < bytes.count, source[index] == UInt8(ascii: "\n") { index += 1 }
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: at - base))
        }
    }
}
