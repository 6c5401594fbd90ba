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
    /// Destinations met so far, with what each names and rewrites to: rendering, the cache's
    /// check and the stored links each ask for the same destinations.
    private var resolved: [String: (target: LinkTarget, rewrite: String?)] = [:]

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
        if let known = resolved[destination] { return known }
        let target = LinkTarget.of(destination, from: contentPath, page: page) { pages[$0] }
        var rewrite: String?
        if case .content(let named, page: let other?) = target { rewrite = page.link(to: other) + named.fragment }
        resolved[destination] = (target, rewrite)
        return (target, rewrite)
    }
}
