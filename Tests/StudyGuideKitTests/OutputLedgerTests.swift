// Covers: a second `build --cache` into the same output links the pages nothing they show
// changed (`OutputLedger`, `PageFingerprints`) and renders the rest: after random sequences of
// edits of every kind its output is a fresh full build's, byte for byte; a damaged ledger, a
// page changed by hand and a ledger of another folder never change a byte.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct OutputLedgerTests {
    typealias Spec = LivePreviewTests.Spec

    /// Builds `site` into `output` (with the cache in `cache` when given): the report and every file.
    func build(_ site: TestSite, into output: URL, cache: URL?) throws -> (BuildReport, [String: Data]) {
        try site.build(cache: cache, into: output)
    }

    func inode(_ url: URL) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    @Test func aSecondBuildLinksThePagesAnEditDoesNotShowAndRendersTheRest() throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache"), output = site.directory.appendingPathComponent("public")
        let (first, _) = try build(site, into: output, cache: cache)
        #expect(first.succeeded && first.keptFiles == 0)
        let edited = output.appendingPathComponent("databases/indexes.html")
        let elsewhere = output.appendingPathComponent("behavioral/conflict.html")
        let (editedBefore, elsewhereBefore, folderBefore) = (try inode(edited), try inode(elsewhere), try inode(output))

        let path = "content/databases/indexes.md"
        let text = try String(contentsOf: site.directory.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text + "\nA new closing paragraph.\n")
        let (second, warm) = try build(site, into: output, cache: cache)
        let (_, cold) = try build(site, into: site.directory.appendingPathComponent("cold"), cache: nil)
        #expect(warm == cold)
        #expect(try inode(edited) != editedBefore, "the edited page is written again")
        #expect(try inode(elsewhere) == elsewhereBefore, "a page in another category is linked from the last build")
        #expect(second.keptFiles >= 3, "question, category and tag pages nothing edited shows")
        #expect(try inode(output) == folderBefore, "the output is patched in place, not swapped for a new folder")
        let (_, plain) = try build(site, into: output, cache: nil)
        #expect(plain == cold)
        #expect(try inode(output) != folderBefore, "without a cache, a new folder is swapped in")
    }

    /// Random edits of every kind, one after another: after each, a build with the cache into the
    /// last build's folder writes exactly what a fresh build without one writes.
    @Test func afterEveryEditACachedBuildWritesWhatAFreshBuildWrites() throws {
        var dice = LivePreviewTests.Dice(state: 20_261_205)
        var specs: [String: Spec] = [:]
        let site = try TestSite.minimal([
            "content/advanced/_index.md": "---\ntitle: Advanced\ndescription: Harder ones.\n---\nMore.\n",
            "content/guides/reading.md": "---\ntitle: Reading guide\nsummary: How to read.\n---\nRead [the first](../basics/first.md).\n",
        ])
        var made = 0
        func newSpec() -> Spec {
            made += 1
            return LivePreviewTests.numberedSpec(made, others: specs.values.filter { !$0.draft }.map(\.name).sorted())
        }
        for _ in 1 ... 12 { let spec = newSpec(); specs[spec.file] = spec }
        for spec in specs.values { try site.write(spec.path, spec.text) }
        let cache = site.directory.appendingPathComponent(".cache"), output = site.directory.appendingPathComponent("public")
        _ = try build(site, into: output, cache: cache)
        var reused = 0

        for step in 1 ... 60 {
            let key = dice.pick(specs.keys.sorted())
            var spec = specs[key]!
            var broken = false
            switch dice.next(16) {
            case 0: spec.body += "\nA new paragraph at step \(step).\n"
            case 1: spec.summary = "Summary rewritten at step \(step)."
            case 2: spec.difficulty = dice.pick(["beginner", "intermediate", "advanced"])
            case 3: spec.title = "Question \(key), renamed at step \(step)?"
            case 4: spec.tags = [dice.pick(LivePreviewTests.tags)]
            case 5:
                let others = specs.values.filter { !$0.draft && $0.name != spec.name }.map(\.name).sorted()
                spec.related = Array(Set([dice.pick(others), dice.pick(others)])).sorted()
            case 6: spec.weight = dice.next(20)
            case 7: spec.category = spec.category == "basics" ? "advanced" : "basics"
            case 8:
                let added = newSpec()
                specs[added.file] = added
                try site.write(added.path, added.text)
            case 9:
                guard specs.count > 6 else { continue }
                for (other, var otherSpec) in specs where otherSpec.related.contains(spec.name) {
                    otherSpec.related.removeAll { $0 == spec.name }
                    specs[other] = otherSpec
                    try site.write(otherSpec.path, otherSpec.text)
                }
                specs[key] = nil
                try site.remove(spec.path)
            case 10: spec.body += "\nSee [the guide](../guides/reading.md) at step \(step).\n"
            case 11:
                let category = dice.pick(["basics", "advanced"])
                try site.write("content/\(category)/_index.md",
                               "---\ntitle: \(category.capitalized) \(step)\ndescription: Described at step \(step).\n---\nIntro \(step).\n")
            case 12:
                try site.write("content/guides/reading.md",
                               "---\ntitle: Reading guide \(step)\nsummary: How to read.\n---\nRead [the first](../basics/first.md).\n")
            case 13:
                let text = try #require(BuiltinTheme.files(in: "templates").first { $0.relative == "question.mustache" }?.text)
                try site.write("layouts/question.mustache", text.replacingOccurrences(of: "</h1>", with: "</h1><p>Step \(step).</p>"))
            case 14: try site.write("site.yml", "title: Test \(step)\n")
            default:
                try site.write(spec.path, "---\ntitle: [unclosed\n---\n")
                broken = true
            }
            if specs[key] != nil, !broken {
                if let old = specs[key], old.path != spec.path { try site.remove(old.path) }
                specs[key] = spec
                try site.write(spec.path, spec.text)
            }

            let before = try OutputTree.files(in: output)
            let (report, warm) = try build(site, into: output, cache: cache)
            if broken {
                #expect(!report.succeeded, "step \(step)")
                #expect(try OutputTree.files(in: output) == before, "step \(step): a failed build leaves the output as it was")
                try site.write(spec.path, spec.text)
                continue
            }
            let (_, cold) = try build(site, into: site.directory.appendingPathComponent("cold-\(step)"), cache: nil)
            #expect(report.succeeded, "step \(step): \(report.diagnostics)")
            #expect(warm.keys.sorted() == cold.keys.sorted(), "step \(step)")
            for (path, bytes) in cold where warm[path] != bytes { Issue.record("step \(step): \(path) differs from a fresh build") }
            reused += report.keptFiles
            try FileManager.default.removeItem(at: site.directory.appendingPathComponent("cold-\(step)"))
        }
        #expect(reused > 300, "most pages are linked from the last build")
    }

    @Test(arguments: ["damaged ledger", "page changed by hand", "another output folder"])
    func nothingStaleIsKept(_ damage: String) throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache"), output = site.directory.appendingPathComponent("public")
        _ = try build(site, into: output, cache: cache)
        let page = output.appendingPathComponent("databases/indexes.html")
        switch damage {
        case "damaged ledger":
            let ledger = cache.appendingPathComponent("outputs.ledger")
            var bytes = try [UInt8](Data(contentsOf: ledger))
            bytes[bytes.count / 2] ^= 0xFF
            try Data(bytes).write(to: ledger)
        case "page changed by hand":
            // The same size, so only the modification time and inode tell.
            var bytes = try [UInt8](Data(contentsOf: page))
            bytes[bytes.count / 2] = bytes[bytes.count / 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            try Data(bytes).write(to: page)
        default:
            _ = try build(site, into: site.directory.appendingPathComponent("elsewhere"), cache: cache)
        }
        let (report, warm) = try build(site, into: output, cache: cache)
        let (_, cold) = try build(site, into: site.directory.appendingPathComponent("cold"), cache: nil)
        #expect(warm == cold)
        switch damage {
        case "page changed by hand": #expect(report.keptFiles > 0, "the other pages are still kept")
        default: #expect(report.keptFiles == 0, "a ledger that does not hold keeps nothing")
        }
    }
    /// Patching removes what the build no longer makes, folders included.
    @Test func aDeletedCategoryLeavesNoFilesOrFoldersBehind() throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache"), output = site.directory.appendingPathComponent("public")
        _ = try build(site, into: output, cache: cache)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("behavioral").path))
        try site.remove("content/behavioral")
        let (report, warm) = try build(site, into: output, cache: cache)
        let (_, cold) = try build(site, into: site.directory.appendingPathComponent("cold"), cache: nil)
        #expect(report.succeeded)
        #expect(warm == cold)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("behavioral").path))
    }

    /// Another build holding the cache (its lock) means no ledger: this build swaps a new folder in.
    @Test func aBuildWithoutTheCachesLockPatchesNothing() throws {
        let site = try TestSite(fixture: "basic")
        let cache = site.directory.appendingPathComponent(".cache"), output = site.directory.appendingPathComponent("public")
        _ = try build(site, into: output, cache: cache)
        let folderBefore = try inode(output)
        let holder = try #require(BodyCache(folder: cache.path))
        let (report, warm) = try build(site, into: output, cache: cache)
        withExtendedLifetime(holder) {}
        let (_, cold) = try build(site, into: site.directory.appendingPathComponent("cold"), cache: nil)
        #expect(report.keptFiles == 0 && report.cachedBodies == 0)
        #expect(warm == cold)
        #expect(try inode(output) != folderBefore, "swapped, not patched")
    }
}
