internal import Foundation
internal import StudyGuideMarkdown

/// Texts a build keeps for every question and reads now and then (titles), packed one after
/// another in one buffer instead of a heap string each: a string's header and rounding cost as
/// much again as a title's own bytes, 100 bytes a question in all. Parsing workers append at once,
/// hence the lock; pages read titles at once, and readers share it. The buffer is C memory owned
/// here (an array's exclusivity checks and copy-on-write cost more than the reads themselves).
final class TextArena: @unchecked Sendable {
    private let lock = ReadWriteLock()
    private var buffer: UnsafeMutableRawPointer?
    private var count = 0
    private var capacity = 0

    /// Where a text is: eight bytes, held by every question.
    struct Place: Sendable {
        fileprivate let start: UInt32
        fileprivate let count: UInt32
    }

    deinit { free(buffer) }

    /// Keeps `text`; nil when the arena is full (4 GB: a string of its own then).
    func store(_ text: String) -> Place? {
        var text = text
        return text.withUTF8 { utf8 in
            lock.writing {
                guard count + utf8.count <= Int(UInt32.max) else { return nil }
                if count + utf8.count > capacity {
                    let grown = max(4096, capacity * 2, count + utf8.count)
                    guard let moved = realloc(buffer, grown) else { return nil }
                    buffer = moved
                    capacity = grown
                }
                if let base = utf8.baseAddress { (buffer! + count).copyMemory(from: base, byteCount: utf8.count) }
                defer { count += utf8.count }
                return Place(start: UInt32(count), count: UInt32(utf8.count))
            }
        }
    }

    func text(_ place: Place) -> String {
        lock.reading {
            let start = buffer.map { $0.assumingMemoryBound(to: UInt8.self) + Int(place.start) }
            return String(checkedUTF8: UnsafeBufferPointer(start: start, count: Int(place.count)))
        }
    }
}
