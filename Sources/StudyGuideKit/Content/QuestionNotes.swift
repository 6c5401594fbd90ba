internal import Foundation

/// What a question page says around its answer: its summary, other phrasings, follow-ups, what a
/// strong answer covers, red flags. Mostly the page, its study card, its search entry and the
/// duplicate check read them, a question at a time, so a build keeps them packed on disk
/// (`SpilledNotes`) instead of as a dozen small strings per question (~1.5 KB each, 150 MB at
/// 100,000 questions). Lists of questions read only the summary (`SpilledNotes.summary`).
///
/// The tags and the `related` slugs are here too: besides the question's own page, deck note and
/// search entry, only resolving the site reads them (once, `SpilledNotes.names`), and as a list of
/// strings in every `Question` they were 136 bytes each. So are where the title and slug are
/// written, and a file name that is not the slug: only diagnostics and the rare file that sets
/// `slug:` read them, and in the `Question` they took 32 of its 197 bytes.
struct QuestionNotes: Sendable, Equatable {
    var title: String = ""
    var summary: String = ""
    /// Tag names, valid slugs all (the rest were reported when the file was decoded).
    var tags: [String] = []
    /// The slugs of the pages `related` names, in order.
    var related: [String] = []
    var aliases: [Located<String>] = []
    var followUps: [String] = []
    var areas: [String] = []
    var redFlags: [String] = []
    /// Where each `related` entry is written, in order: only an entry that names nothing needs it.
    var relatedPositions: [TextPosition] = []
    /// Where the title is written; line 0 when nowhere (a question made by a test).
    var titlePosition = TextPosition(line: 0, column: 0)
    /// Where `slug:` is written; line 0 when the slug comes from the file name.
    var slugPosition = TextPosition(line: 0, column: 0)
    /// The file's name without `.md` when it is not the slug (a file that sets `slug:`), else nil.
    var fileSlug: String?

    /// Varints and UTF-8: the title and the summary (length, bytes), the file slug (empty for none),
    /// the tags and the related slugs first, so that each can be read without what follows; the aliases
    /// (line, column, length, bytes), then each list (length, bytes), then the related positions
    /// (line, column), every list led by its count; then the title's and the slug's positions.
    func packed() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendText(title)
        bytes.appendText(summary)
        bytes.appendText(fileSlug ?? "")
        for list in [tags, related] {
            bytes.appendVarint(list.count)
            for text in list { bytes.appendText(text) }
        }
        bytes.appendVarint(aliases.count)
        for alias in aliases {
            bytes.appendVarint(alias.location.line)
            bytes.appendVarint(alias.location.column)
            bytes.appendText(alias.value)
        }
        for list in [followUps, areas, redFlags] {
            bytes.appendVarint(list.count)
            for text in list { bytes.appendText(text) }
        }
        bytes.appendVarint(relatedPositions.count)
        func append(_ position: TextPosition) {
            bytes.appendVarint(Int(position.line))
            bytes.appendVarint(Int(position.column))
        }
        relatedPositions.forEach(append)
        append(titlePosition)
        append(slugPosition)
        return bytes
    }

    /// The notes `packed()` made; alias locations are in `path`, the question's file. The bytes
    /// are the build's own, written moments before, so a short read is a bug, not damage.
    init(unpacking bytes: [UInt8], path: String) {
        var reader = ByteReader(bytes: bytes[...], at: 0)
        func varint() -> Int { reader.varint()! }
        func text() -> String { reader.text()! }
        func list() -> [String] { reader.notesList() }
        title = text()
        summary = text()
        fileSlug = reader.notesFileSlug()
        tags = list()
        related = list()
        aliases = (0 ..< varint()).map { _ in
            let line = varint(), column = varint()
            return Located(text(), at: SourceLocation(path: path, line: line, column: column))
        }
        followUps = list()
        areas = list()
        redFlags = list()
        func position() -> TextPosition {
            let line = varint(), column = varint()
            return TextPosition(line: line, column: column)
        }
        relatedPositions = (0 ..< varint()).map { _ in position() }
        titlePosition = position()
        slugPosition = position()
    }

    init() {}

    init(title: String = "", summary: String = "", tags: [String] = [], related: [String] = [], aliases: [Located<String>], followUps: [String],
         areas: [String], redFlags: [String], relatedPositions: [TextPosition] = [],
         titlePosition: TextPosition = TextPosition(line: 0, column: 0),
         slugPosition: TextPosition = TextPosition(line: 0, column: 0), fileSlug: String? = nil) {
        self.title = title
        self.summary = summary
        self.tags = tags
        self.related = related
        self.aliases = aliases
        self.followUps = followUps
        self.areas = areas
        self.redFlags = redFlags
        self.relatedPositions = relatedPositions
        self.titlePosition = titlePosition
        self.slugPosition = slugPosition
        self.fileSlug = fileSlug
    }
}

/// A question's title, its tags and the slugs its `related` names: what resolving the site reads.
struct QuestionNames: Sendable, Equatable {
    var title: String
    var tags: [String]
    var related: [String]
}

/// A question's title and summary: what a list of questions shows of it besides its badges.
struct QuestionHeadline: Sendable, Equatable {
    var title: String
    var summary: String
}

/// The notes of a build's questions, set aside in a `SpillFile` as each file is parsed and read
/// back when its page is made. Parsing workers store at once, and page workers read at once:
/// reads share the lock, so they never wait for one another.
final class SpilledNotes: @unchecked Sendable {
    private let file: SpillFile
    private let lock = ReadWriteLock()

    init(file: SpillFile = SpillFile()) {
        self.file = file
    }

    /// Where one question's notes are in the file: twelve bytes, not a 16-byte range, as a build
    /// holds one for every question.
    struct Place: Sendable {
        fileprivate let start: Int
        fileprivate let count: UInt32

        fileprivate var range: Range<Int> { start ..< start + Int(count) }
    }

    func store(_ notes: QuestionNotes) -> Place {
        store(packed: notes.packed())
    }

    /// Stores notes already packed (`QuestionNotes.packed()`), as a build's cache keeps them.
    func store(packed bytes: [UInt8]) -> Place {
        precondition(bytes.count <= UInt32.max, "a question's notes are far smaller than 4 GB")
        return lock.writing {
            let start = bytes.withUnsafeBytes { file.append($0) }
            return Place(start: start, count: UInt32(bytes.count))
        }
    }

    func load(_ place: Place, path: String) -> QuestionNotes {
        QuestionNotes(unpacking: bytes(at: place), path: path)
    }

    /// The title alone, for links to the question from other pages.
    func title(_ place: Place) -> String {
        var reader = ByteReader(bytes: bytes(at: place)[...], at: 0)
        return reader.text()!
    }

    /// The summary alone.
    func summary(_ place: Place) -> String {
        var reader = ByteReader(bytes: bytes(at: place)[...], at: 0)
        _ = reader.textRange()!
        return reader.text()!
    }

    /// The title and the summary, for lists of questions: the rest of the notes is not decoded.
    func headline(_ place: Place) -> QuestionHeadline {
        var reader = ByteReader(bytes: bytes(at: place)[...], at: 0)
        let title = reader.text()!
        return QuestionHeadline(title: title, summary: reader.text()!)
    }

    /// The file slug alone (nil when the file's name is the slug): what the question's path, and
    /// so the loading of the rest, needs first.
    func fileSlug(_ place: Place) -> String? {
        var reader = ByteReader(bytes: bytes(at: place)[...], at: 0)
        _ = reader.textRange()!
        _ = reader.textRange()!
        return reader.notesFileSlug()
    }

    /// The title, the tags and the related slugs alone, for resolving the site (the aliases and
    /// lists after them are not decoded).
    func names(_ place: Place) -> QuestionNames {
        var reader = ByteReader(bytes: bytes(at: place)[...], at: 0)
        let title = reader.text()!
        _ = reader.textRange()!
        _ = reader.textRange()!
        let tags = reader.notesList()
        return QuestionNames(title: title, tags: tags, related: reader.notesList())
    }

    /// One question's packed notes, read back (under the lock readers share).
    private func bytes(at place: Place) -> [UInt8] {
        var bytes: [UInt8] = []
        lock.reading { file.read(place.range, into: &bytes) }
        return bytes
    }
}

/// The parts of packed notes that both `QuestionNotes(unpacking:)` and the readers of one part
/// decode. The bytes are the build's own: a short read is a bug, not damage.
private extension ByteReader {
    /// A file slug, written empty when the file's name is the slug.
    mutating func notesFileSlug() -> String? {
        let name = text()!
        return name.isEmpty ? nil : name
    }

    /// A list of texts led by its count.
    mutating func notesList() -> [String] {
        (0 ..< varint()!).map { _ in text()! }
    }
}
