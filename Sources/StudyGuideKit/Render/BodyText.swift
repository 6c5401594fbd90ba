internal import Foundation

/// A rendered body's HTML and plain text: held, or kept in the build's cache and read from it the
/// first time something asks. After a one-file edit most pages, card chunks and decks are kept
/// from the last build and never ask, so most answers' text is never read back (it was a sixth of
/// such a build).
enum BodyText: Sendable {
    case held(html: String, plainText: String)
    case stored(StoredBodyText)

    var value: (html: String, plainText: String) {
        switch self {
        case .held(let html, let plainText): (html, plainText)
        case .stored(let stored): stored.value
        }
    }
}

/// The text of a body taken from the cache, read once when first asked for. A text that cannot be
/// read back whole (the cache was damaged since) is rendered again by `render`; nothing is trusted
/// that its checksum does not vouch for.
final class StoredBodyText: @unchecked Sendable {
    /// Kept with the body's links and headings, so search reads no text it has counted already.
    var excerpt: String { head.value.excerpt }
    private let head: StoredBodyHead
    private let read: @Sendable () -> (html: String, plainText: String)?
    private let render: @Sendable () -> (html: String, plainText: String)
    private let lock = NSLock()
    private var loaded: (html: String, plainText: String)?

    init(head: StoredBodyHead, read: @escaping @Sendable () -> (html: String, plainText: String)?,
         render: @escaping @Sendable () -> (html: String, plainText: String)) {
        self.head = head
        self.read = read
        self.render = render
    }

    var value: (html: String, plainText: String) {
        lock.withLock {
            if let loaded { return loaded }
            let value = read() ?? render()
            loaded = value
            return value
        }
    }
}

/// A rendered body's headings and links: held, or decoded from the build's cache when first asked for.
enum BodyHead: Sendable {
    case held(headings: [RenderedBody.Heading], links: [RenderedBody.Link])
    case stored(StoredBodyHead)

    var headings: [RenderedBody.Heading] {
        switch self {
        case .held(let headings, _): headings
        case .stored(let stored): stored.value.headings
        }
    }

    var links: [RenderedBody.Link] {
        switch self {
        case .held(_, let links): links
        case .stored(let stored): stored.value.links
        }
    }
}

/// The excerpt, headings and links of a body taken from the cache, decoded once when first asked
/// for. A build after a one-file edit asks for few: a kept answer whose links checked out against
/// the same pages (`LinkVerdicts`) and whose page, card and search entry are kept never does, and
/// decoding them all was most of what such a build spent on Markdown. The bytes were checked
/// against their checksum when read; `render` makes the body again should they still not decode.
final class StoredBodyHead: @unchecked Sendable {
    typealias Parts = (excerpt: String, headings: [RenderedBody.Heading], links: [RenderedBody.Link])
    private let lock = NSLock()
    private var decode: (@Sendable () -> Parts)?
    private var loaded: Parts?

    init(decode: @escaping @Sendable () -> Parts) {
        self.decode = decode
    }

    var value: Parts {
        lock.withLock {
            if let loaded { return loaded }
            let value = decode!()
            loaded = value
            decode = nil  // its bytes go with it
            return value
        }
    }
}
