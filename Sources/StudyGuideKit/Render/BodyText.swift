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
    let excerpt: String
    private let read: @Sendable () -> (html: String, plainText: String)?
    private let render: @Sendable () -> (html: String, plainText: String)
    private let lock = NSLock()
    private var loaded: (html: String, plainText: String)?

    init(excerpt: String, read: @escaping @Sendable () -> (html: String, plainText: String)?,
         render: @escaping @Sendable () -> (html: String, plainText: String)) {
        self.excerpt = excerpt
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
