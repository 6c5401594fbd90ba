// Covers: a build with a cache does not read a content file again when it stands on disk as it
// did when an earlier build hashed it (`FileStamps`), and never trusts a stamp that an edit could
// share: a file written just before that build began, a damaged stamps file, another folder's.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct FileStampsTests {
    func stamp(modified: Int64, size: Int64 = 100, changedLater: Int64 = 0) -> FileStamp {
        var status = stat()
        status.st_size = off_t(size)
        status.st_mtim = timespec(tv_sec: Int(modified / 1_000_000_000), tv_nsec: Int(modified % 1_000_000_000))
        let changed = modified + changedLater
        status.st_ctim = timespec(tv_sec: Int(changed / 1_000_000_000), tv_nsec: Int(changed % 1_000_000_000))
        status.st_ino = 42
        status.st_dev = 7
        return FileStamp(status)
    }

    @Test func aStampIsTrustedOnlyWhenTheSameAndWrittenWellBeforeTheBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let began: Int64 = 1_800_000_000_000_000_000
        let old = stamp(modified: began - 60_000_000_000), racy = stamp(modified: began - 500_000_000)
        let hash = BodyCache.Key(high: 3, low: 4)
        FileStamps.save([("a/old.md", old, hash), ("a/racy.md", racy, hash)], root: "/site/content", began: began, in: folder.path)

        let stamps = FileStamps(folder: folder.path, root: "/site/content")
        #expect(stamps.hash(of: "a/old.md", stamp: old) == hash)
        #expect(stamps.hash(of: "a/racy.md", stamp: racy) == nil, "written within the margin before the build: read again")
        #expect(stamps.hash(of: "a/old.md", stamp: stamp(modified: began - 60_000_000_000, size: 101)) == nil)
        #expect(stamps.hash(of: "a/old.md", stamp: stamp(modified: began - 60_000_000_000, changedLater: 1)) == nil,
                "written again with its size and modification time kept: its change time differs")
        #expect(stamps.hash(of: "a/new.md", stamp: old) == nil)
        #expect(FileStamps(folder: folder.path, root: "/elsewhere/content").hash(of: "a/old.md", stamp: old) == nil)

        let file = folder.appendingPathComponent("files.stamps")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: file)
        #expect(FileStamps(folder: folder.path, root: "/site/content").hash(of: "a/old.md", stamp: old) == nil, "a damaged file is ignored")
    }

    /// An edit that keeps a file's size and sets its modification time back still changes its
    /// change time: the next build reads it and writes what a fresh build writes.
    @Test func anEditThatKeepsSizeAndModificationTimeIsStillSeen() throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache")
        let path = site.directory.appendingPathComponent("content/databases/indexes.md")
        // Files written long before the first build, so that their stamps are trusted.
        let longAgo = Date(timeIntervalSinceNow: -3600)
        for file in try FileManager.default.subpathsOfDirectory(atPath: site.directory.appendingPathComponent("content").path) {
            try FileManager.default.setAttributes([.modificationDate: longAgo],
                                                  ofItemAtPath: site.directory.appendingPathComponent("content/" + file).path)
        }
        func build(_ cache: URL?, into name: String) throws -> [String: Data] {
            let (report, files) = try site.build(cache: cache, into: name)
            #expect(report.succeeded)
            return files
        }
        _ = try build(cache, into: "one")
        let text = try String(contentsOf: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "difficulty: beginner", with: "difficulty: advanced")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try edited.write(to: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: path.path)
        let cached = try build(cache, into: "two")
        #expect(cached == (try build(nil, into: "fresh")))
    }
}
