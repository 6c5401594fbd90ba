/// The heading ids of every page of a site, as one sorted array of hashes of (page, id): what
/// link checks need of a page that is no longer in memory, at eight bytes a heading. A build
/// adds each batch's headings as it renders them and checks links to other pages' headings at
/// the end against this.
struct HeadingIndex: Sendable {
    private var hashes: [Int] = []
    private var isSorted = true

    mutating func add(_ ids: some Sequence<String>, of contentPath: String) {
        for id in ids {
            // Grown by an eighth, not doubled: the index is held to the end of the build, and a
            // doubled array is on average a quarter empty (at 100,000 questions, 4 MB of nothing).
            if hashes.count == hashes.capacity { hashes.reserveCapacity(hashes.count + max(4096, hashes.count / 8)) }
            hashes.append(Self.hash(id, contentPath))
        }
        isSorted = false
    }

    /// Sorts what was added, once, before lookups.
    mutating func seal() {
        guard !isSorted else { return }
        hashes.sort()
        isSorted = true
    }

    /// Whether `contentPath` has a heading `id` (a hash collision could say yes wrongly: one chance
    /// in 2^64 per heading, against no chance at all of holding a large site's headings in memory).
    func contains(_ id: String, in contentPath: String) -> Bool {
        precondition(isSorted, "seal() the index before looking it up")
        let hash = Self.hash(id, contentPath)
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }

    private static func hash(_ id: String, _ contentPath: String) -> Int {
        var hasher = Hasher()
        hasher.combine(contentPath)
        hasher.combine(id)
        return hasher.finalize()
    }
}

/// Where the link rule finds the heading ids that `#fragment`s name.
struct AnchorTargets: Sendable {
    /// Whether the page of `contentPath` has a heading `id`.
    let contains: @Sendable (_ id: String, _ contentPath: String) -> Bool
    /// Every heading id of the page, for a suggestion when an anchor names none (a broken link is
    /// rare, so this may be slow).
    let ids: @Sendable (_ contentPath: String) -> [String]

    /// The headings of rendered bodies.
    static func headings(of bodies: [String: RenderedBody]) -> AnchorTargets {
        let ids: @Sendable (String) -> [String] = { (bodies[$0]?.headings ?? []).map(\.id) }
        return AnchorTargets(contains: { id, path in bodies[path]?.headings.contains { $0.id == id } ?? false }, ids: ids)
    }
}
