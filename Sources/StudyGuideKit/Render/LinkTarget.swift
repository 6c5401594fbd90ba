/// What a link's destination names, decided once as its body is rendered (`BodyLinks`): pages
/// rewrite with it, the body cache keeps it, and the link checks look up what it names (a page,
/// a heading, a file) instead of working the destination out a second time.
enum LinkTarget: Sendable, Equatable {
    /// An empty destination.
    case missing
    /// `#id`: a heading of the same page (the id without `#`).
    case anchor(String)
    /// A relative `.md` path: the content file and `#fragment` it names, and the page that file
    /// becomes; nil when no page has that file (the link is unresolved).
    case content(ContentLinks.Target, page: PagePath?)
    /// A relative `.html` path: the generated page it names, from the linking page's folder.
    case generated(PagePath)
    /// A relative path to any other file: the file's path in `content/`.
    case file(String)
    /// Another site: a scheme with `//`, or `//host/…`.
    case network
    /// `mailto:`, `tel:` and any other scheme, left to the reader's browser.
    case otherScheme
    /// `/…`, which breaks under a sub-path and from disk.
    case rootAbsolute

    /// What `destination`, written in the file `contentPath` whose page is `page`, names;
    /// `pageOf` finds the page of a content file. Read on the destination's bytes: every link of
    /// the site is classified once per build.
    static func of(_ destination: String, from contentPath: String, page: PagePath,
                   pageOf: (String) -> PagePath?) -> LinkTarget {
        var destination = destination
        return destination.withUTF8 { link in
            guard let first = link.first else { return .missing }
            if first == UInt8(ascii: "#") { return .anchor(String(decoding: link[1...], as: UTF8.self)) }
            if link.starts(with: "//".utf8) || link.containsSchemeSeparator { return .network }
            if link.starts(with: "mailto:".utf8) || link.starts(with: "tel:".utf8) { return .otherScheme }
            if first == UInt8(ascii: "/") { return .rootAbsolute }
            if let target = ContentLinks.resolve(link, from: contentPath) {
                return .content(target, page: pageOf(target.contentPath))
            }
            let pathEnd = link.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? link.count
            let pathPart = UnsafeBufferPointer(rebasing: link[..<pathEnd])
            if pathPart.ends(with: ".html") {
                return .generated(PagePath(ContentLinks.join(pathPart, toFolderOf: page.path, pastRoot: .staysAtRoot)!))
            }
            if link.contains(UInt8(ascii: ":")) { return .otherScheme }
            return .file(ContentLinks.join(pathPart, toFolderOf: contentPath, pastRoot: .staysAtRoot)!)
        }
    }

    /// The content file and fragment of a relative `.md` link; nil for any other.
    var content: ContentLinks.Target? {
        if case .content(let target, _) = self { return target }
        return nil
    }
}

private extension UnsafeBufferPointer<UInt8> {
    /// `://` anywhere: the scheme of a link to another site.
    var containsSchemeSeparator: Bool {
        guard count >= 3 else { return false }
        for index in 0 ..< count - 2 where self[index] == UInt8(ascii: ":") {
            if self[index + 1] == UInt8(ascii: "/"), self[index + 2] == UInt8(ascii: "/") { return true }
        }
        return false
    }

    func ends(with suffix: StaticString) -> Bool {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        return count >= tail.count && self.suffix(tail.count).elementsEqual(tail)
    }
}
