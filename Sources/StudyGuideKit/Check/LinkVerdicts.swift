/// What the link checks found of answers, kept between builds in the body cache: a mark that
/// every link of a body checked out against the site's pages, listings and files as they are now.
/// A build after a one-file edit then checks the links of the answers that changed rather than
/// every link of the site, and never decodes the others' links (`StoredBodyHead`).
///
/// A mark is the body's cache key hashed with everything else a link's check reads: the pages of
/// the content files (`ContentLinks.shape`), the listings and fixed pages, and the other files of
/// `content/`. Only a body without links to another page's heading is marked: whether such a
/// heading exists depends on that page, and those links are checked at the end of every build.
struct LinkVerdicts: Sendable {
    private let cache: BodyCache
    private let targets: BodyCache.Key

    /// nil when the links have no shape (a build without a cache).
    init?(cache: BodyCache?, site: Site, links: ContentLinks) {
        guard let cache, let shape = links.shape else { return nil }
        self.cache = cache
        var hash = StableHash()
        hash.add(Array("link verdicts 1\n".utf8))
        hash.add(shape)
        var bytes: [UInt8] = []
        for listing in site.listingPages {
            bytes.appendText(listing.path)
        }
        bytes.append(0)
        for asset in site.assets.keys.sorted() { bytes.appendText(asset) }
        hash.add(bytes)
        targets = hash.key
    }

    /// Whether every link of `body` checked out in an earlier build against the same targets (the
    /// mark is kept for the next build).
    func checkedClean(_ body: RenderedBody) -> Bool {
        guard let key = body.cacheKey else { return false }
        return cache.keepIfHeld(mark(of: key))
    }

    /// Marks `body`, whose links all checked out, none of them to another page's heading.
    func noteClean(_ body: RenderedBody) {
        guard let key = body.cacheKey else { return }
        cache.storeBlob([], for: mark(of: key))
    }

    private func mark(of body: BodyCache.Key) -> BodyCache.Key {
        var hash = StableHash()
        hash.add(targets)
        hash.add(body)
        return hash.key
    }
}
