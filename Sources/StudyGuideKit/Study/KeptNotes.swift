internal import Foundation

/// The notes of a category's Anki deck in the previous output, for the deck made again after an
/// edit to one of its questions: a note whose fingerprint is unchanged (its question's file, its
/// category's introduction, the site) is copied from the old deck's bytes instead of made again,
/// which read its answer back from the cache, dropped the highlighting and escaped it.
///
/// The cache keeps, for each deck a build made, its header's length and each note's fingerprint
/// and length (`NotesMap`), under the deck's own fingerprint; the ledger says whether the old deck
/// in the output is still that file.
final class KeptNotes: @unchecked Sendable {
    private let descriptor: Int32
    private let places: [BodyCache.Key: (offset: Int, count: Int)]

    /// The previous output's deck at `path`, when the ledger recorded it, it is still as recorded,
    /// and the cache holds its map.
    init?(deck path: PagePath, output: StagingFolder, cache: BodyCache) {
        guard let ledger = output.ledger, let previous = ledger.previousRecord(of: path.path),
              ledger.unchanged(path.path, fingerprint: previous.fingerprint) != nil,
              let bytes = cache.blob(for: Self.mapKey(of: previous.fingerprint), keeping: false),
              let map = NotesMap(decoding: bytes) else { return nil }
        var places: [BodyCache.Key: (offset: Int, count: Int)] = [:]
        var offset = map.headerCount
        for (fingerprint, count) in map.notes {
            places[fingerprint] = (offset, count)
            offset += count
        }
        guard offset == previous.size else { return nil }
        descriptor = open(output.output.path + "/" + path.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.places = places
    }

    deinit { close(descriptor) }

    /// The bytes of the note with `fingerprint` in the old deck, if it has one (and it reads whole).
    func note(_ fingerprint: BodyCache.Key) -> [UInt8]? {
        guard let place = places[fingerprint] else { return nil }
        var bytes = [UInt8](repeating: 0, count: place.count)
        let complete = bytes.withUnsafeMutableBytes { ByteFile.read(descriptor, into: $0, at: place.offset) }
        // A note is one line: anything else is not what the map says it is.
        return complete && bytes.last == UInt8(ascii: "\n") ? bytes : nil
    }

    /// Where the cache keeps the map of the deck made with `fingerprint`.
    static func mapKey(of fingerprint: BodyCache.Key) -> BodyCache.Key {
        var hash = StableHash()
        hash.add(Array("anki deck notes 1\n".utf8))
        hash.add(fingerprint)
        return hash.key
    }

    /// What a deck holds: its header's length, then each note's fingerprint and length, in order.
    struct NotesMap {
        var headerCount: Int
        var notes: [(BodyCache.Key, Int)] = []

        init(headerCount: Int) {
            self.headerCount = headerCount
        }

        init?(decoding bytes: [UInt8]) {
            var reader = ByteReader(bytes: bytes[...], at: 0)
            guard let header = reader.varint(), let count = reader.varint(), count <= bytes.count else { return nil }
            headerCount = header
            for _ in 0 ..< count {
                guard let high = reader.fixed(), let low = reader.fixed(), let length = reader.varint() else { return nil }
                notes.append((BodyCache.Key(high: high, low: low), length))
            }
            guard reader.isAtEnd else { return nil }
        }

        func encoded() -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.appendVarint(headerCount)
            bytes.appendVarint(notes.count)
            for (fingerprint, length) in notes {
                bytes.appendFixed(fingerprint.high)
                bytes.appendFixed(fingerprint.low)
                bytes.appendVarint(length)
            }
            return bytes
        }
    }
}
