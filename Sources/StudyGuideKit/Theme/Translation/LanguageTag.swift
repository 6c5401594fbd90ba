/// What a site's `language` (a BCP 47 tag such as `en`, `en-GB`, `de-AT`, `ar-EG`) decides for
/// the theme: which translation tables apply, and the writing direction.
enum LanguageTag {
    /// `de-AT` → `de`; compared in lower case.
    static func primary(of tag: String) -> String {
        String(tag.lowercased().split(separator: "-", maxSplits: 1).first ?? "")
    }

    /// The tables a language reads, most specific first: `de-AT` → `de-AT`, `de`. English, the
    /// theme's base table, is not listed: every chain falls back to it.
    static func chain(for tag: String) -> [String] {
        var chain: [String] = []
        var parts = tag.split(separator: "-").map(String.init)
        while !parts.isEmpty {
            chain.append(parts.joined(separator: "-"))
            parts.removeLast()
        }
        return chain
    }

    /// Languages written right to left: the page gets `dir="rtl"`.
    static func isRightToLeft(_ tag: String) -> Bool {
        ["ar", "he", "iw", "fa", "ur"].contains(primary(of: tag))
    }
}
