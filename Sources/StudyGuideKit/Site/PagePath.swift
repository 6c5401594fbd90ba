internal import StudyGuideMarkdown

/// Where a page lives in the output, relative to the site root: `databases/indexes.html`.
/// Every internal link is made from two of these, so links are relative and always name
/// a file: the site works from `file://` and under any sub-path.
struct PagePath: Hashable, Sendable, Comparable, CustomStringConvertible {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    static let home = PagePath("index.html")
    static let search = PagePath("search.html")
    static let notFound = PagePath("404.html")
    static let tagsIndex = PagePath("tags/index.html")
    static let guidesIndex = PagePath("guides/index.html")
    static let searchManifest = PagePath("search/manifest.js")
    static let practice = PagePath("practice.html")
    static let interview = PagePath("interview.html")
    static let studyDeck = PagePath("study/deck.js")

    static func category(_ slug: String) -> PagePath { PagePath("\(slug)/index.html") }
    static func question(_ slug: String, in category: String) -> PagePath { PagePath("\(category)/\(slug).html") }
    static func tag(_ tag: String) -> PagePath { PagePath("tags/\(tag).html") }
    static func guide(_ slug: String) -> PagePath { PagePath("guides/\(slug).html") }
    static func asset(_ name: String) -> PagePath { PagePath("assets/\(name)") }

    /// Whether this is an HTML page (rather than a script, a stylesheet, an image or a deck).
    var isHTML: Bool { path.utf8.last == UInt8(ascii: "l") && path.hasSuffix(".html") }

    /// Folders between the root and this page.
    var depth: Int { path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }

    /// The folders this page is in (`databases/` for `databases/indexes.html`, empty at the root):
    /// every page of one folder links to another page the same way.
    /// (Found on UTF-8 bytes: `lastIndex(of:)` on the characters walked back one grapheme at a
    /// time, and every page asks.)
    var folder: Substring {
        var path = path
        let length = path.withUTF8 { bytes in bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0 }
        return path[..<path.utf8.index(path.utf8.startIndex, offsetBy: length)]
    }

    /// `../` repeated once per folder: the way back to the site root from this page.
    var rootPrefix: String { String(repeating: "../", count: depth) }

    /// The relative link from this page to `target`: `../tags/sql.html`, or `indexes.html`
    /// inside the same folder.
    func link(to target: PagePath) -> String {
        // Every page renders dozens of links, so this compares UTF-8 bytes in place: skip the
        // folders both paths share, then climb out of the rest of this page's folders. (Copying
        // both paths into arrays first cost more than the rest.)
        var from = path, to = target.path
        return from.withUTF8 { from in
            to.withUTF8 { to in
                let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
                var shared = 0  // bytes of `to` inside the folders both paths share, up to and including a slash
                var index = 0
                while index < from.count, index < to.count, from[index] == to[index] {
                    if from[index] == slash { shared = index + 1 }
                    index += 1
                }
                var ups = 0
                for byte in from[shared...] where byte == slash { ups += 1 }
                let rest = UnsafeBufferPointer(rebasing: to[shared...])
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ups * 3 + rest.count) { link in
                    for up in 0 ..< ups {
                        link[up * 3] = dot
                        link[up * 3 + 1] = dot
                        link[up * 3 + 2] = slash
                    }
                    _ = UnsafeMutableBufferPointer(rebasing: link[(ups * 3)...]).initialize(fromContentsOf: rest)
                    return String(checkedUTF8: UnsafeBufferPointer(link))
                }
            }
        }
    }

    var description: String { path }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.path < rhs.path }
}
