// Covers: the anchors a build keeps for links to other pages' headings, against every heading held.
import Testing
@testable import StudyGuideKit

@Suite struct LinkedHeadingsTests {
    private func body(headings: [String] = [], links: [(String, String)] = []) -> RenderedBody {
        let at = SourceLocation(path: "x")
        return RenderedBody(
            html: "", headings: headings.map { RenderedBody.Heading(level: 2, text: "", id: $0, location: at) }, plainText: "",
            links: links.map { path, fragment in
                RenderedBody.Link(destination: path + fragment, isImage: false, location: at,
                                  target: .content(ContentLinks.Target(contentPath: path, fragment: fragment),
                                                   page: PagePath(String(path.dropLast(3)) + ".html")))
            },
            paragraphs: [])
    }

    /// Pages rendered in batches in a random order, linking to random ids of random pages (some
    /// that exist, some not): every anchor gets the answer a lookup among all headings gives,
    /// whether its page came before, with or after the link.
    @Test func everyAnchorIsAnsweredAsAllHeadingsWouldAnswerIt() {
        var random = SplitMix64(seed: 0xA7C4)
        for _ in 0 ..< 40 {
            let pageCount = 1 + random.below(30)
            let paths = (0 ..< pageCount).map { "c/p\($0).md" }
            let ids = ["a", "b", "c", "b-1", ""]
            var headings: [String: [String]] = [:]
            var bodies: [String: RenderedBody] = [:]
            var asked: [(String, String)] = []
            for path in paths {
                headings[path] = ids.filter { _ in random.chance(50) }
                var links: [(String, String)] = []
                for _ in 0 ..< random.below(5) {
                    // A few links name a page that is never rendered.
                    let target = random.below(pageCount + 1) == pageCount ? "c/none.md" : random.pick(paths)
                    links.append((target, "#" + random.pick(ids)))
                }
                bodies[path] = body(headings: headings[path]!, links: links)
                asked += links.filter { $0.0 != path && $0.1.utf8.count > 1 }
            }
            // Some pages are at hand to the end (introductions, guides); the rest render in batches.
            let kept = Set(paths.filter { _ in random.chance(20) })
            var index = LinkedHeadings()
            for path in kept { index.want(bodies[path]!.links, from: path) }
            var batch: [String: RenderedBody] = [:]
            let order = paths.map { ($0, random.next()) }.sorted { $0.1 < $1.1 }.map(\.0)
            for path in order where !kept.contains(path) {
                batch[path] = bodies[path]
                if random.chance(50) {
                    for (path, body) in batch { index.want(body.links, from: path) }
                    index.look(in: batch)
                    batch = [:]
                }
            }
            for (path, body) in batch { index.want(body.links, from: path) }
            index.look(in: batch)
            var finished: [String] = []
            index.finish { paths in
                finished = paths
                return headings.filter { paths.contains($0.key) }
            }
            #expect(!finished.contains { !Set(asked.map(\.0)).contains($0) }, "only pages links name are read again")
            for (path, fragment) in asked {
                let id = String(fragment.dropFirst())
                #expect(index.contains(id, in: path) == (headings[path] ?? []).contains(id), "\(path)\(fragment)")
            }
        }
    }

    /// A page rendered in the same batch as the link, or later, is not read again; nor is an
    /// anchor looked up already.
    @Test func onlyPagesRenderedBeforeTheirLinksAreReadAgain() {
        var index = LinkedHeadings()
        index.want(body(links: [("c/later.md", "#a")]).links, from: "c/first.md")
        index.look(in: ["c/first.md": body(), "c/same.md": body(headings: ["b"])])
        index.want(body(links: [("c/first.md", "#x"), ("c/same.md", "#b"), ("c/peer.md", "#p")]).links, from: "c/other.md")
        index.look(in: ["c/other.md": body(), "c/later.md": body(headings: ["a"]), "c/peer.md": body(headings: ["p"])])
        index.want(body(links: [("c/first.md", "#y"), ("c/later.md", "#a")]).links, from: "c/last.md")
        index.look(in: ["c/last.md": body()])
        var readAgain: [String] = []
        index.finish { paths in
            readAgain = paths.sorted()
            return ["c/first.md": ["x"]]
        }
        #expect(readAgain == ["c/first.md", "c/same.md"])
        #expect(index.contains("a", in: "c/later.md"))
        #expect(index.contains("p", in: "c/peer.md"))
        #expect(index.contains("x", in: "c/first.md"))
        #expect(!index.contains("y", in: "c/first.md"))
        #expect(!index.contains("b", in: "c/same.md"), "read again, the page says it has none")
    }
}
