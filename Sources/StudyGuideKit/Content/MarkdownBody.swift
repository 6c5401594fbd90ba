/// The Markdown part of a content file and where it starts, so positions cmark reports
/// inside the body can be turned back into file positions.
///
/// A build does not hold every file's text from loading to rendering: once a file is parsed,
/// its body is `detached`, keeping only where it lies in the file and a fingerprint, and it is
/// read again when its batch is rendered (`load()`). The text of a whole site is never in
/// memory at once, and a file edited in between is noticed, not half-used.
struct MarkdownBody: Sendable {
    /// The Markdown, or nothing once the bytes were let go (`detached`).
    var bytes: ArraySlice<UInt8> {
        get { if case .held(let bytes) = storage { bytes } else { [] } }
        set { storage = .held(newValue) }
    }
    /// The file line the body starts on.
    var firstLine: Int { Int(storedFirstLine) }
    // Declared first, so that the line number fits in the padding after it.
    private var storage: Storage
    private let storedFirstLine: Int32

    /// Held bytes or where to read them again: a body is one or the other, so it takes the room
    /// of the larger. Every question holds its body, detached, for the whole build: held bytes
    /// are boxed so that the detached case, 25 bytes, sets the size.
    private enum Storage: Sendable {
        indirect case held(ArraySlice<UInt8>)
        case detached(Source)
    }

    /// The file a detached body is read again from: one for every body of a content folder,
    /// shared, rather than a folder and a path in each body.
    final class File: Sendable {
        /// The folder of `path` when it is relative, else nil.
        let folder: String?
        /// The file, or nil for each document's own content path inside `folder` (what nearly
        /// every file is).
        let path: String?

        init(path: String?, in folder: String? = nil) {
            self.path = path
            self.folder = folder
        }

        /// The file, as the loader opened it.
        func path(contentPath: String?) -> String? {
            guard let path = path ?? contentPath else { return nil }
            return folder.map { $0 + "/" + path } ?? path
        }
    }

    struct Source: Sendable {
        let file: File
        /// The body's place in the file's normalised text (see `SourceText`); files are at most
        /// `ContentLoader.maximumFileBytes`.
        let start: UInt32
        let end: UInt32
        let fingerprint: UInt64
        /// The file needed normalising (a byte-order mark, CR line ends): decode it again.
        let normalised: Bool
    }

    init(bytes: ArraySlice<UInt8>, firstLine: Int) {
        storage = .held(bytes)
        storedFirstLine = Int32(clamping: firstLine)
    }

    private init(detached source: Source, firstLine: Int32) {
        storage = .detached(source)
        storedFirstLine = firstLine
    }

    /// The same body without its bytes, to be read again from `path` (inside `folder` when
    /// given; nil for the content path `load` is given). `bytes` must be a slice of the whole
    /// normalised text of that file.
    func detached(from path: String?, in folder: String? = nil, normalised: Bool) -> MarkdownBody {
        detached(from: File(path: path, in: folder), normalised: normalised)
    }

    /// The same body without its bytes, to be read again from `file`.
    func detached(from file: File, normalised: Bool) -> MarkdownBody {
        let bytes = self.bytes
        return MarkdownBody(detached: Source(file: file, start: UInt32(clamping: bytes.startIndex),
                                             end: UInt32(clamping: bytes.endIndex), fingerprint: Self.fingerprint(bytes),
                                             normalised: normalised),
                            firstLine: storedFirstLine)
    }

    /// Where a detached body lies in its file, as a build with a cache keeps it (`QuestionRecord`);
    /// nil for held bytes.
    var detachedPlace: (start: UInt32, end: UInt32, fingerprint: UInt64, normalised: Bool)? {
        guard case .detached(let source) = storage else { return nil }
        return (source.start, source.end, source.fingerprint, source.normalised)
    }

    /// A body detached from `file` at a place `detachedPlace` gave.
    init(detachedFrom file: File, firstLine: Int, place: (start: UInt32, end: UInt32, fingerprint: UInt64, normalised: Bool)) {
        self.init(detached: Source(file: file, start: place.start, end: place.end, fingerprint: place.fingerprint,
                                   normalised: place.normalised),
                  firstLine: Int32(clamping: firstLine))
    }

    /// The body's bytes, read again if they were let go; nil when the file can no longer be
    /// read or its body is not the one that was parsed. `contentPath`: the document's, for a body
    /// detached without a path of its own.
    func load(contentPath: String? = nil) -> ArraySlice<UInt8>? {
        guard case .detached(let source) = storage else { return bytes }
        guard let file = source.file.path(contentPath: contentPath) else { return nil }
        let range = Int(source.start) ..< Int(source.end)
        guard let raw = ContentLoader.readFile(file, expectedSize: range.upperBound) else { return nil }
        let text = source.normalised ? SourceText.decode(raw, path: file).0?.bytes : raw
        guard let text, text.count >= range.upperBound else { return nil }
        let body = text[range]
        return Self.fingerprint(body) == source.fingerprint ? body : nil
    }

    /// A 64-bit hash of the bytes, eight at a time: enough to tell an edited body from the
    /// parsed one, at a small fraction of the cost of reading the file.
    static func fingerprint(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { buffer in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(buffer.count)
            var offset = 0
            while offset + 8 <= buffer.count {
                hash = (hash ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
                offset += 8
            }
            while offset < buffer.count {
                hash = (hash ^ UInt64(buffer[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
            return hash ^ (hash >> 32)
        }
    }
}
