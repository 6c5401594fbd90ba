// Covers: the repository's own site: builds cleanly, deterministically, and every link resolves inside the output.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite(.serialized) struct RealSiteTests {
    /// Builds the repository's content (not the committed public/) into a temporary folder.
    static func buildRepository(into folder: URL) -> BuildReport {
        let options = BuildOptions(source: Repository.root.path, output: folder.path)
        return SiteBuilder.build(options)
    }

    @Test func theRepositorySiteBuildsWithoutDiagnosticsAndDeterministically() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-real-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let first = Self.buildRepository(into: temporary.appendingPathComponent("one"))
        #expect(first.succeeded)
        #expect(first.diagnostics.map(\.description) == [])
        #expect(first.pagesWritten > 20)
        let second = Self.buildRepository(into: temporary.appendingPathComponent("two"))
        #expect(try OutputTree.files(in: temporary.appendingPathComponent("one"))
            == OutputTree.files(in: temporary.appendingPathComponent("two")))

        let problems = try LinkAudit.problems(in: temporary.appendingPathComponent("one"))
        #expect(problems == [])
        _ = second

        // public/ is committed so a clone can be browsed offline; it must be what the content builds.
        let committed = try OutputTree.files(in: Repository.root.appendingPathComponent("public"))
        let fresh = try OutputTree.files(in: temporary.appendingPathComponent("one"))
        let stale = Set(committed.keys).symmetricDifference(fresh.keys).sorted()
            + fresh.keys.filter { committed[$0] != nil && committed[$0] != fresh[$0] }.sorted()
        #expect(stale == [], "public/ is stale: run 'make site' and commit public/")
    }

    /// The build is parallel; the bytes must not depend on how many threads made them.
    @Test func oneWorkerAndSeveralWorkersWriteTheSameBytes() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-workers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        var trees: [[String: Data]] = []
        for workers in [1, 2, 5] {
            let folder = temporary.appendingPathComponent("workers-\(workers)")
            let report = BuildContext.$current.withValue(BuildContext(workers: workers)) { Self.buildRepository(into: folder) }
            #expect(report.succeeded)
            trees.append(try OutputTree.files(in: folder))
        }
        #expect(trees[0].count > 100)
        #expect(trees[0] == trees[1] && trees[0] == trees[2])
    }

    /// Questions are rendered and written a batch at a time, and search postings written a few
    /// classes of terms at a time: Anki decks, study chunks and search counts that span batches
    /// must come out as from one batch, and postings made in parts as if made at once.
    @Test func smallBatchesWriteTheSameBytesAsOne() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-batches-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        var trees: [[String: Data]] = []
        for batch in [25, 75, 10_000] {
            var context = BuildContext()
            context.questionBatch = batch
            if batch == 25 { context.postingsGroup = 1_000 }
            let folder = temporary.appendingPathComponent("batch-\(batch)")
            let report = BuildContext.$current.withValue(context) { Self.buildRepository(into: folder) }
            #expect(report.succeeded)
            trees.append(try OutputTree.files(in: folder))
        }
        #expect(trees[0].count > 100)
        #expect(trees[0] == trees[2] && trees[1] == trees[2])
    }

    @Test func theFixtureSiteLinksResolveToo() throws {
        let site = try TestSite(fixture: "basic")
        let result = site.build().expectSuccess()
        #expect(try LinkAudit.problems(in: result.output, allowedAbsolute: ["https://example.org/guide/"]) == [])
    }

    @Test func theAuditCatchesBrokenLinks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("studyguide-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("<a href=\"a/\">dir</a><a href=\"/x.html\">root</a><script src=\"https://cdn.example/x.js\"></script><a href=\"https://www.rfc-editor.org/rfc/rfc9110\">a source</a><img src=\"nope.png\"><a href=\"#missing\">anchor</a><a href=\"index.html#top\">ok</a><p id=\"top\"></p>".utf8)
            .write(to: folder.appendingPathComponent("index.html"))
        let problems = try LinkAudit.problems(in: folder)
        #expect(problems == [
            "index.html: '#missing' names an anchor that does not exist",
            "index.html: '/x.html' is root-absolute",
            "index.html: 'a/' names a folder, not a file",
            "index.html: 'https://cdn.example/x.js' points off the machine",
            "index.html: 'nope.png' does not exist",
        ])
    }
}

/// Checks every `href` and `src` of every HTML page: relative, naming a file inside the
/// output, and (for `#fragments`) an element with that id.
enum LinkAudit {
    static func problems(in folder: URL, allowedAbsolute: [String] = []) throws -> [String] {
        let files = try OutputTree.files(in: folder)
        // The tag too: an answer may cite a source with a plain `<a href="https://…">`, which the
        // reader follows by choice; nothing the page loads (src, stylesheets) may leave the machine.
        let pattern = try Regex(#"<([a-zA-Z0-9]+)\b[^>]*?\s(?:href|src)="([^"]*)""#)
        let idPattern = try Regex(#"\sid="([^"]*)""#)
        var ids: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            ids[path] = Set(html.matches(of: idPattern).map { String($0.output[1].substring ?? "") })
        }
        var problems: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: pattern) {
                let tag = String(match.output[1].substring ?? "").lowercased()
                let raw = String(match.output[2].substring ?? "")
                let link = raw.replacingOccurrences(of: "&amp;", with: "&")
                if allowedAbsolute.contains(where: { link.hasPrefix($0) }) { continue }
                if tag == "a", link.hasPrefix("https://") || link.hasPrefix("http://") { continue }  // a cited source
                if link.contains("://") || link.hasPrefix("//") || link.hasPrefix("mailto:") || link.hasPrefix("data:") {
                    problems.append("\(path): '\(link)' points off the machine")
                    continue
                }
                if link.hasPrefix("/") { problems.append("\(path): '\(link)' is root-absolute"); continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = String(parts[0]).split(separator: "?").first.map(String.init) ?? ""
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                var resolved = path
                if !target.isEmpty {
                    if target.hasSuffix("/") { problems.append("\(path): '\(link)' names a folder, not a file"); continue }
                    var components = path.split(separator: "/").dropLast().map(String.init)
                    for piece in target.split(separator: "/") {
                        if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
                    }
                    resolved = components.joined(separator: "/")
                    guard files[resolved] != nil else {
                        problems.append("\(path): '\(link)' " + (ids.keys.contains { $0.hasPrefix(resolved + "/") } ? "names a folder, not a file" : "does not exist"))
                        continue
                    }
                }
                if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"), ids[resolved]?.contains(fragment) != true {
                    problems.append("\(path): '\(link)' names an anchor that does not exist")
                }
            }
        }
        return problems.sorted()
    }
}
