/// The bytes of the files a site is made from, hashed as they were read (only in a build with a
/// cache): `site.yml` with the options that change what it says, and each content file by path.
struct SourceHashes: Sendable {
    let config: BodyCache.Key
    /// Content path → the hash of the file's bytes.
    let files: [String: BodyCache.Key]
}

/// The fingerprint of everything a page shows, worked out without rendering it, so that a build
/// with a cache can link the page from the previous output when nothing it shows has changed
/// (`OutputLedger`). Made of whole files, which over-approximates what a page reads: a page is
/// rendered again when a file it shows anything of changed at all, never kept when it did.
///
/// - Every page: this program (which carries the built-in theme and the grammars), `site.yml`, the
///   theme's templates and words, and the site's shape: every page's path, which links between
///   files rewrite to; the files that are not questions (category introductions, guides), whose
///   titles the navigation and badges show; the other files of `content/`, which links may name.
/// - A question's page: its own file, its neighbours' (their titles and paths) and those its
///   `related` names.
/// - A category's or a tag's page, a chunk of study cards, a category's Anki deck: the files of
///   the questions it holds, in order.
///
/// The few other pages (home and the tag index, which count or sample every question; the
/// guides; search, practice, interview, 404) are always rendered, and kept when their bytes are
/// the same.
struct PageFingerprints: Sendable {
    typealias Fingerprint = BodyCache.Key

    private let files: [String: Fingerprint]
    /// Each question's file, its content path and bytes hashed together, by place in
    /// `site.questions`: a question's page shows half a dozen and a category's thousands, looked up
    /// by place rather than by hashing their paths again.
    private let questionFiles: [Fingerprint]
    private let common: Fingerprint

    /// nil when the site's sources were not hashed (a build without a cache). `shape`: every
    /// file's page, as `ContentLinks` hashed it.
    init?(site: Site, theme: Theme, shape: BodyCache.Key?) {
        guard let sources = site.sources, let shape else { return nil }
        files = sources.files
        var hash = StableHash()
        hash.add(BodyCache.renderer)
        hash.add(sources.config)
        hash.add(theme.identity)
        hash.add(shape)
        for document in site.pageDocuments {
            hash.add(document.contentPath.utf8)
            hash.add(sources.files[document.contentPath])
        }
        for asset in site.assets.keys.sorted() { hash.add(asset.utf8) }
        common = hash.key
        questionFiles = site.questions.map { question in
            let path = question.contentPath
            var hash = StableHash()
            hash.add(path.utf8)
            hash.add(sources.files[path])
            return hash.key
        }
    }

    /// The page `kind` (unique per page) made from the files at `contentPaths`, then from the
    /// questions at `places` in `site.questions`, in order; nil stands for a place without a
    /// question (no previous one, a `related` entry that names nothing).
    func page(_ kind: String, showing contentPaths: [String] = [], questions places: some Sequence<Int?>) -> Fingerprint {
        var hash = StableHash()
        hash.add(common)
        hash.add(kind.utf8)
        for path in contentPaths {
            hash.add(path.utf8)
            hash.add(files[path])
        }
        for place in places { hash.add(place.map { questionFiles[$0] }) }
        return hash.key
    }
}
