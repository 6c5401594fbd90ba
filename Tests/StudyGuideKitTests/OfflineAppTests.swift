// Covers: the offline app's files (manifest.webmanifest, sw.js): the precache list, the build
// version, the `offline` setting of site.yml, and that `serve` (a preview build) writes neither.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct OfflineAppTests {
    /// The data `sw.js` hands the theme's worker: its version and precache list.
    struct Worker {
        let version: String
        let precache: [String]

        init(_ source: String?) throws {
            let text = try #require(source, "no sw.js")
            let start = try #require(text.range(of: "self.studyguideOffline = ")).upperBound
            let end = try #require(text.range(of: ";\nimportScripts(\"assets/offline-worker.js\");\n")).lowerBound
            let data = try #require(JSONSerialization.jsonObject(with: Data(text[start..<end].utf8)) as? [String: Any])
            version = try #require(data["version"] as? String)
            precache = try #require(data["precache"] as? [String])
        }
    }

    static func site(_ siteYML: String = "title: Test Guide\n") throws -> TestSite {
        try TestSite.minimal([
            "site.yml": siteYML,
            "content/basics/second.md": TestSite.question(title: "Second question?", extra: "tags: [sql]\n"),
            "content/basics/diagram.png": "not really a picture",
        ])
    }

    @Test func theManifestNamesTheSiteItsIconsAndTheThemeColours() throws {
        let site = try Self.site("title: Test Guide\ndescription: For tests.\noffline: { short_name: Tests }\n")
        let result = site.build().expectSuccess()
        let text = try #require(result.file("manifest.webmanifest"))
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(manifest["name"] as? String == "Test Guide")
        #expect(manifest["short_name"] as? String == "Tests")
        #expect(manifest["start_url"] as? String == "index.html")
        #expect(manifest["scope"] as? String == "./")
        #expect(manifest["display"] as? String == "standalone")
        let style = try #require(result.file("assets/style.css"))
        #expect(style.contains("--surface: \(try #require(manifest["theme_color"] as? String));"))
        #expect(style.contains("--bg: \(try #require(manifest["background_color"] as? String));"))
        let icons = try #require(manifest["icons"] as? [[String: String]])
        #expect(icons.map { $0["sizes"] } == ["any", "192x192", "512x512"])
        for icon in icons {
            let src = try #require(icon["src"])
            #expect(FileManager.default.fileExists(atPath: result.output.appendingPathComponent(src).path), "\(src) missing")
        }
        #expect(result.file("index.html")?.contains("<script src=\"assets/offline.js\"></script>") == true)
        #expect(result.file("basics/first.html")?.contains("<script src=\"../assets/offline.js\"></script>") == true)
    }

    @Test func thePrecacheListIsRelativeExistsAndLeavesTheDecksOut() throws {
        let site = try Self.site()
        let result = site.build().expectSuccess()
        let worker = try Worker(result.file("sw.js"))
        #expect(worker.version.count == 16 && worker.version.allSatisfy(\.isHexDigit))
        for path in worker.precache {
            #expect(!path.hasPrefix("/") && !path.contains("://") && !path.split(separator: "/").contains(".."), "\(path)")
            #expect(FileManager.default.fileExists(atPath: result.output.appendingPathComponent(path).path), "\(path) missing")
        }
        #expect(Set(worker.precache).count == worker.precache.count, "listed twice")
        for path in ["index.html", "search.html", "practice.html", "404.html", "manifest.webmanifest", "assets/style.css",
                     "assets/offline.js", "assets/offline-worker.js", "assets/icon-192.png", "search/manifest.js",
                     "study/deck.js", "basics/index.html", "basics/first.html", "basics/second.html", "tags/sql.html",
                     "basics/diagram.png"] {
            #expect(worker.precache.contains(path), "\(path) not precached")
        }
        #expect(!worker.precache.contains { $0.hasPrefix("anki/") || $0 == "sw.js" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: result.output.appendingPathComponent("anki").path).isEmpty == false)
    }

    @Test func theVersionDependsOnlyOnThePrecachedBytes() throws {
        let site = try Self.site()
        let first = try Worker(site.build().expectSuccess().file("sw.js"))
        let again = try Worker(site.build(output: site.directory.appendingPathComponent("again")).expectSuccess().file("sw.js"))
        #expect(first.version == again.version)
        #expect(first.precache == again.precache)
        let workers = try BuildContext.$current.withValue(BuildContext(workers: 1)) {
            try Worker(site.build(output: site.directory.appendingPathComponent("one")).expectSuccess().file("sw.js"))
        }
        #expect(workers.version == first.version)

        try site.write("content/basics/second.md", TestSite.question(title: "Second question?", extra: "tags: [sql]\n",
                                                                     body: "## Answer\n\nChanged text.\n"))
        let changed = try Worker(site.build().expectSuccess().file("sw.js"))
        #expect(changed.version != first.version)
        #expect(changed.precache.contains("basics/second.html"))
    }

    @Test func theBudgetKeepsTheShellAndFillsInOrder() throws {
        let site = try Self.site("title: Test Guide\noffline:\n  precache_limit_mb: 0\n")
        let worker = try Worker(site.build().expectSuccess().file("sw.js"))
        #expect(worker.precache.contains("index.html") && worker.precache.contains("assets/site.js"))
        #expect(!worker.precache.contains { $0.hasPrefix("search/") || $0.hasPrefix("study/") || $0.hasPrefix("basics/") })

        // Whole groups or none; then pages in order until one does not fit.
        let sizes: [PagePath: Int] = [
            PagePath("index.html"): 10, PagePath("assets/a.js"): 10, PagePath("search/x.js"): 30, PagePath("search/y.js"): 30,
            PagePath("study/deck.js"): 20, PagePath("c/index.html"): 15, PagePath("c/q1.html"): 20, PagePath("c/q2.html"): 5,
            PagePath("anki/all.tsv"): 1, PagePath("c/pic.png"): 1,
        ]
        let pages = [PagePath("index.html"), PagePath("c/index.html"), PagePath("c/q1.html"), PagePath("c/q2.html")]
        #expect(PrecachePolicy.choose(sizes: sizes, pages: pages, limit: 56).map(\.path)
                == ["index.html", "assets/a.js", "study/deck.js", "c/index.html"])
        #expect(PrecachePolicy.choose(sizes: sizes, pages: pages, limit: 95).map(\.path)
                == ["index.html", "assets/a.js", "search/x.js", "search/y.js", "c/index.html"])
        #expect(PrecachePolicy.choose(sizes: sizes, pages: pages, limit: 1_000).map(\.path)
                == ["index.html", "assets/a.js", "search/x.js", "search/y.js", "study/deck.js", "c/index.html", "c/q1.html",
                    "c/q2.html", "c/pic.png"])
    }

    @Test func offlineFalseWritesNoAppAndNoScriptTag() throws {
        let site = try Self.site("title: Test Guide\noffline: false\n")
        let result = site.build().expectSuccess().expectNoFile("sw.js").expectNoFile("manifest.webmanifest")
        #expect(result.file("index.html")?.contains("offline.js") == false)
        #expect(result.file("basics/first.html")?.contains("offline.js") == false)
    }

    /// `serve` builds with `keepsPreview`: no worker may answer a contributor with stale pages, and its
    /// pages are those of a normal build (the preview's incremental pages are compared with those).
    @Test func aPreviewBuildWritesNoWorkerAndTheSamePages() throws {
        let site = try Self.site()
        var options = BuildOptions(source: site.directory.path, output: site.directory.appendingPathComponent("preview").path,
                                   themes: Repository.themes)
        options.keepsPreview = true
        #expect(SiteBuilder.build(options).succeeded)
        let preview = BuildResult(report: .init(), output: options.output).expectNoFile("sw.js").expectNoFile("manifest.webmanifest")
        let normal = site.build().expectSuccess()
        for page in ["index.html", "basics/first.html", "404.html"] {
            #expect(preview.file(page) == normal.file(page), "\(page)")
        }
    }

    @Test func badOfflineSettingsAreErrorsAtTheirPlace() throws {
        try Self.site("title: T\noffline: sometimes\n").build()
            .expectErrors(["site.yml:2:10: error: offline must be true, false or a mapping such as { precache_limit_mb: 20 } [config]"])
        try Self.site("title: T\noffline:\n  precache_limit: 5\n  precache_limit_mb: -1\n").build()
            .expectErrors(["site.yml:3:3: error: unknown key 'precache_limit' under offline (did you mean 'precache_limit_mb'?) [unknown-key]",
                           "site.yml:4:22: error: precache_limit_mb must be a whole number of megabytes, 0 or more [config]"])
    }
}

@Suite struct FileChecksumTests {
    /// Every byte counts, in the four lanes and in the tail, and so does the length.
    @Test func everyByteAndTheLengthChangeTheChecksum() {
        let bytes = (0..<77).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let checksum = { (bytes: [UInt8]) in bytes.withUnsafeBytes(FileChecksum.of) }
        let original = checksum(bytes)
        #expect(checksum(bytes) == original)
        var seen: Set<UInt64> = [original]
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 1
            seen.insert(checksum(changed))
        }
        seen.insert(checksum(bytes + [0]))
        seen.insert(checksum(Array(bytes.dropLast())))
        #expect(seen.count == bytes.count + 3)
    }

    /// A file is read a piece at a time: its checksum is that of its bytes whole, at every size
    /// around the pieces' edges.
    @Test func aFileReadInPiecesHasTheChecksumOfItsBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checksum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let piece = FileChecksum.readSize
        for size in [0, 1, 31, 32, 33, piece - 1, piece, piece + 1, piece + 33, 3 * piece + 5] {
            let bytes = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9) }
            let file = folder.appendingPathComponent("\(size)")
            try Data(bytes).write(to: file)
            let read = try #require(FileChecksum.ofFile(at: file.path))
            #expect(read.0 == bytes.withUnsafeBytes(FileChecksum.of), "\(size) bytes")
            #expect(Int(read.1.st_size) == size)
        }
    }
}
