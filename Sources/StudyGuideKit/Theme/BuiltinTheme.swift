/// The default theme as the binary carries it, so a folder holding only `site.yml` and
/// `content/` builds. `themes/default/` is its source; `scripts/embed_theme.py` writes the
/// copy in `BuiltinTheme+Files.swift`, and a test proves the two are equal.
enum BuiltinTheme {
    /// How diagnostics name a file of the built-in theme.
    static let displayName = "(built-in theme)"

    /// The files under one folder of the theme (`templates` or `static`), relative to it.
    static func files(in folder: String) -> [(relative: String, text: String)] {
        let prefix = folder + "/"
        return files.filter { $0.path.hasPrefix(prefix) }.map { (String($0.path.dropFirst(prefix.count)), $0.text) }
    }
}
