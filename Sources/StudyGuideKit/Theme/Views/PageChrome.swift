/// What every page shares: the document head, header, navigation and footer.
/// Templates see these strings only; Mustache escapes them.
final class PageChrome: Sendable {
    struct NavLink: Sendable {
        let title: String
        let href: String
        let current: Bool
    }

    let siteTitle: String
    let siteDescription: String
    let language: String
    /// The `<title>` of the page.
    let documentTitle: String
    let description: String
    let canonical: String?
    let feed: String?
    let pageKind: String
    let home: String
    let search: String
    let tags: String
    let guides: String
    let stylesheet: String
    let printStylesheet: String
    let script: String
    /// The way back to the site root: scripts load index files relative to it.
    let root: String
    let searchScripts: [String]
    let searchManifest: String
    let searchUI: String
    let practice: String
    let interview: String
    let studyScript: String
    /// The localStorage prefix for study progress (see StudyDataBuilder.storageKey).
    let storageKey: String
    let practiceCurrent: Bool
    let interviewCurrent: Bool
    let categories: [NavLink]
    let guidesCurrent: Bool
    let tagsCurrent: Bool
    let searchCurrent: Bool

    init(site: Site, page: PagePath, title: String?, description: String?, kind: String, currentCategory: String? = nil) {
        siteTitle = site.config.title
        siteDescription = site.config.description
        language = site.config.language
        documentTitle = title.map { "\($0) · \(site.config.title)" } ?? site.config.title
        self.description = description ?? site.config.description
        canonical = site.config.baseURL.map { $0 + (page == .home ? "" : page.path) }
        feed = site.config.baseURL == nil ? nil : page.link(to: PagePath("feed.xml"))
        pageKind = kind
        home = page.link(to: .home)
        search = page.link(to: .search)
        tags = page.link(to: .tagsIndex)
        guides = page.link(to: .guidesIndex)
        stylesheet = page.link(to: .asset("style.css"))
        printStylesheet = page.link(to: .asset("print.css"))
        script = page.link(to: .asset("site.js"))
        root = page.rootPrefix
        searchScripts = ["search-tokenizer.js", "search-engine.js"].map { page.link(to: .asset($0)) }
        searchManifest = page.link(to: .searchManifest)
        searchUI = page.link(to: .asset("search-ui.js"))
        practice = page.link(to: .practice)
        interview = page.link(to: .interview)
        studyScript = page.link(to: .asset("study.js"))
        storageKey = StudyDataBuilder.storageKey(for: site.config)
        practiceCurrent = kind == "practice"
        interviewCurrent = kind == "interview"
        categories = site.categories.map {
            NavLink(title: $0.category.title, href: page.link(to: $0.path), current: $0.category.slug == currentCategory)
        }
        guidesCurrent = kind == "guide" || kind == "guides"
        tagsCurrent = kind == "tag" || kind == "tags"
        searchCurrent = kind == "search"
    }
}
