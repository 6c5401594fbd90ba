/// Links between content files written as plain Markdown paths
/// (`../distributed-systems/cap-theorem.md#trade-offs`), which already work on GitHub,
/// become links between the generated pages.
struct ContentLinks: Sendable {
    /// Content path (`databases/indexes.md`) → the page it becomes.
    let pages: [String: PagePath]

    init(site: Site) {
        // Filled page by page: a list of every document first would double what a large site holds here.
        var pages: [String: PagePath] = [:]
        pages.reserveCapacity(site.questions.count + site.categories.count + site.guides.count + 2)
        for document in site.pageDocuments where pages[document.contentPath] == nil { pages[document.contentPath] = document.page }
        for question in site.questions where pages[question.contentPath] == nil { pages[question.contentPath] = question.path }
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
        let link = Array(destination.utf8)
        let fragmentStart = link.firstIndex(of: UInt8(ascii: "#")) ?? link.count
        let slash = UInt8(ascii: "/")
        guard fragmentStart >= 3, link[fragmentStart - 3] == UInt8(ascii: "."), link[fragmentStart - 2] == UInt8(ascii: "m"),
              link[fragmentStart - 1] == UInt8(ascii: "d"), link[0] != slash,
              !link[..<fragmentStart].contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "?") }) else {
            return nil
        }
        // The folder of the linking file, then each segment of the link, `.` and `..` folded.
        let from = Array(contentPath.utf8)
        var target: [UInt8] = []
        target.reserveCapacity(from.count + fragmentStart)
        var segments: [Range<Int>] = []
        var start = 0
        for index in 0 ... from.count where index == from.count || from[index] == slash {
            if index > start { segments.append(start ..< index) }
            start = index + 1
        }
        for segment in segments.dropLast() { append(from[segment], to: &target) }
        start = 0
        for index in 0 ... fragmentStart where index == fragmentStart || link[index] == slash {
            defer { start = index + 1 }
            let segment = link[start ..< index]
            if segment.isEmpty || (segment.count == 1 && segment.first == UInt8(ascii: ".")) { continue }
            if segment.count == 2, segment.first == UInt8(ascii: "."), segment.last == UInt8(ascii: ".") {
                guard !target.isEmpty else { return nil }
                target.removeSubrange((target.lastIndex(of: slash) ?? 0)...)
                continue
            }
            append(segment, to: &target)
        }
        return (String(decoding: target, as: UTF8.self), String(decoding: link[fragmentStart...], as: UTF8.self))
    }

    private static func append(_ segment: ArraySlice<UInt8>, to target: inout [UInt8]) {
        if !target.isEmpty { target.append(UInt8(ascii: "/")) }
        target.append(contentsOf: segment)
    }
}
