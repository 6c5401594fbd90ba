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
    /// external, absolute or non-Markdown destinations.
    static func resolve(_ destination: String, from contentPath: String) -> (String, String)? {
        let fragmentStart = destination.firstIndex(of: "#") ?? destination.endIndex
        let pathPart = String(destination[..<fragmentStart])
        let fragment = String(destination[fragmentStart...])
        // Character tests, not `contains(":")`: Foundation's substring search cost more than the rest.
        guard pathPart.hasSuffix(".md"), !pathPart.hasPrefix("/"), !pathPart.utf8.contains(UInt8(ascii: ":")),
              !pathPart.utf8.contains(UInt8(ascii: "?")) else {
            return nil
        }
        var components = contentPath.split(separator: "/").dropLast().map(String.init)
        for part in pathPart.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return (components.joined(separator: "/"), fragment)
    }
}
