internal import Foundation

/// How a content file stood on disk when it was found: a build with a cache trusts the hash it
/// took of a file whose stamp is the same at the next build, and does not read the file again
/// (as git trusts its index). Size, modification and change times to the nanosecond, inode and
/// device: a write changes the change time, which no tool can set back, and a file replaced by a
/// rename has another inode.
struct FileStamp: Hashable, Sendable {
    let size: Int64
    let modified: Int64
    let changed: Int64
    let inode: UInt64
    let device: UInt64

    init(_ status: stat) {
        size = Int64(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        inode = UInt64(status.st_ino)
        device = UInt64(status.st_dev)
    }

    fileprivate init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        (self.size, self.modified, self.changed, self.inode, self.device) = (size, modified, changed, inode, device)
    }
}

/// The stamp and hash of every content file a build with a cache hashed, kept in
/// `files.stamps` in the cache folder for the next build.
///
/// A file changed within the same tick of the file system's clock as it was read could keep its
/// stamp, so an entry is trusted only when the file was last modified and changed well before the
/// build that recorded it began (git's "racily clean" entries); any other is read and hashed again.
struct FileStamps {
    private struct Entry {
        let stamp: FileStamp
        let hash: BodyCache.Key
    }

    private var entries: [String: Entry] = [:]
    /// When the build that recorded them began, in nanoseconds since 1970.
    private var recordedAt: Int64 = 0
    private static let magic = Array("studyguide-stamps-1\n".utf8)
    /// How long before the recording build began a file must have been written to be trusted:
    /// far more than any file system's timestamp granularity or clock lag.
    static let margin: Int64 = 2_000_000_000

    /// The hash recorded for the file at `contentPath`, when its stamp is the same and it was
    /// written well before the recording build.
    func hash(of contentPath: String, stamp: FileStamp) -> BodyCache.Key? {
        guard let entry = entries[contentPath], entry.stamp == stamp,
              max(stamp.modified, stamp.changed) < recordedAt - Self.margin else { return nil }
        return entry.hash
    }

    /// The stamps kept in `folder` for `root` (the content folder), or none when missing, damaged
    /// or of another folder.
    init(folder: String, root: String) {
        guard var reader = ChecksummedFile.read(folder + "/files.stamps", magic: Self.magic), let recorded = reader.fixed(), reader.text() == root, let count = reader.varint(), count <= reader.bytes.count else { return }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let path = reader.text(), let size = reader.fixed(), let modified = reader.fixed(), let changed = reader.fixed(),
                  let inode = reader.fixed(), let device = reader.fixed(), let high = reader.fixed(), let low = reader.fixed()
            else { return }
            let stamp = FileStamp(size: Int64(bitPattern: size), modified: Int64(bitPattern: modified), changed: Int64(bitPattern: changed),
                                  inode: inode, device: device)
            entries[path] = Entry(stamp: stamp, hash: BodyCache.Key(high: high, low: low))
        }
        guard reader.isAtEnd else { return }
        self.entries = entries
        recordedAt = Int64(bitPattern: recorded)
    }

    /// The time now, as `recordedAt` counts it.
    static var now: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Writes the stamp and hash of each file for the next build; `began` is when this build began
    /// finding files.
    static func save(_ files: [(contentPath: String, stamp: FileStamp, hash: BodyCache.Key)], root: String, began: Int64,
                     in folder: String) {
        var bytes: [UInt8] = []
        bytes.appendFixed(UInt64(bitPattern: began))
        bytes.appendText(root)
        bytes.appendVarint(files.count)
        for file in files {
            bytes.appendText(file.contentPath)
            for value in [UInt64(bitPattern: file.stamp.size), UInt64(bitPattern: file.stamp.modified),
                          UInt64(bitPattern: file.stamp.changed), file.stamp.inode, file.stamp.device, file.hash.high, file.hash.low] {
                bytes.appendFixed(value)
            }
        }
        ChecksummedFile.write(folder + "/files.stamps", magic: magic, content: bytes)
    }
}
