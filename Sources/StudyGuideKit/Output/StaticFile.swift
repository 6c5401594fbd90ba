/// A file copied into the output as it is: a theme asset or an image beside a page.
struct StaticFile: Sendable {
    enum Source: Sendable, Equatable {
        /// A file on disk, by absolute path.
        case file(String)
        /// Bytes the binary carries (the built-in theme).
        case bytes([UInt8])
    }

    let path: PagePath
    let source: Source
}
