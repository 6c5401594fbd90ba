/// One file's links, each resolved once: what a destination names (`LinkTarget`, with the page of
/// a relative `.md` link) and the `.html` link it becomes (`rewrite`). Rendering rewrites with it,
/// the body cache checks its entries with it, and the rendered links keep its targets, so the link
/// checks look up what each names instead of resolving every link again. Made for one body and
/// used by the thread that renders it.
final class BodyLinks: @unchecked Sendable {
    private let pages: ContentLinks.Pages
    private let contentPath: String
    private let page: PagePath
    /// The site's pages as `ContentLinks.shape` hashed them, when it did.
    let shape: BodyCache.Key?
    /// Destinations met so far, in the order first met, with what each names and rewrites to:
    /// rendering, the rendered links and the cache's check each ask for the same destinations in
    /// the same order, so a search starts after the last one found. A dictionary per body cost
    /// more than resolving its few links; past `indexedFrom` of them one indexes the list.
    private var resolved: [(destination: String, target: LinkTarget, rewrite: String?)] = []
    private var next = 0
    private var index: [String: Int]?
    private static let indexedFrom = 32

    init(pages: ContentLinks.Pages, contentPath: String, page: PagePath, shape: BodyCache.Key? = nil) {
        self.pages = pages
        self.shape = shape
        self.contentPath = contentPath
        self.page = page
    }

    /// What `destination` names.
    func target(of destination: String) -> LinkTarget {
        resolve(destination).target
    }

    /// The link to write instead of `destination`: the page's relative URL, when it names a page.
    func rewrite(_ destination: String) -> String? {
        resolve(destination).rewrite
    }

    private func resolve(_ destination: String) -> (target: LinkTarget, rewrite: String?) {
        if let found = place(of: destination) {
            next = found + 1
            return (resolved[found].target, resolved[found].rewrite)
        }
        let target = LinkTarget.of(destination, from: contentPath, page: page) { pages[$0] }
        var rewrite: String?
        if case .content(let named, page: let other?) = target { rewrite = page.link(to: other) + named.fragment }
        resolved.append((destination, target, rewrite))
        if index != nil {
            index![destination] = resolved.count - 1
        } else if resolved.count > Self.indexedFrom {
            index = Dictionary(resolved.enumerated().map { ($0.element.destination, $0.offset) }) { first, _ in first }
        }
        return (target, rewrite)
    }

    /// Where `destination` is in `resolved`: looked for from `next` on, around once.
    private func place(of destination: String) -> Int? {
        if let index { return index[destination] }
        let count = resolved.count
        var at = next < count ? next : 0
        for _ in 0 ..< count {
            if resolved[at].destination == destination { return at }
            at = at + 1 == count ? 0 : at + 1
        }
        return nil
    }
}
