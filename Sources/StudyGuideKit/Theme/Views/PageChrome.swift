/// What every page shares: the document head, header, navigation and footer.
/// Templates see these strings only; Mustache escapes them.
final class PageChrome: Sendable {
    final class NavLink: Sendable {
        let title: String
        let href: String
        let current: Bool

        init(title: String, href: String, current: Bool) {
            self.title = title
            self.href = href
            self.current = current
        }
    }

    /// The links of the chrome depend only on the folder a page is in, so every page of a
    /// folder shares one set, made once (thousands of pages share a dozen folders).
    final class FolderLinks: Sendable {
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
        /// The theme's words for the scripts (`ThemeStrings.scriptPath`), if the build writes them.
        let scriptStrings: String
        let feed: String?
        /// The script that registers the offline app on http(s); nil when `offline: false`.
        let offlineScript: String?
        /// The localStorage prefix for study progress (see StudyDataBuilder.storageKey).
        let storageKey: String
        /// The category menu, each entry with its category's slug; none is marked current.
        let categories: [(slug: String, link: NavLink)]

        init(site: Site, page: PagePath) {
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
            scriptStrings = page.link(to: PagePath(ThemeStrings.scriptPath))
            feed = site.config.baseURL == nil ? nil : page.link(to: PagePath("feed.xml"))
            offlineScript = site.config.offline == nil ? nil : page.link(to: .asset("offline.js"))
            storageKey = StudyDataBuilder.storageKey(for: site.config)
            categories = site.categories.map {
                ($0.category.slug, NavLink(title: $0.category.title, href: page.link(to: $0.path), current: false))
            }
        }
    }

    let links: FolderLinks
    let siteTitle: String
    let siteDescription: String
    let language: String
    /// `dir="rtl"` on the page, for languages written right to left.
    let rightToLeft: Bool
    /// The script holding the theme's words, loaded before the others; nil when the scripts' own
    /// English is the site's.
    let scriptStrings: String?
    /// The `<title>` of the page.
    let documentTitle: String
    let description: String
    let canonical: String?
    let pageKind: String
    let practiceCurrent: Bool
    let interviewCurrent: Bool
    let categories: [NavLink]
    let guidesCurrent: Bool
    let tagsCurrent: Bool
    let searchCurrent: Bool

    /// `links` must have been made for the folder `page` is in; nil makes them here.
    init(site: Site, page: PagePath, strings: ThemeStrings, links: FolderLinks? = nil, title: String?, description: String?,
         kind: String, currentCategory: String? = nil) {
        let links = links ?? FolderLinks(site: site, page: page)
        self.links = links
        siteTitle = site.config.title
        siteDescription = site.config.description
        language = site.config.language
        rightToLeft = strings.isRightToLeft
        scriptStrings = strings.scriptTable == nil ? nil : links.scriptStrings
        documentTitle = title.map { "\($0) · \(site.config.title)" } ?? site.config.title
        self.description = description ?? site.config.description
        canonical = site.config.baseURL.map { $0 + (page == .home ? "" : page.path) }
        pageKind = kind
        practiceCurrent = kind == "practice"
        interviewCurrent = kind == "interview"
        categories = links.categories.map { entry in
            entry.slug == currentCategory ? NavLink(title: entry.link.title, href: entry.link.href, current: true) : entry.link
        }
        guidesCurrent = kind == "guide" || kind == "guides"
        tagsCurrent = kind == "tag" || kind == "tags"
        searchCurrent = kind == "search"
    }
}
