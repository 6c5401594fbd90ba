/// Links between content files written as plain Markdown paths
/// (`../distributed-systems/cap-theorem.md#trade-offs`), which already work on GitHub,
/// become links between the generated pages.
struct ContentLinks: Sendable {
    /// Content path (`databases/indexes.md`) → the page it becomes.
    let pages: [String: PagePath]

    init(site: Site) {
        var pages = Dictionary(site.documents.map { ($0.contentPath, $0.page) }, uniquingKeysWith: { first, _ in first })
        // The home page and the guides list exist without an introduction file, and links to them work.
        pages["_index.md"] = .home
        pages["guides/_index.md"] = .guidesIndex
        self.pages = pages
    }

    /// The rewriter for one file: relative `.md` destinations that name a page become
    /// relative `.html` links from `page`; anything else is left alone.
    func rewriter(from contentPath: String, page: PagePath) -> @Sendable (String) -> String? {
        let pages = self.pages
        return { destination in
            guard let (target, fragment) = Self.resolve(destination, from: contentPath), let path = pages[target] else {
                return nil
            }
            return page.link(to: path) + fragment
        }
    }

    /// The content path a relative Markdown link names, and its `#fragment`; nil for
    /// external, absolute or non-Markdown destinations. Runs for every link twice (rewriting,
    /// then checking), so it folds `.` and `..` on bytes instead of splitting into Strings.
    static func resolve(_ destination: String, from contentPath: String) -> (String, String)? {
        let utf8 = destination.utf8
        let fragmentStart = utf8.firstIndex(of: UInt8(ascii: "#")) ?? utf8.endIndex
        let pathPart = utf8[..<fragmentStart]
        guard pathPart.count >= 3, pathPart.suffix(3).elementsEqual(".md".utf8), pathPart.first != UInt8(ascii: "/"),
              !pathPart.contains(UInt8(ascii: ":")), !pathPart.contains(UInt8(ascii: "?")) else {
            return nil
        }
        var target: [UInt8] = []
        target.reserveCapacity(contentPath.utf8.count + pathPart.count)
        // The folder of the linking file, then each segment of the link.
        for part in contentPath.utf8.split(separator: UInt8(ascii: "/")).dropLast() { appendSegment(part, to: &target) }
        for part in pathPart.split(separator: UInt8(ascii: "/")) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard !target.isEmpty else { return nil }
                target.removeSubrange((target.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                continue
            }
            appendSegment(part, to: &target)
        }
        return (String(decoding: target, as: UTF8.self), String(destination[fragmentStart...]))
    }

    private static func appendSegment(_ segment: Substring.UTF8View, to target: inout [UInt8]) {
        if !target.isEmpty { target.append(UInt8(ascii: "/")) }
        target.append(contentsOf: segment)
    }
}
