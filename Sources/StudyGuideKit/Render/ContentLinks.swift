/// Links between content files written as plain Markdown paths
/// (`../distributed-systems/cap-theorem.md#trade-offs`), which already work on GitHub,
/// become links between the generated pages.
struct ContentLinks: Sendable {
    /// Content path (`databases/indexes.md`) → the page it becomes.
    let pages: Pages
    /// A hash of that mapping, when asked for: a body kept by a build with the same one rewrites
    /// its links as it did then (`BodyCache`).
    let shape: BodyCache.Key?

    init(site: Site, hashingShape: Bool = false) {
        pages = Pages(site: site)
        shape = hashingShape ? Self.shape(of: site) : nil
    }

    /// Every file's page: each introduction's and guide's content path and page, then each
    /// question's category, file name and slug, which its content path and page are made of, in
    /// site order. Hashed where they are: a document and two paths made per question cost more
    /// than the rest of a cached build's resolving.
    private static func shape(of site: Site) -> BodyCache.Key {
        var hash = StableHash()
        for document in site.pageDocuments {
            hash.add(document.contentPath.utf8)
            hash.add(document.page.path.utf8)
        }
        for question in site.questions {
            hash.add(question.category.utf8)
            hash.add(question.fileSlug.utf8)
            hash.add(question.slug.utf8)
        }
        return hash.key
    }

    /// The pages of content files, looked up by content path. Questions are found through a
    /// table of their places in the site, not a dictionary of path strings: at 100,000 questions
    /// that held 24 MB of strings for what 0.8 MB of indices says.
    struct Pages: Sendable {
        /// Introductions, guides and the two pages that exist without a file.
        private let others: [String: PagePath]
        private let questions: [Question]
        /// Open addressing: a question's index, or -1; a third more slots than questions.
        private let slots: [Int32]
        /// The high half of each slot's content path's hash: a probe compares it before the path,
        /// whose comparison reads three of the question's strings (a retain and a release each).
        private let tags: [UInt32]

        init(site: Site) {
            var others: [String: PagePath] = [:]
            for document in site.pageDocuments where others[document.contentPath] == nil { others[document.contentPath] = document.page }
            // The home page and the guides list exist without an introduction file, and links to them work.
            others["_index.md"] = .home
            others["guides/_index.md"] = .guidesIndex
            self.others = others
            questions = site.questions
            var slots = [Int32](repeating: -1, count: questions.count + questions.count / 3 + 1)
            var tags = [UInt32](repeating: 0, count: slots.count)
            for (index, question) in questions.enumerated() {
                let contentPath = question.contentPath
                guard others[contentPath] == nil else { continue }
                let (start, tag) = Self.place(of: contentPath, in: slots.count)
                var slot = start
                while slots[slot] >= 0, tags[slot] != tag || !questions[Int(slots[slot])].hasContentPath(contentPath) {
                    slot = slot + 1 == slots.count ? 0 : slot + 1
                }
                if slots[slot] < 0 {  // the first of two files with one path wins
                    slots[slot] = Int32(index)
                    tags[slot] = tag
                }
            }
            self.slots = slots
            self.tags = tags
        }

        /// The hash's low half scaled to the table (multiply-shift: no division on the way), and its high half.
        private static func place(of contentPath: String, in count: Int) -> (slot: Int, tag: UInt32) {
            let hash = hash(contentPath)
            return (Int((UInt64(UInt32(truncatingIfNeeded: hash)) &* UInt64(count)) >> 32), UInt32(truncatingIfNeeded: hash >> 32))
        }

        /// Paths are compared byte for byte (`Question.hasContentPath`), so they are hashed so too:
        /// FNV-1a over the bytes, then a final mix, from a seed of this process's (no file names a
        /// contributor can choose pile up in one slot). `Hasher` hashed a String's normalised
        /// form, at several times the cost, for every link of the site.
        private static func hash(_ contentPath: String) -> UInt64 {
            var path = contentPath
            var hash = seed
            path.withUTF8 { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            hash ^= hash >> 33
            hash &*= 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 33
            hash &*= 0xc4ce_b9fe_1a85_ec53
            return hash ^ (hash >> 33)
        }

        private static let seed = 0xcbf2_9ce4_8422_2325 ^ UInt64.random(in: 0 ... .max)

        subscript(contentPath: String) -> PagePath? {
            // Most links name questions; a question's path never names another page's file
            // (introductions are `_index.md`, guides live in `guides/`), so the order is free.
            let (start, tag) = Self.place(of: contentPath, in: slots.count)
            var slot = start
            while slots[slot] >= 0 {
                if tags[slot] == tag {
                    let question = questions[Int(slots[slot])]
                    if question.hasContentPath(contentPath) { return question.path }
                }
                slot = slot + 1 == slots.count ? 0 : slot + 1
            }
            return others[contentPath]
        }

        /// Every content path that has a page, for did-you-mean hints.
        var contentPaths: [String] { Array(others.keys) + questions.map(\.contentPath) }
    }

    /// What a relative Markdown link names: a content file and a `#fragment` (empty, or `#` and more).
    struct Target: Sendable, Equatable {
        let contentPath: String
        let fragment: String
    }

    /// The links of one file, resolved as it is rendered: relative `.md` destinations that name a
    /// page become relative `.html` links from `page`; anything else is left alone.
    func links(from contentPath: String, page: PagePath) -> BodyLinks {
        BodyLinks(pages: pages, contentPath: contentPath, page: page, shape: shape)
    }

    /// The content path a relative Markdown link names, and its `#fragment`; nil for
    /// external, absolute or non-Markdown destinations, and for one that climbs out of `content/`.
    /// A build resolves each link once (`BodyLinks`).
    static func resolve(_ link: UnsafeBufferPointer<UInt8>, from contentPath: String) -> Target? {
        let fragmentStart = link.firstIndex(of: UInt8(ascii: "#")) ?? link.count
        guard fragmentStart >= 3, link[fragmentStart - 3] == UInt8(ascii: "."), link[fragmentStart - 2] == UInt8(ascii: "m"),
              link[fragmentStart - 1] == UInt8(ascii: "d"), link[0] != UInt8(ascii: "/"),
              !UnsafeBufferPointer(rebasing: link[..<fragmentStart]).contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "?") }),
              let path = join(UnsafeBufferPointer(rebasing: link[..<fragmentStart]), toFolderOf: contentPath, pastRoot: .fails) else {
            return nil
        }
        return Target(contentPath: path, fragment: String(decoding: UnsafeBufferPointer(rebasing: link[fragmentStart...]), as: UTF8.self))
    }

    /// What a `..` above the site's root does: ends the walk (a `.md` link names no content file),
    /// or stays at the root (as a browser resolves it).
    enum PastRoot {
        case fails, staysAtRoot
    }

    /// `relative` joined to the folder of `base` (a path from the site's root), `.` and `..`
    /// folded, on bytes: every segment of `base` but its last, then each of `relative`'s.
    static func join(_ relative: UnsafeBufferPointer<UInt8>, toFolderOf base: String, pastRoot: PastRoot) -> String? {
        let slash = UInt8(ascii: "/")
        var base = base
        return base.withUTF8 { from -> String? in
            var path: [UInt8] = []
            path.reserveCapacity(from.count + relative.count)
            var start = 0
            var pending: Range<Int>?
            for index in 0 ... from.count where index == from.count || from[index] == slash {
                if index > start {
                    if let segment = pending { append(UnsafeBufferPointer(rebasing: from[segment]), to: &path) }
                    pending = start ..< index
                }
                start = index + 1
            }
            start = 0
            for index in 0 ... relative.count where index == relative.count || relative[index] == slash {
                defer { start = index + 1 }
                let segment = UnsafeBufferPointer(rebasing: relative[start ..< index])
                if segment.isEmpty || (segment.count == 1 && segment[0] == UInt8(ascii: ".")) { continue }
                if segment.count == 2, segment[0] == UInt8(ascii: "."), segment[1] == UInt8(ascii: ".") {
                    if path.isEmpty {
                        if pastRoot == .fails { return nil }
                        continue
                    }
                    path.removeSubrange((path.lastIndex(of: slash) ?? 0)...)
                    continue
                }
                append(segment, to: &path)
            }
            return String(decoding: path, as: UTF8.self)
        }
    }

    private static func append(_ segment: UnsafeBufferPointer<UInt8>, to path: inout [UInt8]) {
        if !path.isEmpty { path.append(UInt8(ascii: "/")) }
        path.append(contentsOf: segment)
    }
}

/// The content files that rendered bodies link to (`../databases/indexes.md#x` → `databases/indexes.md`).
enum LinkTargets {
    static func of(_ bodies: [String: RenderedBody]) -> Set<String> {
        var targets: Set<String> = []
        for body in bodies.values {
            for link in body.links {
                if let target = link.content { targets.insert(target.contentPath) }
            }
        }
        return targets
    }
}
