internal import Foundation

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

    /// Every file of the theme as bytes, text and images alike, by path relative to the theme folder.
    static var allFiles: [(path: String, bytes: [UInt8])] {
        let images = imageFiles.map { ($0.path, [UInt8](Data(base64Encoded: $0.base64) ?? Data())) }
        return (files.map { ($0.path, Array($0.text.utf8)) } + images).sorted { $0.path < $1.path }
    }
}
