/// Which files the service worker downloads on the first visit, so that they open offline; every
/// other page is kept when it is visited. A 10,000-question site is 500 MB: precaching all of it
/// would cost a phone that much on the first visit, so the list is filled in order of use until
/// the size budget (`offline.precache_limit_mb`) is spent:
///
/// 1. the app shell, always: the fixed pages (home, search, practice, mock interview, tags, guides,
///    404), every file under `assets/` and the manifest;
/// 2. the search index (`search/`), whole or not at all: half an index answers wrongly;
/// 3. the study data (`study/`), whole or not at all, for the same reason;
/// 4. pages: category and guide pages, then questions in site order, then tag pages, then other
///    files (images beside pages), in that order until one does not fit.
///
/// The Anki decks (`anki/`) are downloads, never cached; nor are the feed, sitemap and robots.txt.
/// The choice stops at the budget, so its cost follows the budget rather than the site's size.
enum PrecachePolicy {
    /// The paths to precache, in the order above. `sizes` holds every file the build wrote, or
    /// every one but its HTML pages, whose sizes `pageSize` gives then (read from disk: the choice
    /// stops at the budget, so it asks for a few of a large site's pages);
    /// `pages` is the site's pages other than the fixed ones, in the order of step 4.
    static func choose(sizes: [PagePath: Int], pageSize: (PagePath) -> Int? = { _ in nil }, pages: some Sequence<PagePath>,
                       limit: Int) -> [PagePath] {
        chosen(sizes: sizes, pageSize: pageSize, pages: pages, limit: limit).map(\.path)
    }

    /// `choose`'s paths with the size of each, so that a page's is read from disk once.
    static func chosen(sizes: [PagePath: Int], pageSize: (PagePath) -> Int? = { _ in nil }, pages: some Sequence<PagePath>,
                       limit: Int) -> [(path: PagePath, size: Int)] {
        var chosen: [(path: PagePath, size: Int)] = []
        var taken: Set<PagePath> = []
        var total = 0
        func size(of path: PagePath) -> Int? { sizes[path] ?? pageSize(path) }
        func take(_ path: PagePath) { take(path, size: nil) }
        func take(_ path: PagePath, size known: Int?) {
            guard let size = known ?? size(of: path), taken.insert(path).inserted else { return }
            chosen.append((path, size))
            total += size
        }
        // One pass over the written files by their first bytes; pages are found from the site instead.
        var assets: [PagePath] = [], search: [PagePath] = [], study: [PagePath] = [], other: [PagePath] = []
        var searchSize = 0, studySize = 0
        for (path, size) in sizes {
            let bytes = path.path.utf8
            if path.isHTML { continue }  // most files: step 4
            if bytes.starts(with: "assets/".utf8) { assets.append(path) }
            else if bytes.starts(with: "search/".utf8) { search.append(path); searchSize += size }
            else if bytes.starts(with: "study/".utf8) { study.append(path); studySize += size }
            else if !isExcluded(path) { other.append(path) }
        }
        for path in Site.fixedPages { take(path) }
        take(OfflineApp.manifestPath)
        assets.sorted().forEach(take)
        // Sorted only when taken: at 10,000 questions the index alone is 2,000 files.
        if total + searchSize <= limit { search.sorted().forEach(take) }
        if total + studySize <= limit { study.sorted().forEach(take) }

        for path in pages {
            guard let size = size(of: path) else { continue }
            if taken.contains(path) { continue }
            guard total + size <= limit else { return chosen }
            take(path, size: size)
        }
        for path in other.sorted() {
            guard total + sizes[path]! <= limit else { break }
            take(path)
        }
        return chosen
    }

    /// Step 4's pages of `site`, made one at a time as the choice asks for them.
    static func pages(of site: Site) -> some Sequence<PagePath> {
        let lists = site.categories.map(\.path) + site.guides.map(\.path)
        return lists.lazy.map { $0 }
            .chained(with: site.questions.lazy.map(\.path))
            .chained(with: site.tags.lazy.map(\.path))
    }

    /// Never precached: downloads, files for crawlers and feed readers, and the worker itself.
    static func isExcluded(_ path: PagePath) -> Bool {
        path.path.hasPrefix("anki/") || path == OfflineApp.workerPath
            || ["feed.xml", "sitemap.xml", "robots.txt"].contains(path.path)
    }
}

private extension Sequence {
    /// This sequence, then `next`.
    func chained<Next: Sequence>(with next: Next) -> some Sequence<Element> where Next.Element == Element {
        [AnySequence(self), AnySequence(next)].joined()
    }
}
