/// Which files the service worker downloads on the first visit, so that they open offline; every
/// other page is kept when it is visited. A 10,000-question site is 500 MB: precaching all of it
/// would cost a phone that much on the first visit, so the list is filled in order of use until
/// the size budget (`offline.precache_limit_mb`) is spent:
///
/// 1. the app shell, always: the fixed pages (home, search, practice, mock interview, tags, guides,
///    404), every file under `assets/` and the manifest;
/// 2. the search index (`search/`), whole or not at all: half an index answers wrongly;
/// 3. the study data (`study/`), whole or not at all, for the same reason;
/// 4. pages: category and guide pages, then questions in site order, then tag pages, each that
///    still fits;
/// 5. any other file that still fits (images beside pages), by path.
///
/// The Anki decks (`anki/`) are downloads, never cached; nor are the feed, sitemap and robots.txt.
enum PrecachePolicy {
    /// The paths to precache, in the order above. `sizes` holds every file the build wrote;
    /// `pages` is the site's pages in render order (`Site.pagePaths`).
    static func choose(sizes: [PagePath: Int], pages: [PagePath], limit: Int) -> [PagePath] {
        var chosen: [PagePath] = []
        var taken: Set<PagePath> = []
        var total = 0
        func take(_ path: PagePath) {
            guard let size = sizes[path], taken.insert(path).inserted else { return }
            chosen.append(path)
            total += size
        }
        // One pass sorts the files into their groups; only the small groups are sorted (at 10,000
        // questions, sorting every path cost more than the rest of the choice).
        var groups: [String: [PagePath]] = [:]
        for path in sizes.keys where !isExcluded(path) {
            let folder = path.path.firstIndex(of: "/").map { String(path.path[..<$0]) } ?? ""
            switch folder {
            case "assets", "search", "study": groups[folder, default: []].append(path)
            default: if !path.path.hasSuffix(".html") { groups["other", default: []].append(path) }
            }
        }
        for path in Site.fixedPages { take(path) }
        take(OfflineApp.manifestPath)
        groups["assets", default: []].sorted().forEach(take)

        for folder in ["search", "study"] {
            let group = groups[folder, default: []].sorted()
            let size = group.reduce(0) { $0 + sizes[$1]! }
            if total + size <= limit { group.forEach(take) }
        }

        func takeIfItFits(_ path: PagePath) {
            guard let size = sizes[path], !taken.contains(path), total + size <= limit else { return }
            take(path)
        }
        pages.filter(isListOrGuide).forEach(takeIfItFits)
        pages.filter { !isListOrGuide($0) }.forEach(takeIfItFits)
        groups["other", default: []].sorted().forEach(takeIfItFits)
        return chosen
    }

    /// Category lists (`<category>/index.html`) and guides come before questions.
    private static func isListOrGuide(_ page: PagePath) -> Bool {
        page.path.hasSuffix("/index.html") || page.path.hasPrefix("guides/")
    }

    /// Never precached: downloads, files for crawlers and feed readers, and the worker itself.
    static func isExcluded(_ path: PagePath) -> Bool {
        path.path.hasPrefix("anki/") || path == OfflineApp.workerPath
            || ["feed.xml", "sitemap.xml", "robots.txt"].contains(path.path)
    }
}
