public import Foundation

/// A file read from `content/`, before parsing. A build holds one for every file while it parses,
/// so it keeps one path of its own; the paths to open and to show are made from the content
/// folder's (`LoadedContent.absolutePath(of:)`, `displayPath(of:)`) when asked for.
struct ContentFile: Sendable {
    /// The path inside `content/`, with `/` separators.
    var contentPath: String
    /// Where the file really is when a symbolic link leads there; nil when it is `root/contentPath`.
    var linkedPath: String?
    /// Its size when found.
    var size: Int = 0
    /// How it stood on disk when found (`FileStamps`).
    var stamp: FileStamp?
    /// Empty until read (see `ContentLoader.load(readingFiles:)`).
    public var bytes: [UInt8]
}

/// What `content/` holds: Markdown files, read, and other files (images, downloads), by path.
struct LoadedContent: Sendable {
    /// The content folder, symbolic links resolved: where `files` are, unless a link leads elsewhere.
    var root = ""
    /// What diagnostics show before a content path (`content/`, after the site's own prefix).
    var displayPrefix = ""
    public var files: [ContentFile] = []
    /// Content path (`databases/er-diagram.png`) → absolute path; copied to the same place in the output.
    var assets: [String: String] = [:]
    public var diagnostics: [Diagnostic] = []

    /// The file to open (links resolved).
    func absolutePath(of file: ContentFile) -> String { file.linkedPath ?? root + "/" + file.contentPath }

    /// The path shown to the user.
    func displayPath(of file: ContentFile) -> String { displayPrefix + file.contentPath }
}

/// Walks `content/` and reads every Markdown file. It refuses symbolic links that leave
/// `content/` and never follows a link twice, so a link loop cannot hang the walk.
enum ContentLoader {
    /// The whole file, read with one open and as few reads as it takes (it may have grown since `stat`).
    static func readFile(_ path: String, expectedSize: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: expectedSize + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let result = bytes.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress! + count, buffer.count - count) }
            if result < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if result == 0 { break }
            count += result
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// No answer needs more; a larger file is a mistake (or an attack) that would slow every build.
    static let maximumFileBytes = 4 * 1024 * 1024

    /// Finds every file; reads the Markdown ones too when `readingFiles` (a build reads each
    /// file in the worker that parses it instead, so no more than a few are held at once).
    public static func load(contentDirectory: URL, displayPrefix: String, readingFiles: Bool = true) -> LoadedContent {
        let fileManager = FileManager.default
        let root = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        // Files are found in walk order and read afterwards, on all cores.
        var toRead: [ContentFile] = []
        var assets: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var visitedDirectories: Set<String> = []

        func display(_ relative: String) -> String { displayPrefix + relative }

        /// `resolvedDirectory` is the real path of `relative`: a child that is not a symbolic link
        /// resolves to it plus its name, with one `lstat` and no walk of the path (realpath per file
        /// was most of the load stage).
        func walk(_ relative: String, resolvedDirectory: String) {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard visitedDirectories.insert(absolute).inserted else { return }
            // Each entry is looked up in the open folder (`fstatat`): the kernel walks no path per file.
            guard let folder = FolderListing(absolute) else {
                diagnostics.append(.error(at: .init(path: display(relative)), "cannot read folder", rule: "io"))
                return
            }
            // A folder reached without a symbolic link is where its path says, and so is each child
            // that is not a link: no second path is made for it (building paths was most of this walk).
            let isReal = resolvedDirectory == absolute
            let names = folder.names.sorted().filter { !$0.hasPrefix(".") }
            // Looked up on every core: a category of a thousand answers is a thousand `fstatat` calls.
            let statuses = parallelMap(names) { name -> stat? in
                var status = stat()
                return folder.status(of: name, &status) ? status : nil
            }
            for (name, found) in zip(names, statuses) {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var childAbsolute: String { absolute + "/" + name }
                var location: SourceLocation { SourceLocation(path: display(childRelative)) }
                guard var status = found else {
                    diagnostics.append(.error(at: location, "cannot read file", rule: "io"))
                    continue
                }
                /// Where the child really is, when that is not `childAbsolute`.
                var resolved = isReal ? nil : resolvedDirectory + "/" + name
                if status.st_mode & S_IFMT == S_IFLNK {
                    let target = URL(fileURLWithPath: childAbsolute).resolvingSymlinksInPath().path
                    guard target == root || target.hasPrefix(root + "/") else {
                        diagnostics.append(.error(at: location, "symbolic link points outside content/; refusing to read it", rule: "symlink"))
                        continue
                    }
                    guard stat(target, &status) == 0 else {
                        diagnostics.append(.error(at: location, "broken symbolic link", rule: "symlink"))
                        continue
                    }
                    resolved = target
                }
                if status.st_mode & S_IFMT == S_IFDIR {
                    let real = resolved ?? childAbsolute
                    if resolved != nil, real != childAbsolute, visitedDirectories.contains(real) || root.hasPrefix(real) {
                        diagnostics.append(.error(at: location, "symbolic link loop", rule: "symlink"))
                        continue
                    }
                    walk(childRelative, resolvedDirectory: real)
                } else if name.hasSuffix(".md") {
                    let size = Int(status.st_size)
                    guard size <= maximumFileBytes else {
                        diagnostics.append(.error(at: location, "file is \(String(format: "%.1f", Double(size) / 1_048_576)) MB; content files are limited to \(maximumFileBytes / 1_048_576) MB", rule: "too-large"))
                        continue
                    }
                    toRead.append(ContentFile(contentPath: childRelative,
                                              linkedPath: resolved.flatMap { $0 == root + "/" + childRelative ? nil : $0 },
                                              size: size, stamp: FileStamp(status), bytes: []))
                } else if name.hasSuffix(".html") {
                    diagnostics.append(.error(at: location, "HTML files in content/ would collide with generated pages; write Markdown instead", rule: "layout"))
                } else {
                    assets[childRelative] = resolved ?? childAbsolute
                }
            }
        }

        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return LoadedContent(displayPrefix: displayPrefix, diagnostics: [.error(at: .init(path: display("")), "content folder not found", rule: "io")])
        }
        walk("", resolvedDirectory: root)
        var found = LoadedContent(root: root, displayPrefix: displayPrefix, files: toRead, assets: assets, diagnostics: diagnostics)
        guard readingFiles else { return found }
        let read = parallelMap(toRead) { [found] entry -> ContentFile? in
            guard let bytes = readFile(found.absolutePath(of: entry), expectedSize: entry.size) else { return nil }
            var file = entry
            file.bytes = bytes
            return file
        }
        for (entry, file) in zip(toRead, read) where file == nil {
            found.diagnostics.append(.error(at: .init(path: found.displayPath(of: entry)), "cannot read file", rule: "io"))
        }
        found.files = read.compactMap { $0 }
        return found
    }
}
