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
    /// `pageOf` finds the page of a content file.
    static func of(_ destination: String, from contentPath: String, page: PagePath,
                   pageOf: (String) -> PagePath?) -> LinkTarget {
        if destination.isEmpty { return .missing }
        if destination.hasPrefix("#") { return .anchor(String(destination.dropFirst())) }
        if destination.hasPrefix("//") || destination.containsSchemeSeparator { return .network }
        if destination.hasPrefix("mailto:") || destination.hasPrefix("tel:") { return .otherScheme }
        if destination.hasPrefix("/") { return .rootAbsolute }
        if let target = ContentLinks.resolve(destination, from: contentPath) {
            return .content(target, page: pageOf(target.contentPath))
        }
        let pathPart = String(destination.prefix { $0 != "#" && $0 != "?" })
        if pathPart.hasSuffix(".html") { return .generated(PagePath(join(pathPart, toFolderOf: page.path))) }
        if destination.utf8.contains(UInt8(ascii: ":")) { return .otherScheme }
        return .file(join(pathPart, toFolderOf: contentPath))
    }

    /// The content file and fragment of a relative `.md` link; nil for any other.
    var content: ContentLinks.Target? {
        if case .content(let target, _) = self { return target }
        return nil
    }

    /// Joins a relative path to the folder of `base`, folding `.` and `..`.
    private static func join(_ relative: String, toFolderOf base: String) -> String {
        var components = base.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            if part == ".." { _ = components.popLast() } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }
}

private extension String {
    /// `://` anywhere, over the bytes in place: the generic `firstRange(of:)`, and then a walk of
    /// the UTF-8 view, cost more than the rest of the link checks (every link of the site, every build).
    var containsSchemeSeparator: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0 ..< bytes.count - 2 where bytes[index] == UInt8(ascii: ":") {
                if bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { return true }
            }
            return false
        }
    }
}
