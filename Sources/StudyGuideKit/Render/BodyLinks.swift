/// One file's links, each resolved once: what a relative `.md` destination names (`target`) and
/// the `.html` link it becomes (`rewrite`). Rendering rewrites with it, the body cache checks its
/// entries with it, and the rendered links keep its targets, so the link checks read them instead
/// of resolving every link again. Made for one body and used by the thread that renders it.
final class BodyLinks: @unchecked Sendable {
    private let pages: ContentLinks.Pages
    private let contentPath: String
    private let page: PagePath
    /// Destinations met so far; a body names most of them once, a few several times.
    private var resolved: [String: ContentLinks.Target?] = [:]

    init(pages: ContentLinks.Pages, contentPath: String, page: PagePath) {
        self.pages = pages
        self.contentPath = contentPath
        self.page = page
    }

    /// The content file and fragment `destination` names; nil when it is not a relative `.md` link.
    func target(of destination: String) -> ContentLinks.Target? {
        if let known = resolved[destination] { return known }
        let target = ContentLinks.resolve(destination, from: contentPath)
        resolved[destination] = target
        return target
    }

    /// The link to write instead of `destination`: the page's relative URL, when it names a page.
    func rewrite(_ destination: String) -> String? {
        guard let target = target(of: destination), let path = pages[target.contentPath] else { return nil }
        return page.link(to: path) + target.fragment
    }
}
