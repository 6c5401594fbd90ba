internal import Foundation

/// What the last build with a cache wrote into its output folder: for each page, the fingerprint
/// of everything it was made from (`PageFingerprints`) and how its file stood on disk afterwards.
/// The next build with the same cache links a page whose fingerprint is unchanged, and whose file
/// is still as recorded, from the previous output instead of rendering it again: a second build
/// after a one-file change renders the few pages that show the file. It also keeps the checksum
/// of each file the offline app precaches, so that the next build's version reads only the
/// precached files that changed.
///
/// One file in the cache folder, `outputs.ledger`, written after the new site is swapped in and
/// never before: a build that fails or is cancelled leaves the previous output and its ledger as
/// they were. The ledger names the output folder it describes and ends with a checksum; one for
/// another folder, damaged or from another format is ignored, and a file changed, replaced or
/// removed since (its size, modification time or inode differ) is rendered again.
final class OutputLedger: @unchecked Sendable {
    typealias Fingerprint = BodyCache.Key

    /// How a file stood on disk: what tells that nobody changed it since.
    struct Identity: Equatable, Sendable {
        let size: Int
        let modified: Int
        let modifiedNanoseconds: Int
        let inode: UInt64

        init(_ info: stat) {
            self.init(size: Int(info.st_size), modified: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec,
                      inode: UInt64(info.st_ino))
        }

        init(size: Int, modified: Int, modifiedNanoseconds: Int, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.modifiedNanoseconds = modifiedNanoseconds
            self.inode = inode
        }

        func write(to bytes: inout [UInt8]) {
            bytes.appendVarint(size)
            bytes.appendFixed(UInt64(bitPattern: Int64(modified)))
            bytes.appendVarint(modifiedNanoseconds)
            bytes.appendFixed(inode)
        }

        static func read(_ reader: inout ByteReader) -> Identity? {
            guard let size = reader.varint(), let modified = reader.fixed(), let nanoseconds = reader.varint(),
                  let inode = reader.fixed() else { return nil }
            return Identity(size: size, modified: Int(Int64(bitPattern: modified)), modifiedNanoseconds: nanoseconds, inode: inode)
        }
    }

    struct Record: Equatable, Sendable {
        let fingerprint: Fingerprint
        let identity: Identity

        var size: Int { identity.size }

        /// The record of the file at `path` with `fingerprint`, if it is a regular file.
        init?(of path: String, fingerprint: Fingerprint) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            self.init(info, fingerprint: fingerprint)
        }

        /// The record of the file `name` in the open folder `folder`.
        init?(in folder: Int32, named name: String, fingerprint: Fingerprint) {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            self.init(info, fingerprint: fingerprint)
        }

        private init?(_ info: stat, fingerprint: Fingerprint) {
            guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            self.init(fingerprint: fingerprint, identity: Identity(info))
        }

        init(fingerprint: Fingerprint, identity: Identity) {
            self.fingerprint = fingerprint
            self.identity = identity
        }
    }

    /// A file's checksum (`FileChecksum`) and how the file stood when it was taken: the offline
    /// app's version hashes every precached file, and a file still as it was need not be read again.
    struct Checksum: Equatable, Sendable {
        let identity: Identity
        let value: UInt64
    }

    private static let magic = Array("studyguide-outputs-2\n".utf8)
    private let file: String
    private let output: String
    /// What the previous build recorded, by output path; read-only once loaded.
    private let previous: [String: Record]
    private let lock = NSLock()
    /// What this build wrote or kept.
    private var current: [String: Record] = [:]
    /// The checksums the previous build took, by output path; read-only once loaded.
    private let previousChecksums: [String: Checksum]
    /// The checksums this build took or found unchanged.
    private var checksums: [String: Checksum] = [:]
    /// The output's folders that the previous build's files are in, opened once (read-only after `init`).
    private let folders: [Substring: Int32]

    /// The ledger of `output` kept in `cacheFolder` (empty when there is none or it does not hold).
    init(cacheFolder: String, output: String) {
        file = cacheFolder + "/outputs.ledger"
        self.output = output
        (previous, previousChecksums) = Self.read(file, output: output)
        current.reserveCapacity(previous.count)
        var folders: [Substring: Int32] = [:]
        for path in previous.keys {
            guard let slash = Self.lastSlash(in: path), folders[path[..<slash]] == nil else { continue }
            let descriptor = open(output + "/" + path[..<slash], O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if descriptor >= 0 { folders[path[..<slash]] = descriptor }
        }
        self.folders = folders
    }

    deinit {
        for descriptor in folders.values { close(descriptor) }
    }

    /// Where the last `/` of `path` is, found in its bytes (the generic search went through the
    /// UTF-8 view's indices, and cost more than the lookup it serves).
    private static func lastSlash(in path: String) -> String.Index? {
        var text = path
        let offset = text.withUTF8 { bytes -> Int? in
            var at = bytes.count
            while at > 0 {
                at -= 1
                if bytes[at] == UInt8(ascii: "/") { return at }
            }
            return nil
        }
        return offset.map { path.utf8.index(path.utf8.startIndex, offsetBy: $0) }
    }

    /// What the previous build recorded of `path`.
    func previousRecord(of path: String) -> Record? { previous[path] }

    /// How many files the previous build recorded.
    var recordCount: Int { previous.count }

    /// Whether the previous build left records for this output folder.
    var describesOutput: Bool { !previous.isEmpty }

    /// The previous build's record of `path`, when the file in the output folder is still as it
    /// recorded it: the file a build may link instead of rendering the page again.
    func unchanged(_ path: String, fingerprint: Fingerprint) -> Record? {
        guard let record = previous[path], record.fingerprint == fingerprint else { return nil }
        // Looked up in its open folder when it has one: the kernel walks one name, not the whole path.
        let slash = Self.lastSlash(in: path)
        let found: Record?
        if let slash, let folder = folders[path[..<slash]] {
            found = Record(in: folder, named: String(path[path.utf8.index(after: slash)...]), fingerprint: fingerprint)
        } else {
            found = Record(of: output + "/" + path, fingerprint: fingerprint)
        }
        return found == record ? record : nil
    }

    /// Notes what this build wrote at `path` (a file linked from the previous output keeps its record).
    func note(_ path: String, _ record: Record) {
        lock.withLock { current[path] = record }
    }

    /// The checksum of the file at `location`, an output's `path` as written: the previous build's
    /// when the file is still as it was then, else read and noted for the next build. Safe from any thread.
    func checksum(of path: String, at location: String) -> UInt64? {
        var info = stat()
        if let known = previousChecksums[path], stat(location, &info) == 0, known.identity == Identity(info) {
            lock.withLock { checksums[path] = known }
            return known.value
        }
        guard let (value, info) = FileChecksum.ofFile(at: location) else { return nil }
        lock.withLock { checksums[path] = Checksum(identity: Identity(info), value: value) }
        return value
    }

    /// Writes what this build wrote, for the next one: call once the new site is in place.
    func save() {
        let (records, checksums) = lock.withLock { (current, self.checksums) }
        var bytes: [UInt8] = []
        bytes.appendText(output)
        bytes.appendVarint(records.count)
        // In the dictionaries' order: the file is read back into dictionaries, and sorting twelve
        // thousand paths by their Unicode order cost more than writing them.
        for (path, record) in records {
            bytes.appendText(path)
            bytes.appendFixed(record.fingerprint.high)
            bytes.appendFixed(record.fingerprint.low)
            record.identity.write(to: &bytes)
        }
        bytes.appendVarint(checksums.count)
        for (path, checksum) in checksums {
            bytes.appendText(path)
            checksum.identity.write(to: &bytes)
            bytes.appendFixed(checksum.value)
        }
        ChecksummedFile.write(file, magic: Self.magic, content: bytes)
    }

    /// The records and checksums of `output` in the ledger at `path`; none when it is missing,
    /// damaged or describes another folder.
    private static func read(_ path: String, output: String) -> ([String: Record], [String: Checksum]) {
        guard var reader = ChecksummedFile.read(path, magic: magic), reader.text() == output, let count = reader.varint(),
              count <= reader.bytes.count else { return ([:], [:]) }
        var records: [String: Record] = [:]
        records.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let path = reader.text(), let high = reader.fixed(), let low = reader.fixed(),
                  let identity = Identity.read(&reader) else { return ([:], [:]) }
            records[path] = Record(fingerprint: .init(high: high, low: low), identity: identity)
        }
        guard let checksumCount = reader.varint(), checksumCount <= reader.bytes.count else { return ([:], [:]) }
        var checksums: [String: Checksum] = [:]
        checksums.reserveCapacity(checksumCount)
        for _ in 0 ..< checksumCount {
            guard let path = reader.text(), let identity = Identity.read(&reader), let value = reader.fixed() else { return ([:], [:]) }
            checksums[path] = Checksum(identity: identity, value: value)
        }
        return reader.isAtEnd ? (records, checksums) : ([:], [:])
    }
}
