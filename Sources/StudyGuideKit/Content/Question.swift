internal import Foundation

/// How hard a question is.
public enum Difficulty: String, CaseIterable, Sendable, Comparable {
    case beginner, intermediate, advanced

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// As a badge shows it (Foundation's `capitalized` cost more than building the rest of a card).
    var label: String {
        switch self {
        case .beginner: return "Beginner"
        case .intermediate: return "Intermediate"
        case .advanced: return "Advanced"
        }
    }
}

/// What sort of question an interviewer is asking.
public enum QuestionKind: String, CaseIterable, Sendable {
    case technical, behavioral, situational
    case systemDesign = "system-design"
    case practical, career

    /// The name shown on badges.
    var label: String {
        switch self {
        case .systemDesign: return "System design"
        default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

/// One interview question: `content/<category>/<slug>.md`. A reference to its storage, not a
/// value: every list of the site (categories, tags, related links, batches) shares one copy of
/// each question instead of copying its dozen strings and arrays.
///
/// A build holds one for every question from parsing to the end, so it keeps what pages order
/// by and link with, and little else: its title (which lists read with the summary), tags and
/// related slugs, where its fields are written and the file's name when the file sets `slug:` are
/// in its notes, on disk with what only its own page shows (`notes`), and the file's path is
/// rebuilt from `contentPath` when a diagnostic needs it. The slug's bytes follow the fields in
/// the storage's own allocation (a `ManagedBuffer`, which may not be `Sendable` itself: the
/// struct around it is, as nothing in it changes once made), and the category and the file's
/// folder as diagnostics show it are one reference shared by the questions of a folder: a
/// question with a 55-byte slug takes one 160-byte block, where object and slug took 128 and 96.
struct Question: @unchecked Sendable {
    private let storage: Storage

    /// Made only by `make`: the fields and the slug are written once, and never change after.
    private final class Storage: ManagedBuffer<QuestionFields, UInt8> {}

    typealias StoredNotes = StoredQuestionNotes

    /// Tells questions apart, as a class's identity did (the same storage is the same question).
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    static func make(slug: String, category: String, difficulty: Difficulty, kind: QuestionKind,
                     notes: StoredNotes, slugIsFileName: Bool, weight: Int, updated: ContentDate?, draft: Bool,
                     displayHead: String, displayEndsWithContentPath: Bool, body: MarkdownBody) -> Question {
        make(slug: slug, folder: QuestionFolder(category: category, displayHead: displayHead), difficulty: difficulty,
             kind: kind, notes: notes, slugIsFileName: slugIsFileName, weight: weight, updated: updated, draft: draft,
             displayEndsWithContentPath: displayEndsWithContentPath, body: body)
    }

    /// A question whose category and display head are `folder`'s (shared with the other questions
    /// of its folder when the caller interns it).
    static func make(slug: String, folder: QuestionFolder, difficulty: Difficulty, kind: QuestionKind,
                     notes: StoredNotes, slugIsFileName: Bool, weight: Int, updated: ContentDate?, draft: Bool,
                     displayEndsWithContentPath: Bool, body: MarkdownBody) -> Question {
        var flags: QuestionFields.Flags = []
        if draft { flags.insert(.draft) }
        if displayEndsWithContentPath { flags.insert(.displayEndsWithContentPath) }
        if slugIsFileName { flags.insert(.slugIsFileName) }
        var slug = slug
        return slug.withUTF8 { bytes in
            let fields = QuestionFields(folder: folder, body: body, storedNotes: notes, storedWeight: Int32(clamping: weight),
                                        updated: updated, slugCount: UInt32(bytes.count), difficulty: difficulty, kind: kind,
                                        flags: flags)
            let storage = unsafeDowncast(Storage.create(minimumCapacity: bytes.count) { _ in fields }, to: Storage.self)
            if let base = bytes.baseAddress {
                storage.withUnsafeMutablePointerToElements { $0.initialize(from: base, count: bytes.count) }
            }
            return Question(storage: storage)
        }
    }

    /// The fields, read in place (no copy of the whole header per access).
    @inline(__always)
    private func field<Value>(_ read: (borrowing QuestionFields) -> Value) -> Value {
        storage.withUnsafeMutablePointerToHeader { read($0.pointee) }
    }

    /// The slug's bytes, for callers that build paths and compare without a `String`.
    @inline(__always)
    func withSlugBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let count = Int(field { $0.slugCount })
        return storage.withUnsafeMutablePointerToElements { body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    var slug: String { withSlugBytes { String(decoding: $0, as: UTF8.self) } }
    var category: String { field { $0.folder.category } }
    /// The file's path as diagnostics show it, less `contentPath` when it ends with it (in a build
    /// it always does, and every question shares the content folder's one string).
    var displayHead: String { field { $0.folder.displayHead } }
    var body: MarkdownBody { field { $0.body } }
    private var storedNotes: StoredNotes { field { $0.storedNotes } }
    var updated: ContentDate? { field { $0.updated } }
    var difficulty: Difficulty { field { $0.difficulty } }
    var kind: QuestionKind { field { $0.kind } }
    private var flags: QuestionFields.Flags { field { $0.flags } }

    var draft: Bool { flags.contains(.draft) }
    /// Whether the file's path as diagnostics show it is `displayHead` followed by `contentPath`.
    var displayEndsWithContentPath: Bool { flags.contains(.displayEndsWithContentPath) }
    /// Whether the file's name is the slug (so `contentPath` needs no notes).
    var slugIsFileName: Bool { flags.contains(.slugIsFileName) }

    /// The tags and the slugs `related` names, read from the notes (from disk during a build,
    /// without the rest of them): a caller that has the notes reads them there.
    var names: QuestionNames {
        notesPart({ QuestionNames(title: $0.title, tags: $0.tags, related: $0.related) }, { $0.names($1) })
    }

    /// Tag names, valid slugs all: `names`, for a caller that needs no more.
    var tags: [String] { names.tags }

    /// The slugs of the pages `related` names, in order: `names`, for a caller that needs no more.
    var related: [String] { names.related }

    /// Orders the question in its category before its title (`decode` keeps it to 32 bits).
    var weight: Int { Int(field { $0.storedWeight }) }

    /// The weights a question may have: 32 bits, which no ordering needs more than.
    static let weights = Int(Int32.min) ... Int(Int32.max)

    /// The file's name without `.md`: the slug, or for a file that sets `slug:` the name its notes
    /// keep (read alone: loading the notes needs the file's path, which needs this).
    var fileSlug: String {
        withFileSlugBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The file slug's bytes: the slug's own, or those of the name the notes keep.
    private func withFileSlugBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if slugIsFileName { return withSlugBytes(body) }
        guard var name = notesPart({ $0.fileSlug }, { $0.fileSlug($1) }) else { return withSlugBytes(body) }
        return name.withUTF8(body)
    }

    /// The file's path inside `content/` (`<category>/<file slug>.md`), for Markdown links between files.
    var contentPath: String {
        withFileSlugBytes { Self.joined(category, $0, suffix: ".md") }
    }

    /// The question's page (`<category>/<slug>.html`).
    var pagePath: String {
        withSlugBytes { Self.joined(category, $0, suffix: ".html") }
    }

    /// `folder/name` and `suffix` written into one allocation: pages, study cards and links ask
    /// for paths several times a build.
    private static func joined(_ folder: String, _ name: UnsafeBufferPointer<UInt8>, suffix: StaticString) -> String {
        var folder = folder
        let folderCount = folder.utf8.count, suffixCount = suffix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: folderCount + name.count + 1 + suffixCount) { buffer in
            folder.withUTF8 { _ = buffer.initialize(fromContentsOf: $0) }
            buffer[folderCount] = UInt8(ascii: "/")
            _ = buffer[(folderCount + 1)...].initialize(fromContentsOf: name)
            let end = folderCount + 1 + name.count
            _ = buffer[end...].initialize(fromContentsOf: UnsafeBufferPointer(start: suffix.utf8Start, count: suffixCount))
            return end + suffixCount
        }
    }

    /// Whether `path` is `contentPath`, without building it (link lookups ask for every link).
    func hasContentPath(_ path: String) -> Bool {
        var path = path, folder = category
        return withFileSlugBytes { name in
            let folderCount = folder.utf8.count, nameCount = name.count
            guard path.utf8.count == folderCount + nameCount + 4 else { return false }
            return path.withUTF8 { path in
                folder.withUTF8 { folder in
                    let base = path.baseAddress!, suffix = folderCount + 1 + nameCount
                    return (folderCount == 0 || memcmp(base, folder.baseAddress!, folderCount) == 0)
                        && base[folderCount] == UInt8(ascii: "/")
                        && (nameCount == 0 || memcmp(base + folderCount + 1, name.baseAddress!, nameCount) == 0)
                        && base[suffix] == UInt8(ascii: ".") && base[suffix + 1] == UInt8(ascii: "m")
                        && base[suffix + 2] == UInt8(ascii: "d")
                }
            }
        }
    }

    /// Where the file is, for diagnostics.
    var location: SourceLocation {
        SourceLocation(path: displayEndsWithContentPath ? displayHead + contentPath : displayHead)
    }

    /// Where the title is written, for problems about it (read from the notes: a caller that has
    /// them asks them).
    var titleLocation: SourceLocation { notes.titlePosition.location(in: location.path) }

    /// Where `slug:` is written; nil when the slug comes from the file name.
    var slugLocation: SourceLocation? {
        let position = notes.slugPosition
        return position.line == 0 ? nil : position.location(in: location.path)
    }

    /// Where the `related` entry at `index` is written (read from the notes: only errors need it).
    func relatedLocation(at index: Int) -> SourceLocation {
        let positions = notes.relatedPositions
        return index < positions.count ? positions[index].location(in: location.path) : location
    }

    /// The title. Read from disk each time when spilled: a caller that has the `notes` reads it
    /// there, one that needs many titles at once reads them once (`TitleOrder`, `names`).
    var title: String { notesPart({ $0.title }, { $0.title($1) }) }

    /// The title and the short answer that lists and cards show, in one read from disk when spilled.
    var headline: QuestionHeadline {
        notesPart({ QuestionHeadline(title: $0.title, summary: $0.summary) }, { $0.headline($1) })
    }

    /// The short answer lists and cards show. Read from disk each time when spilled: a caller that
    /// has the `notes` reads it there.
    var summary: String { notesPart({ $0.summary }, { $0.summary($1) }) }

    /// Read from disk each time when spilled: a caller that needs several lists reads this once.
    var notes: QuestionNotes { notesPart({ $0 }, { $0.load($1, path: location.path) }) }

    /// A part of the notes: from the notes held, or read from disk (`SpilledNotes`' readers of
    /// one part decode nothing else).
    private func notesPart<Part>(_ held: (QuestionNotes) -> Part, _ spilled: (SpilledNotes, SpilledNotes.Place) -> Part) -> Part {
        switch storedNotes {
        case .held(let notes): held(notes)
        case .spilled(let store, let place): spilled(store, place)
        }
    }

    /// The same question with another body (the parsed one, let go once the file is read), its
    /// notes moved to `spill` and its strings shared through `interner` when given.
    func with(body: MarkdownBody, spillingNotesTo spill: SpilledNotes? = nil, interner: StringInterner? = nil) -> Question {
        var notes = storedNotes
        if let spill, case .held(let held) = storedNotes { notes = .spilled(spill, spill.store(held)) }
        // The category and the display head, which every question of a folder names: one shared pair.
        let folder = field { $0.folder }
        return Question.make(slug: slug, folder: interner?.folder(folder.category, displayHead: folder.displayHead) ?? folder,
                             difficulty: difficulty, kind: kind, notes: notes, slugIsFileName: slugIsFileName, weight: weight,
                             updated: updated, draft: draft, displayEndsWithContentPath: displayEndsWithContentPath, body: body)
    }

    static let keys = ["title", "difficulty", "kind", "summary", "tags", "aliases", "follow_ups", "areas",
                       "red_flags", "related", "weight", "slug", "updated", "draft"]

    /// Decodes a question from its front-matter and body.
    static func decode(_ fields: inout FieldReader, body: MarkdownBody, category: String, fileSlug: String,
                       contentPath: String) -> Question? {
        assert(contentPath == category + "/" + fileSlug + ".md", "a question's content path is its category and file name")
        fields.rejectUnknownKeys(allowed: keys)
        let title = fields.string("title", required: true)
        let difficulty: Difficulty? = fields.choice("difficulty")
        let kind: QuestionKind? = fields.choice("kind")
        let summary = fields.string("summary", required: true)
        let tags = fields.stringList("tags")
        for tag in tags where !Slug.isValid(tag.value) {
            let hint = Slug.make(from: tag.value)
            fields.appendDiagnostic(.error(at: tag.location, "tag '\(tag.value)' must be \(Slug.rule)"
                + (hint.isEmpty ? "" : " (try '\(hint)')"), rule: "tag"))
        }
        for tag in tags where tag.value == Slug.reservedPageName {
            fields.appendDiagnostic(.error(at: tag.location, "tag 'index' would become tags/index.html and replace the list of tags; choose another tag", rule: "tag"))
        }
        let related = fields.stringList("related")
        let slug = fields.slug(fileSlug: fileSlug)
        let path = fields.path
        // Compared as bytes: `hasSuffix` would also accept another normalisation of the same text.
        let endsWithContentPath = path.hasUTF8Suffix(contentPath)
        let weight = fields.int("weight") ?? 0
        if !Question.weights.contains(weight), let location = fields.location(ofValue: "weight") {
            fields.appendDiagnostic(.error(at: location, "'weight' must be a whole number from "
                + "\(Question.weights.lowerBound) to \(Question.weights.upperBound)", rule: "schema"))
        }
        let question = Question.make(
            slug: slug ?? fileSlug,
            category: category,
            difficulty: difficulty ?? .beginner,
            kind: kind ?? .technical,
            notes: .held(QuestionNotes(title: title ?? "", summary: summary ?? "",
                                       tags: tags.filter { Slug.isValid($0.value) && $0.value != Slug.reservedPageName }.map(\.value),
                                       related: related.map(\.value), aliases: fields.stringList("aliases"),
                                       followUps: fields.stringList("follow_ups").map(\.value),
                                       areas: fields.stringList("areas").map(\.value),
                                       redFlags: fields.stringList("red_flags").map(\.value),
                                       relatedPositions: related.map { TextPosition($0.location) },
                                       titlePosition: TextPosition(fields.location(ofValue: "title") ?? SourceLocation(path: path)),
                                       slugPosition: fields.location(ofKey: "slug").map(TextPosition.init) ?? TextPosition(line: 0, column: 0),
                                       fileSlug: slug == fileSlug ? nil : fileSlug)),
            slugIsFileName: slug == fileSlug,
            weight: weight,
            updated: fields.date("updated"),
            draft: fields.bool("draft") ?? false,
            displayHead: endsWithContentPath ? String(decoding: path.utf8.dropLast(contentPath.utf8.count), as: UTF8.self) : path,
            displayEndsWithContentPath: endsWithContentPath,
            body: body
        )
        guard title != nil, difficulty != nil, kind != nil, summary != nil, slug != nil else { return nil }
        return question
    }
}

/// What a question holds besides its slug (`Question`).
struct QuestionFields: Sendable {
    let folder: QuestionFolder
    let body: MarkdownBody
    let storedNotes: StoredQuestionNotes
    // The small fields last, and the three flags in one byte.
    let storedWeight: Int32
    let updated: ContentDate?
    let slugCount: UInt32
    let difficulty: Difficulty
    let kind: QuestionKind
    let flags: Flags

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let draft = Flags(rawValue: 1)
        static let displayEndsWithContentPath = Flags(rawValue: 2)
        static let slugIsFileName = Flags(rawValue: 4)
    }
}

/// A question's category and its file's folder as diagnostics show it: the same for every
/// question of a content folder, so a build's questions share one (`StringInterner.folder`).
final class QuestionFolder: Sendable {
    let category: String
    let displayHead: String

    init(category: String, displayHead: String) {
        self.category = category
        self.displayHead = displayHead
    }
}

/// A question's notes: held as parsed, or where they were spilled to. Held notes are boxed: a
/// spilled question, what a build holds, is then not as wide as them.
enum StoredQuestionNotes: Sendable {
    indirect case held(QuestionNotes)
    case spilled(SpilledNotes, SpilledNotes.Place)
}

extension String {
    /// Whether the last bytes are `suffix`'s, compared through pointers (the generic
    /// `elementsEqual` of two UTF-8 views went a byte at a time, through their indices).
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        var text = self, suffix = suffix
        return text.withUTF8 { text in
            suffix.withUTF8 { suffix in
                suffix.count <= text.count
                    && (suffix.isEmpty || memcmp(text.baseAddress! + text.count - suffix.count, suffix.baseAddress!, suffix.count) == 0)
            }
        }
    }
}

extension FieldReader {
    mutating func appendDiagnostic(_ diagnostic: Diagnostic) {
        appendDiagnostics([diagnostic])
    }

    /// The page's slug: the `slug` key if present, else the file name; nil when invalid.
    mutating func slug(fileSlug: String) -> String? {
        if let written = located("slug") {
            guard Slug.isValid(written.value) else {
                appendDiagnostic(.error(at: written.location, "slug '\(written.value)' must be \(Slug.rule)", rule: "slug"))
                return nil
            }
            guard written.value != Slug.reservedPageName else {
                appendDiagnostic(.error(at: written.location, "slug 'index' would become index.html and replace the list page of its folder; choose another slug", rule: "slug"))
                return nil
            }
            return written.value
        }
        guard fileSlug != Slug.reservedPageName else {
            appendDiagnostic(.error(at: start, "file name 'index.md' would become index.html and replace the list page of its folder; rename the file or set 'slug'", rule: "slug"))
            return nil
        }
        guard Slug.isValid(fileSlug) else {
            let hint = Slug.make(from: fileSlug)
            appendDiagnostic(.error(at: start, "file name '\(fileSlug).md' is not a valid slug: it must be \(Slug.rule); "
                + "rename the file\(hint.isEmpty ? "" : " to '\(hint).md'") or set 'slug'", rule: "slug"))
            return nil
        }
        return fileSlug
    }
}
