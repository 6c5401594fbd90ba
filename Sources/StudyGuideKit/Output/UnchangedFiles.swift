internal import Foundation

/// Keeps the files of the current output whose bytes a build would write again: they are linked
/// into the new folder instead of written. A rebuild then creates files only for what changed,
/// and unchanged pages keep their modification time (an `rsync` deploy sends only what changed).
///
/// `serve` builds the whole site after every edit: writing 12,000 new files each time made the
/// file system allocate 12,000 new inodes (on ext4, after many deletions, a search that took
/// longer than the build's own work) and slowed the edits shown meanwhile. Comparing bytes costs a
/// read of the old file, which is in the page cache after the last build; nothing is recorded
/// between builds, so nothing can go stale.
struct UnchangedFiles: Sendable {
    let output: String

    /// Links `output/path` to `destination` when it is a regular file holding exactly `parts`.
    /// False when the file must be written.
    func keep(_ path: String, parts: [[UInt8]], at destination: String) -> Bool {
        holds(path, parts: parts) && link(output + "/" + path, destination) == 0
    }

    /// Links `output/path` in place of the file at `staged` (just written), which holds the same
    /// bytes (`holds(_:sameAs:)`). False when it could not, and `staged` stays.
    func keep(_ path: String, replacing staged: String) -> Bool {
        let kept = staged + ".kept"
        guard link(output + "/" + path, kept) == 0 else { return false }
        guard rename(kept, staged) == 0 else {
            unlink(kept)
            return false
        }
        return true
    }

    /// Whether `output/path` is a regular file with the bytes of the file at `staged`.
    func holds(_ path: String, sameAs staged: String) -> Bool {
        let existing = output + "/" + path
        var old = stat(), new = stat()
        guard lstat(existing, &old) == 0, (old.st_mode & S_IFMT) == S_IFREG, stat(staged, &new) == 0,
              old.st_size == new.st_size else { return false }
        let first = open(existing, O_RDONLY | O_CLOEXEC), second = open(staged, O_RDONLY | O_CLOEXEC)
        defer {
            if first >= 0 { close(first) }
            if second >= 0 { close(second) }
        }
        guard first >= 0, second >= 0 else { return false }
        let size = Int(old.st_size), chunk = min(size, 1 << 20)
        let a = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunk, 1), alignment: 8)
        let b = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunk, 1), alignment: 8)
        defer {
            a.deallocate()
            b.deallocate()
        }
        var offset = 0
        while offset < size {
            let want = min(chunk, size - offset)
            guard ByteFile.read(first, into: UnsafeMutableRawBufferPointer(rebasing: a[..<want]), at: offset),
                  ByteFile.read(second, into: UnsafeMutableRawBufferPointer(rebasing: b[..<want]), at: offset),
                  memcmp(a.baseAddress!, b.baseAddress!, want) == 0 else { return false }
            offset += want
        }
        return true
    }

    /// Whether `output/path` is a regular file holding exactly `parts` (a build that patches the
    /// output leaves such a file where it is).
    func holds(_ path: String, parts: [[UInt8]]) -> Bool {
        let existing = output + "/" + path
        var info = stat()
        let size = parts.reduce(0) { $0 + $1.count }
        return lstat(existing, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == size
            && Self.holds(existing, parts, size: size)
    }

    /// Whether the file at `path` (of `size` bytes) holds `parts`, in order.
    private static func holds(_ path: String, _ parts: [[UInt8]], size: Int) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: min(size, 1 << 20))
        for part in parts {
            var checked = 0
            while checked < part.count {
                let wanted = min(buffer.count, part.count - checked)
                let same = buffer.withUnsafeMutableBytes { old in
                    ByteFile.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: old[..<wanted]), at: offset)
                        && part.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress! + checked, wanted) == 0 }
                }
                guard same else { return false }
                checked += wanted
                offset += wanted
            }
        }
        return true
    }
}
