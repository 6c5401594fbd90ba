internal import Foundation

/// The notes of a batch of questions (summary, aliases, follow-ups…), which their page, study card
/// and search entry each show, read from the spill file once for all three. A build that makes
/// every page reads the batch's at once, on all cores; a build with a cache, which keeps most
/// pages, cards and entries, reads a question's when something first asks for them, and most
/// never are (reading them all was a tenth of such a build's Markdown stage).
final class BatchNotes: @unchecked Sendable {
    /// Read at once: never changed after `init`, so read without the lock. By question object: its
    /// content path would be built and hashed for each of three lookups.
    private let held: [ObjectIdentifier: QuestionNotes]
    private let lazily: Bool
    private let lock = NSLock()
    private var loaded: [ObjectIdentifier: QuestionNotes] = [:]

    /// No notes held: each question's are read when asked for.
    init() {
        held = [:]
        lazily = true
    }

    init(_ questions: ArraySlice<Question>, lazily: Bool) {
        self.lazily = lazily
        held = lazily ? [:] : Dictionary(uniqueKeysWithValues: zip(questions.map(\.identity),
                                                                   parallelMap(Array(questions)) { $0.notes }))
    }

    /// `question`'s notes (read now, once, when they were not read with the batch).
    func of(_ question: Question) -> QuestionNotes {
        let id = question.identity
        if let notes = held[id] { return notes }
        guard lazily else { return question.notes }
        if let notes = lock.withLock({ loaded[id] }) { return notes }
        let notes = question.notes
        lock.withLock { loaded[id] = notes }
        return notes
    }
}
