internal import Foundation
internal import Synchronization
internal import StudyGuideMarkdown

/// Rendered Markdown bodies kept between builds (`build --cache DIR`, and `serve`'s full builds),
/// so that a build after an edit renders again only what changed: cmark-gfm and the tree walk
/// are the largest part of a build.
///
/// A body is found by a 128-bit hash of everything its rendering reads: its bytes, its file, its
/// page, where it starts in the file, raw HTML and highlighting on or off, and this program and cmark-gfm
/// themselves (a new `studyguide` never reuses an old one's HTML). What the body's links rewrite
/// to depends on the rest of the site, so each entry keeps the rewrite of every link and is used
/// only when the links rewrite the same way now.
///
/// Two files in the folder: `bodies.pack` (entries, appended) and `bodies.index` (key → place and
/// checksum of each live entry). The index is written to a temporary file and renamed, after
/// the pack is flushed; an entry whose checksum does not match, or a file that cannot be read,
/// is a miss, so a damaged or foreign cache costs a render, never a wrong page. When dead entries
/// make up most of the pack, it is written again with the live ones only.
final class BodyCache: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        let high: UInt64
        let low: UInt64

        /// A key is a `StableHash` already: its bits are a hash that dictionaries may use as they
        /// are. Hashing them again with SipHash, for each of the hundreds of thousands of lookups of
        /// a cached build, was a tenth of its time (the standard library's own integers answer here).
        func _rawHashValue(seed: Int) -> Int {
            Int(truncatingIfNeeded: low ^ UInt64(UInt(bitPattern: seed)))
        }
    }

    private struct Entry {
        let offset: Int
        let count: Int
        let checksum: UInt64
    }

    /// Where the cache lives: other kept state of a build goes beside its files (`PostingsStore`).
    let folder: String
    private let lock = NSLock()
    /// What the previous build left, read at open and never changed after: read without the lock.
    /// Entries used this build move to `live`.
    private let previous: [Key: Entry]
    /// The pack as opened, which holds every entry of `previous` (below `previousSize`): those are
    /// read without the lock (two workers asking for ten thousand bodies made the lock a queue).
    private let previousPack: Int32
    private let previousSize: Int
    /// Entries of `previous` stored again by this build (one that did not read back, or whose links
    /// now rewrite otherwise): once there is one, `live` is looked at first, under the lock.
    private let replaced = Atomic<Int>(0)
    private var live: [Key: Entry] = [:]
    private var pack: Int32 = -1
    private var packSize = 0
    private var hitCount = 0
    private var missCount = 0
    private var lostTextPaths: [String] = []
    var hits: Int { lock.withLock { hitCount } }
    var misses: Int { lock.withLock { missCount } }

    private static let magic = Array("studyguide-bodies-2\n".utf8)

    /// Opens (or starts) the cache in `folder`; nil when the folder cannot be made or written,
    /// and the build goes on without it.
    init?(folder: String) {
        self.folder = folder
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        pack = open(folder + "/bodies.pack", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard pack >= 0 else { return nil }
        // One build at a time appends: another one running goes without the cache.
        guard flock(pack, LOCK_EX | LOCK_NB) == 0 else { return nil }
        var status = stat()
        guard fstat(pack, &status) == 0 else { return nil }
        packSize = Int(status.st_size)
        previous = Self.readIndex(folder + "/bodies.index", packSize: packSize)
        // Most entries are used again: room for them at once (growing rehashed every key, many times).
        live.reserveCapacity(previous.count)
        if previous.isEmpty, packSize > 0 {
            // A pack without a usable index holds nothing we can find: start it again.
            guard ftruncate(pack, 0) == 0 else { return nil }
            packSize = 0
        }
        previousPack = pack
        previousSize = packSize
    }

    deinit {
        if pack >= 0 { close(pack) }
    }

    /// What identifies this program's rendering: the executable (its size and change time) and
    /// cmark-gfm's version. Computed once.
    static let renderer: [UInt8] = {
        var status = stat()
        var identity = "cmark-gfm \(MarkdownRenderer.libraryVersion)"
        if stat("/proc/self/exe", &status) == 0 || stat(CommandLine.arguments.first ?? "", &status) == 0 {
            identity += " exe \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
        }
        return Array(identity.utf8)
    }()

    static func key(bytes: ArraySlice<UInt8>, contentPath: String, page: String, firstLine: Int, rawHTML: Bool, highlighted: Bool) -> Key {
        var hash = StableHash()
        hash.add(renderer)
        hash.add(contentPath.utf8)
        hash.add(page.utf8)
        hash.add(options(prefix: "", firstLine: firstLine, rawHTML: rawHTML, highlighted: highlighted))
        hash.add(bytes)
        return hash.key
    }

    /// The key of a body by its whole file's hash, taken when the file was parsed (the body is
    /// the part of the file after its front-matter, so the file's bytes decide it).
    static func key(file: Key, contentPath: String, page: String, firstLine: Int, rawHTML: Bool, highlighted: Bool) -> Key {
        var hash = StableHash()
        hash.add(renderer)
        hash.add(contentPath.utf8)
        hash.add(page.utf8)
        hash.add(options(prefix: "file ", firstLine: firstLine, rawHTML: rawHTML, highlighted: highlighted))
        hash.add(file)
        return hash.key
    }

    /// `"<prefix><firstLine> <rawHTML> <highlighted>"`, written out without string interpolation
    /// (which cost more than the rest of a key: every kept answer's key is made again each build).
    private static func options(prefix: StaticString, firstLine: Int, rawHTML: Bool, highlighted: Bool) -> [UInt8] {
        var bytes = Array(UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        bytes.appendDecimal(firstLine)
        bytes += rawHTML ? Array(" true".utf8) : Array(" false".utf8)
        bytes += highlighted ? Array(" true".utf8) : Array(" false".utf8)
        return bytes
    }

    /// The body stored under `key`, if its links rewrite now as they did; its locations are in `path`.
    /// With `render`, its HTML and text are read only when first asked for (`StoredBodyText`), and
    /// so are its excerpt, headings and links (`StoredBodyHead`) when it was stored with the same
    /// pages; `render` makes it again if they cannot be read back then.
    /// `keeping`: false when the caller keeps its hits itself, a batch at a time (`keep(hits:)`).
    func body(for key: Key, path: String, links: BodyLinks, lazily render: (@Sendable () -> RenderedBody)? = nil,
              keeping: Bool = true) -> RenderedBody? {
        let textKey = Self.textKey(key)
        // Known to rewrite its links with these pages (`ContentLinks.shape`) as it did when stored: its
        // excerpt, headings and links are read only when asked for, which a kept page never does.
        if let render, let shape = links.shape, holds(Self.shapeMark(key, shape)), holds(key), holds(textKey) {
            let renderedAgain = RenderedAgain()
            let head = StoredBodyHead { [self] in
                if let (_, bytes) = stored(key), let stored = StoredBody(decoding: bytes, path: path) {
                    return (stored.excerpt, stored.headings, stored.links)
                }
                let again = rendering(again: renderedAgain, key: key, links: links, render)
                return (again.excerpt, again.headings, again.links)
            }
            return kept(key, head: head, textKey: textKey, links: links, render: render, renderedAgain: renderedAgain, keeping: keeping,
                        shape: shape)
        }
        guard let (_, bytes) = stored(key) else { return miss() }
        var body: RenderedBody
        if let render {
            guard holds(textKey) else { return miss() }
            let head: StoredBodyHead
            let renderedAgain = RenderedAgain()
            if let shape = links.shape, StoredBody.shape(of: bytes) == shape {
                // Stored with the same pages (`ContentLinks.shape`): the links rewrite as they did then.
                head = StoredBodyHead { [self] in
                    if let stored = StoredBody(decoding: bytes, path: path) { return (stored.excerpt, stored.headings, stored.links) }
                    let again = rendering(again: renderedAgain, key: key, links: links, render)
                    return (again.excerpt, again.headings, again.links)
                }
            } else {
                guard let stored = StoredBody(decoding: bytes, path: path), stored.rewriteAsBefore(links) else { return miss() }
                head = StoredBodyHead { (stored.excerpt, stored.headings, stored.links) }
            }
            if let shape = links.shape { storeBlob([], for: Self.shapeMark(key, shape)) }
            return kept(key, head: head, textKey: textKey, links: links, render: render, renderedAgain: renderedAgain, keeping: keeping,
                        shape: nil)
        } else {
            guard let stored = StoredBody(decoding: bytes, path: path), stored.rewriteAsBefore(links),
                  let (html, plainText) = text(for: textKey) else { return miss() }
            body = RenderedBody(html: html, headings: stored.headings, plainText: plainText, links: stored.links, paragraphs: [])
            keep(hits: [key])
        }
        body.cacheKey = key
        return body
    }

    /// A body whose head and text are read when first asked for (`render` makes them again if they
    /// do not read back then).
    private func kept(_ key: Key, head: StoredBodyHead, textKey: Key, links: BodyLinks, render: @escaping @Sendable () -> RenderedBody,
                      renderedAgain: RenderedAgain, keeping: Bool, shape: Key?) -> RenderedBody {
        let storedText = StoredBodyText(head: head, read: { [self] in text(for: textKey) }, render: { [self] in
            rendering(again: renderedAgain, key: key, links: links, render).text.value
        })
        var body = RenderedBody(head: head, text: storedText)
        if keeping { keep(hits: [key], shape: shape) }
        body.cacheKey = key
        return body
    }

    /// `render`'s body, for a kept body whose head or text did not read back when asked for: counted
    /// once as rendered rather than taken from the cache, and stored in place of the one that did not
    /// read back.
    private func rendering(again: RenderedAgain, key: Key, links: BodyLinks, _ render: () -> RenderedBody) -> RenderedBody {
        let body = render()
        if again.first() {
            lock.withLock {
                hitCount -= 1
                missCount += 1
            }
            store(body, for: key, links: links)
        }
        return body
    }

    /// Whether a kept body was made again yet (its head and its text may each fail to read back).
    final class RenderedAgain: @unchecked Sendable {
        private let lock = NSLock()
        private var happened = false

        /// True the first time only.
        func first() -> Bool {
            lock.withLock {
                defer { happened = true }
                return !happened
            }
        }
    }

    private static let shapeMarkPrefix = Array("body shape\n".utf8)

    /// Marks the body under `key` as rewriting its links with the pages of `shape` as when it was
    /// stored: a mark of no bytes, found without reading anything.
    private static func shapeMark(_ key: Key, _ shape: Key) -> Key {
        var hash = StableHash()
        hash.add(shapeMarkPrefix)
        hash.add(key)
        hash.add(shape)
        return hash.key
    }

    /// Keeps the entries under `keys`, where there are some, for the next build without reading them: under one lock.
    func keep(_ keys: [Key]) {
        lock.withLock {
            for key in keys where live[key] == nil {
                if let entry = previous[key] { live[key] = entry }
            }
        }
    }

    /// Counts bodies found by `body(for:keeping: false)` under `keys`, and keeps them and their
    /// texts for the next build, with their marks for the pages of `shape`: under one lock for a batch.
    func keep(hits keys: [Key], shape: Key? = nil) {
        lock.withLock { hitCount += keys.count }
        keep(keys + keys.map(Self.textKey) + (shape.map { shape in keys.map { Self.shapeMark($0, shape) } } ?? []))
    }

    /// Whether something was kept under `key` by the previous build or this one, keeping it for
    /// the next (not read, not checked: for marks whose presence is all they say, `LinkVerdicts`).
    func keepIfHeld(_ key: Key) -> Bool {
        lock.withLock {
            guard let entry = live[key] ?? previous[key] else { return false }
            live[key] = entry
            return true
        }
    }

    /// The bodies whose kept text could not be read back, nor their files read again: the build
    /// must not use what it made of them.
    var lostTexts: [String] { lock.withLock { lostTextPaths.sorted() } }

    func noteLostText(of path: String) {
        lock.withLock { lostTextPaths.append(path) }
    }

    private func miss() -> RenderedBody? {
        lock.withLock { missCount += 1 }
        return nil
    }

    /// A body's HTML and plain text are kept apart from its headings and links, under this key.
    private static func textKey(_ key: Key) -> Key {
        var hash = StableHash()
        var bytes = Array("body text\n".utf8)
        bytes.appendFixed(key.high)
        bytes.appendFixed(key.low)
        hash.add(bytes)
        return hash.key
    }

    /// The HTML and plain text kept under `key`, when intact.
    private func text(for key: Key) -> (html: String, plainText: String)? {
        guard let (entry, bytes) = stored(key) else { return nil }
        var reader = ByteReader(bytes: bytes[...], at: 0)
        guard let html = reader.text(), let plainText = reader.text(), reader.isAtEnd else { return nil }
        lock.withLock { live[key] = entry }
        return (html, plainText)
    }

    /// Bytes kept under `key` by `storeBlob` (another kind of entry than a body: its key is made
    /// from other inputs), if the previous build or this one kept them and they are intact.
    /// `keeping`: false for bytes this build replaces (they are not kept for the next one).
    func blob(for key: Key, keeping: Bool = true) -> [UInt8]? {
        guard let (entry, bytes) = stored(key) else { return nil }
        if keeping { lock.withLock { live[key] = entry } }
        return bytes
    }

    private func storeText(html: String, plainText: String, for key: Key) {
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count + plainText.utf8.count + 10)
        text.appendText(html)
        text.appendText(plainText)
        storeBlob(text, for: key)
    }

    /// Whether the previous build or this one kept something under `key` (not read, not checked).
    func holds(_ key: Key) -> Bool {
        previous[key] != nil || lock.withLock { live[key] != nil }
    }

    /// Keeps `body` under `key`, with what its links rewrote to: its HTML and text first, so that
    /// its headings and links are never found without them.
    func store(_ body: RenderedBody, for key: Key, links: BodyLinks) {
        let (html, plainText) = body.text.value
        storeText(html: html, plainText: plainText, for: Self.textKey(key))
        storeBlob(StoredBody.encode(body, rewrites: body.links.map { links.rewrite($0.destination) }, shape: links.shape), for: key)
        if let shape = links.shape { storeBlob([], for: Self.shapeMark(key, shape)) }
    }

    /// Keeps `bytes` under `key`, appended to the pack.
    func storeBlob(_ bytes: [UInt8], for key: Key) {
        let checksum = StableHash.checksum(bytes[...])
        lock.withLock {
            guard pack >= 0, bytes.withUnsafeBytes({ ByteFile.write(pack, $0, at: packSize) }) else { return }
            if previous[key] != nil { replaced.add(1, ordering: .releasing) }
            live[key] = Entry(offset: packSize, count: bytes.count, checksum: checksum)
            packSize += bytes.count
        }
    }

    /// The entry under `key` and its bytes, when they are intact. The pack's size and descriptor
    /// are read under the lock with the entry: other threads append meanwhile.
    private func stored(_ key: Key) -> (Entry, [UInt8])? {
        // The previous build's entry, without the lock; one stored by this build under the same
        // key (the previous one did not read back) is found under it.
        if replaced.load(ordering: .acquiring) == 0, let entry = previous[key],
           let bytes = Self.read(entry, from: previousPack, size: previousSize) { return (entry, bytes) }
        let found: (entry: Entry, pack: Int32, size: Int)? = lock.withLock {
            (live[key] ?? previous[key]).map { ($0, pack, packSize) }
        }
        guard let found, let bytes = Self.read(found.entry, from: found.pack, size: found.size) else { return nil }
        return (found.entry, bytes)
    }

    /// Writes the index of the entries this build used; compacts the pack first when most of it is dead.
    func save() {
        lock.withLock {
            guard pack >= 0 else { return }
            let liveBytes = live.values.reduce(0) { $0 + $1.count }
            if packSize > 64 * 1024 * 1024, liveBytes * 2 < packSize { compact() }
            fsync(pack)
            var index: [UInt8] = []
            index.reserveCapacity(live.count * 40 + 10)
            index.appendVarint(live.count)
            // In the dictionary's order: the index is read back into a dictionary, and sorting its
            // tens of thousands of entries first cost more than writing them.
            for (key, entry) in live {
                index.appendFixed(key.high)
                index.appendFixed(key.low)
                index.appendVarint(entry.offset)
                index.appendVarint(entry.count)
                index.appendFixed(entry.checksum)
            }
            ChecksummedFile.write(folder + "/bodies.index", magic: Self.magic, content: index)
        }
    }

    /// The live entries copied into a new pack, renamed over the old one.
    private func compact() {
        let path = folder + "/bodies.pack.\(getpid()).partial"
        let fresh = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fresh >= 0 else { return }
        var moved: [Key: Entry] = [:]
        var size = 0
        for (key, entry) in live.sorted(by: { $0.value.offset < $1.value.offset }) {
            guard let bytes = Self.read(entry, from: pack, size: packSize), bytes.withUnsafeBytes({ ByteFile.write(fresh, $0, at: size) }) else {
                close(fresh)
                unlink(path)
                return
            }
            moved[key] = Entry(offset: size, count: entry.count, checksum: entry.checksum)
            size += entry.count
        }
        guard rename(path, folder + "/bodies.pack") == 0 else {
            close(fresh)
            unlink(path)
            return
        }
        close(pack)
        pack = fresh
        packSize = size
        live = moved
    }

    private static func read(_ entry: Entry, from pack: Int32, size packSize: Int) -> [UInt8]? {
        guard entry.offset + entry.count <= packSize else { return nil }
        var bytes = [UInt8](repeating: 0, count: entry.count)
        let complete = bytes.withUnsafeMutableBytes { ByteFile.read(pack, into: $0, at: entry.offset) }
        return complete && StableHash.checksum(bytes[...]) == entry.checksum ? bytes : nil
    }

    /// The index's entries, or none when it is missing, damaged or points past the pack.
    private static func readIndex(_ path: String, packSize: Int) -> [Key: Entry] {
        guard var reader = ChecksummedFile.read(path, magic: magic) else { return [:] }
        var entries: [Key: Entry] = [:]
        guard let count = reader.varint(), count < 10_000_000 else { return [:] }
        for _ in 0 ..< count {
            guard let high = reader.fixed(), let low = reader.fixed(), let offset = reader.varint(),
                  let length = reader.varint(), let checksum = reader.fixed(), offset + length <= packSize else { return [:] }
            entries[Key(high: high, low: low)] = Entry(offset: offset, count: length, checksum: checksum)
        }
        return entries
    }
}

/// What the cache keeps of a rendered body beside its text: the pages its links were rewritten
/// among (`ContentLinks.shape`), its excerpt, headings, and links with what each names and
/// rewrote to.
private struct StoredBody {
    let shape: BodyCache.Key
    let excerpt: String
    let headings: [RenderedBody.Heading]
    let links: [RenderedBody.Link]
    let rewrites: [String?]

    static func encode(_ body: RenderedBody, rewrites: [String?], shape: BodyCache.Key?) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendFixed(shape?.high ?? 0)
        bytes.appendFixed(shape?.low ?? 0)
        bytes.appendText(body.excerpt)
        bytes.appendVarint(body.headings.count)
        for heading in body.headings {
            bytes.appendVarint(heading.level)
            bytes.appendVarint(heading.location.line)
            bytes.appendVarint(heading.location.column)
            bytes.appendText(heading.text)
            bytes.appendText(heading.id)
        }
        bytes.appendVarint(body.links.count)
        for (link, rewrite) in zip(body.links, rewrites) {
            bytes.appendText(link.destination)
            bytes.append(link.isImage ? 1 : 0)
            bytes.appendVarint(link.location.line)
            bytes.appendVarint(link.location.column)
            bytes.append(rewrite == nil ? 0 : 1)
            if let rewrite { bytes.appendText(rewrite) }
            encode(link.target, into: &bytes)
        }
        return bytes
    }

    /// A link's target as a tag byte (0 for none) and its texts.
    private static func encode(_ target: LinkTarget?, into bytes: inout [UInt8]) {
        switch target {
        case nil: bytes.append(0)
        case .missing: bytes.append(1)
        case .anchor(let id):
            bytes.append(2)
            bytes.appendText(id)
        case .content(let named, let page):
            bytes.append(page == nil ? 3 : 4)
            bytes.appendText(named.contentPath)
            bytes.appendText(named.fragment)
            if let page { bytes.appendText(page.path) }
        case .generated(let page):
            bytes.append(5)
            bytes.appendText(page.path)
        case .file(let file):
            bytes.append(6)
            bytes.appendText(file)
        case .network: bytes.append(7)
        case .otherScheme: bytes.append(8)
        case .rootAbsolute: bytes.append(9)
        }
    }

    /// The target `encode` wrote (`.some(nil)` for none); nil when the bytes do not read back.
    private static func decodeTarget(_ reader: inout ByteReader) -> LinkTarget?? {
        guard let tag = reader.byte() else { return nil }
        switch tag {
        case 0: return .some(nil)
        case 1: return .missing
        case 2: return reader.text().map { .anchor($0) }
        case 3, 4:
            guard let contentPath = reader.text(), let fragment = reader.text() else { return nil }
            var page: PagePath?
            if tag == 4 {
                guard let path = reader.text() else { return nil }
                page = PagePath(path)
            }
            return .content(ContentLinks.Target(contentPath: contentPath, fragment: fragment), page: page)
        case 5: return reader.text().map { .generated(PagePath($0)) }
        case 6: return reader.text().map { .file($0) }
        case 7: return .network
        case 8: return .otherScheme
        case 9: return .rootAbsolute
        default: return nil
        }
    }

    /// The shape a stored body was rewritten with: its first sixteen bytes, read without the rest.
    static func shape(of bytes: [UInt8]) -> BodyCache.Key? {
        var reader = ByteReader(bytes: bytes[...], at: 0)
        guard let high = reader.fixed(), let low = reader.fixed() else { return nil }
        return BodyCache.Key(high: high, low: low)
    }

    /// Whether each link rewrites with `links` as it did when stored.
    func rewriteAsBefore(_ links: BodyLinks) -> Bool {
        (links.shape != nil && shape == links.shape)
            || zip(self.links, rewrites).allSatisfy { link, was in links.rewrite(link.destination) == was }
    }

    /// Locations are in `path`, the file's as diagnostics show it.
    init?(decoding bytes: [UInt8], path: String) {
        var reader = ByteReader(bytes: bytes[...], at: 0)
        guard let high = reader.fixed(), let low = reader.fixed(), let excerpt = reader.text(), let headingCount = reader.varint()
        else { return nil }
        var headings: [RenderedBody.Heading] = []
        for _ in 0 ..< min(headingCount, bytes.count) {
            guard let level = reader.varint(), let line = reader.varint(), let column = reader.varint(),
                  let text = reader.text(), let id = reader.text() else { return nil }
            headings.append(.init(level: level, text: text, id: id, location: .init(path: path, line: line, column: column)))
        }
        guard let linkCount = reader.varint() else { return nil }
        var links: [RenderedBody.Link] = [], rewrites: [String?] = []
        for _ in 0 ..< min(linkCount, bytes.count) {
            guard let destination = reader.text(), let isImage = reader.byte(), let line = reader.varint(),
                  let column = reader.varint(), let hasRewrite = reader.byte() else { return nil }
            var rewrite: String?
            if hasRewrite == 1 {
                guard let text = reader.text() else { return nil }
                rewrite = text
            }
            // What a destination names depends on it, the file's path and page (in the key) and the
            // site's pages, which `rewriteAsBefore` or the stored shape vouch for.
            guard let target = Self.decodeTarget(&reader) else { return nil }
            links.append(.init(destination: destination, isImage: isImage == 1, location: .init(path: path, line: line, column: column),
                               target: target))
            rewrites.append(rewrite)
        }
        guard reader.isAtEnd, headings.count == headingCount, links.count == linkCount else { return nil }
        shape = BodyCache.Key(high: high, low: low)
        self.excerpt = excerpt
        self.headings = headings
        self.links = links
        self.rewrites = rewrites
    }
}

/// Four independent lanes of xxHash64's multiply-rotate round over 8-byte words, so the processor
/// works on 32 bytes at a time, folded into 128 bits at the end: a key that does not depend on the
/// process (Swift's `Hasher` is seeded per run), and a checksum of stored bytes. A build with a
/// cache hashes every content file and every entry it reads back (hundreds of megabytes at 10,000
/// questions); the two-lane hash before ran at a third of the speed.
struct StableHash {
    private static let prime1: UInt64 = 0x9e37_79b1_85eb_ca87
    private static let prime2: UInt64 = 0xc2b2_ae3d_27d4_eb4f
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4
    private var c: UInt64 = 0x1656_67b1_9e37_79f9
    private var d: UInt64 = 0x27d4_eb2f_1656_67c5

    mutating func add(_ bytes: some Collection<UInt8>) {
        let done = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            addWords(UnsafeRawBufferPointer(buffer))
            return true
        }
        if done == nil { Array(bytes).withUnsafeBytes { addWords($0) } }
        // Lengths separate the parts: ("ab", "c") and ("a", "bc") differ.
        a = Self.round(a, UInt64(bytes.count))
    }

    /// A key made by another hash, or its absence: two words and a marker, without copying them
    /// into bytes first (a page's fingerprint adds one for every question it shows).
    mutating func add(_ key: BodyCache.Key?) {
        guard let key else {
            a = Self.round(a, 0)
            return
        }
        b = Self.round(b, key.high)
        c = Self.round(c, key.low)
        a = Self.round(a, 1)
    }

    /// 32 bytes at a time across the lanes, then 8 at a time, the tail zero-padded.
    private mutating func addWords(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 32 <= buffer.count {
            a = Self.round(a, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = Self.round(b, buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = Self.round(c, buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = Self.round(d, buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        while offset + 8 <= buffer.count {
            b = Self.round(b, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < buffer.count {
            var tail: UInt64 = 0
            for index in offset ..< buffer.count { tail |= UInt64(buffer[index]) << (8 * UInt64(index - offset)) }
            c = Self.round(c, tail)
        }
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ UInt64(littleEndian: word) &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    var key: BodyCache.Key { BodyCache.Key(high: Self.mix(a ^ Self.mix(c)), low: Self.mix(b ^ Self.mix(d ^ a))) }

    /// The hash in one word, folded from both halves of `key` (a short input reaches only one).
    var word: UInt64 {
        let key = key
        return Self.mix(key.high ^ key.low)
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = StableHash()
        hash.add(bytes)
        return hash.word
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }
}
