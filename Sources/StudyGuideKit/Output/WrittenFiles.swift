internal import Foundation

/// The files a build wrote into its output folder: for each, a hash of its bytes and the identity
/// of the file it became. The next build into the same folder then keeps a file whose bytes it
/// would write again by linking the existing one into its new folder instead of writing a copy.
///
/// `serve` builds the whole site after every edit: writing 12,000 new files each time made the
/// file system allocate (and, on ext4, search for) 12,000 new inodes, and that kernel work slowed
/// the edits shown meanwhile. A file changed since it was recorded (the preview replaces pages it
/// rewrites; anything else writing there changes its modification time) no longer matches its
/// identity and is written afresh.
public final class WrittenFiles: @unchecked Sendable {
    struct Entry: Equatable, Sendable {
        let hash: BodyCache.Key
        let identity: Identity
    }

    /// What tells one file from another, and an edited file from the one recorded. The change
    /// time is left out: linking a file into the next folder and removing the old folder change it.
    struct Identity: Equatable, Sendable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modifiedSeconds: Int
        let modifiedNanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modifiedSeconds = info.st_mtim.tv_sec
            modifiedNanoseconds = info.st_mtim.tv_nsec
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// How many files are recorded.
    public var count: Int { lock.withLock { entries.count } }

    func entry(for path: String) -> Entry? { lock.withLock { entries[path] } }

    func record(_ entry: Entry?, for path: String) { lock.withLock { entries[path] = entry } }

    static func hash(_ parts: [[UInt8]]) -> BodyCache.Key {
        var hash = StableHash()
        for part in parts { hash.add(part) }
        return hash.key
    }
}
