// Covers: noticing edits to a site's sources by file events and by polling, including saves through
// a temporary file and a rename, new folders, site.yml, and files a build never reads.
import Foundation
import Testing
@testable import StudyGuideServe

@Suite struct SourceWatcherTests {
    /// A small site folder in a temporary place, removed afterwards.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-watch-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: url.appendingPathComponent("content/basics"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: url.appendingPathComponent("themes/default"), withIntermediateDirectories: true)
            try write("site.yml", "title: Test\n")
            try write("content/basics/a.md", "first\n")
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ relative: String) -> String { url.standardizedFileURL.path + "/" + relative }

        func write(_ relative: String, _ text: String) throws {
            try Data(text.utf8).write(to: url.appendingPathComponent(relative))
        }
    }

    /// Collects batches until one holds `path` (true), or gives up after a generous wait (false):
    /// the wait bounds a broken watcher, it does not time the working one.
    func sees(_ path: String, from watcher: SourceWatcher, seen: inout Set<String>) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            seen.formUnion(watcher.takeChanges())
            if seen.contains(path) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        // One last look: under a sanitizer on a busy machine this task may wake late.
        seen.formUnion(watcher.takeChanges())
        return seen.contains(path)
    }

    func start(_ folder: Folder, polling: Bool) -> SourceWatcher {
        SourceWatcher.start(source: folder.url, themes: folder.url.appendingPathComponent("themes"), polling: polling)
    }

    @Test func fileEventsAreUsedOnLinux() throws {
        let folder = try Folder()
        let watcher = start(folder, polling: false)
        defer { watcher.stop() }
        #if os(Linux)
        #expect(watcher.mechanism.hasPrefix("file events"))
        #endif
    }

    @Test(arguments: [false, true])
    func anEditIsNoticed(polling: Bool) async throws {
        let folder = try Folder()
        let watcher = start(folder, polling: polling)
        defer { watcher.stop() }
        // Polling compares modification times: make sure the edit gets a later one.
        if polling { try await Task.sleep(for: .milliseconds(1_100)) }
        try folder.write("content/basics/a.md", "second, longer\n")
        var seen: Set<String> = []
        #expect(await sees(folder.path("content/basics/a.md"), from: watcher, seen: &seen), "\(seen)")
    }

    /// vim and VS Code save by writing another file and renaming it over the original.
    @Test(arguments: [false, true])
    func aSaveThroughATemporaryFileIsNoticedAsTheOriginal(polling: Bool) async throws {
        let folder = try Folder()
        let watcher = start(folder, polling: polling)
        defer { watcher.stop() }
        try folder.write("content/basics/a.md.tmp-1234", "saved by rename, longer\n")
        #expect(rename(folder.path("content/basics/a.md.tmp-1234"), folder.path("content/basics/a.md")) == 0)
        try folder.write("site.yml.new", "title: Renamed\n")
        #expect(rename(folder.path("site.yml.new"), folder.path("site.yml")) == 0)
        var seen: Set<String> = []
        #expect(await sees(folder.path("content/basics/a.md"), from: watcher, seen: &seen), "\(seen)")
        #expect(await sees(folder.path("site.yml"), from: watcher, seen: &seen), "\(seen)")
    }

    @Test(arguments: [false, true])
    func aNewFolderIsWatchedWithTheFilesItBrings(polling: Bool) async throws {
        let folder = try Folder()
        let watcher = start(folder, polling: polling)
        defer { watcher.stop() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("content/more/deeper"), withIntermediateDirectories: true)
        try folder.write("content/more/deeper/b.md", "new\n")
        var seen: Set<String> = []
        #expect(await sees(folder.path("content/more/deeper/b.md"), from: watcher, seen: &seen), "\(seen)")
        // The new folder is watched itself: a later edit inside it is noticed too.
        try await Task.sleep(for: .milliseconds(polling ? 1_100 : 50))
        _ = watcher.takeChanges()
        seen = []
        try folder.write("content/more/deeper/b.md", "edited, longer\n")
        #expect(await sees(folder.path("content/more/deeper/b.md"), from: watcher, seen: &seen), "\(seen)")
    }

    @Test func filesABuildNeverReadsAreNotChanges() async throws {
        let folder = try Folder()
        let watcher = start(folder, polling: false)
        defer { watcher.stop() }
        try folder.write("content/basics/.a.md.swp", "editor state\n")
        try folder.write("notes.txt", "not part of the site\n")
        try folder.write("content/basics/c.md", "real\n")
        var seen: Set<String> = []
        #expect(await sees(folder.path("content/basics/c.md"), from: watcher, seen: &seen))
        try await Task.sleep(for: .milliseconds(100))
        seen.formUnion(watcher.takeChanges())
        #expect(!seen.contains(folder.path("content/basics/.a.md.swp")))
        #expect(!seen.contains(folder.path("notes.txt")))
    }
}
