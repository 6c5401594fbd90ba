/// A parsed question as a build with a cache keeps it between builds, so that a file whose bytes
/// are unchanged is not decoded and parsed again: at 10,000 questions parsing was a sixth of a
/// build after a one-file edit.
///
/// A record is kept under a key made of everything parsing read: the file's bytes (their hash,
/// taken as the file is read), its content path, the path diagnostics show, where a symbolic link
/// leads, and this program (`BodyCache.renderer`). Only files that parsed without a diagnostic get
/// one, so a cached parse never has a warning to repeat. The body stays detached: its place in the
/// file is kept, and the file is read again only if the body must be rendered.
enum QuestionRecord {
    static func key(file: BodyCache.Key, contentPath: String, displayPath: String, linkedPath: String?) -> BodyCache.Key {
        // Each part hashed where it is: gathered into one array first, they cost more than the hash.
        var hash = StableHash()
        hash.add(BodyCache.renderer)
        hash.add(kind)
        hash.add(contentPath.utf8)
        hash.add(displayPath.utf8)
        hash.add((linkedPath ?? "").utf8)
        hash.add(file)
        return hash.key
    }

    private static let kind = Array("question-record-5\n".utf8)

    /// The record of a freshly parsed `question` whose body is detached; `notes` are its held notes.
    static func encode(_ question: Question, notes: QuestionNotes) -> [UInt8]? {
        guard let place = question.body.detachedPlace else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes.appendText(question.slug)
        bytes.appendText(question.category)
        // The title, tags and related slugs are in the notes.
        let packedNotes = notes.packed()
        bytes.appendVarint(packedNotes.count)
        bytes += packedNotes
        bytes.appendFixed(UInt64(bitPattern: Int64(question.weight)))
        bytes.appendText(question.displayHead)
        bytes.append(question.displayEndsWithContentPath ? 1 : 0)
        bytes.append(question.slugIsFileName ? 1 : 0)
        bytes.append(UInt8(Difficulty.allCases.firstIndex(of: question.difficulty)!))
        bytes.append(UInt8(QuestionKind.allCases.firstIndex(of: question.kind)!))
        bytes.append(question.draft ? 1 : 0)
        bytes.appendText(question.updated?.description ?? "")
        bytes.appendVarint(question.body.firstLine)
        bytes.appendVarint(Int(place.start))
        bytes.appendVarint(Int(place.end))
        bytes.appendFixed(place.fingerprint)
        bytes.append(place.normalised ? 1 : 0)
        return bytes
    }

    /// The question a record holds, its body detached from `file` (as parsing would have detached
    /// it), its notes moved to `spill` and its strings shared through `interner`; nil when the
    /// bytes are not a whole record.
    static func decode(_ bytes: [UInt8], bodyFile file: MarkdownBody.File, spillingNotesTo spill: SpilledNotes,
                       interner: StringInterner) -> Question? {
        var reader = ByteReader(bytes: bytes[...], at: 0)
        guard let slug = reader.text(), let category = reader.textRange(),
              let notesCount = reader.varint(), notesCount <= bytes.endIndex - reader.at else { return nil }
        let notes = Array(bytes[reader.at ..< reader.at + notesCount])
        reader.at += notesCount
        guard let weight = reader.fixed(), let displayHead = reader.textRange(), let endsWithContentPath = reader.byte(),
              let slugIsFileName = reader.byte(),
              let difficulty = reader.byte().flatMap({ Difficulty.allCases.indices.contains(Int($0)) ? Difficulty.allCases[Int($0)] : nil }),
              let kind = reader.byte().flatMap({ QuestionKind.allCases.indices.contains(Int($0)) ? QuestionKind.allCases[Int($0)] : nil }),
              let draft = reader.byte(), let updated = reader.text(),
              let firstLine = reader.varint(), let start = reader.varint(), let end = reader.varint(),
              let fingerprint = reader.fixed(), let normalised = reader.byte(), reader.isAtEnd,
              start <= end, end <= ContentLoader.maximumFileBytes else { return nil }
        // The category and the display head, which every question of a folder names: one shared pair.
        var shared: [String] = []
        shared.reserveCapacity(2)
        interner.strings(at: [category, displayHead], of: bytes, into: &shared)
        let date = updated.isEmpty ? nil : ContentDate(updated)
        guard updated.isEmpty || date != nil else { return nil }
        let body = MarkdownBody(detachedFrom: file, firstLine: firstLine,
                                place: (UInt32(start), UInt32(end), fingerprint, normalised == 1))
        return Question.make(slug: slug, folder: interner.folder(shared[0], displayHead: shared[1]), difficulty: difficulty, kind: kind,
                             notes: .spilled(spill, spill.store(packed: notes)), slugIsFileName: slugIsFileName == 1,
                             weight: Int(Int64(bitPattern: weight)), updated: date, draft: draft == 1,
                             displayEndsWithContentPath: endsWithContentPath == 1, body: body)
    }
}
