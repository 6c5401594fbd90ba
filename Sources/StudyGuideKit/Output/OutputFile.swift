/// A file of the generated site: where it goes and what it holds.
struct OutputFile: Sendable, Equatable {
    public var path: PagePath
    public var bytes: [UInt8]

    public init(path: PagePath, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: PagePath, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
