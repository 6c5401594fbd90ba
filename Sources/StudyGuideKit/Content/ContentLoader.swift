import Foundation

/// A Markdown file found in `content/`: its place in the list, where its content path lies in
/// the list's path bytes, and its size. Sixteen bytes and no allocation of its own: at 100,000
/// questions a String per path (and room for the file's bytes, link and stamp in every entry) made
/// the list 29 MB of the parse stage's peak.
struct ContentFile: Sendable {
    /// Its place in `LoadedContent.files`, which also finds its stamp and link.
    let index: UInt32
    fileprivate let pathStart: UInt32
    fileprivate let pathEnd: UInt32
    /// Its size when found (at most `ContentLoader.maximumFileBytes`).
    let size: UInt32
}

/// What `content/` holds: the Markdown files found, and other files (images, downloads), by path.
struct LoadedContent: Sendable {
    /// The content folder, symbolic links resolved: where `files` are, unless a link leads elsewhere.
    var root = ""
    /// What diagnostics show before a content path (`content/`, after the site's own prefix).
    var displayPrefix = ""
    private(set) var files: [ContentFile] = []
    /// The content paths of `files` (inside `content/`, `/` separators), one after another.
    private var pathBytes: [UInt8] = []
    /// How each file stood on disk when found (`FileStamps`), by index; empty unless asked for.
    private var stamps: [FileStamp] = []
    /// Where a file really is when a symbolic link leads there, by index; most files have none.
    private var linkedPaths: [UInt32: String] = [:]
    /// Content path (`databases/er-diagram.png`) → absolute path; copied to the same place in the output.
    var assets: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    init(root: String = "", displayPrefix: String, diagnostics: [Diagnostic] = []) {
        self.root = root
        self.displayPrefix = displayPrefix
        self.diagnostics = diagnostics
    }

    /// The path inside `content/`, with `/` separators.
    func contentPath(of file: ContentFile) -> String {
        pathBytes.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(file.pathStart) ..< Int(file.pathEnd)]), as: UTF8.self)
        }
    }

    /// Where the file really is when a symbolic link leads there; nil when it is `root/contentPath`.
    func linkedPath(of file: ContentFile) -> String? { linkedPaths.isEmpty ? nil : linkedPaths[file.index] }

    /// How the file stood on disk when found; nil unless the walk was asked to keep stamps.
    func stamp(of file: ContentFile) -> FileStamp? { stamps.isEmpty ? nil : stamps[Int(file.index)] }

    /// The path shown to the user.
    func displayPath(of file: ContentFile) -> String { displayPrefix + contentPath(of: file) }

    /// Adds a file the walk found; a walk that keeps stamps gives one for every file (a stamp
    /// read as another file's would keep a stale parse).
    fileprivate mutating func add(contentPath: String, size: Int, stamp: FileStamp?, linkedPath: String?) {
        let index = UInt32(files.count), start = UInt32(pathBytes.count)
        pathBytes.append(contentsOf: contentPath.utf8)
        files.append(ContentFile(index: index, pathStart: start, pathEnd: UInt32(pathBytes.count), size: UInt32(size)))
        if let stamp {
            precondition(stamps.count == Int(index), "a stamp for every file or none")
            stamps.append(stamp)
        }
        if let linkedPath { linkedPaths[index] = linkedPath }
    }
}

/// Walks `content/` and finds every Markdown file, and reads one when asked. It refuses symbolic
/// links that leave `content/` and never follows a link twice, so a link loop cannot hang the walk.
enum ContentLoader {
    /// The whole file, read with one open and as few reads as it takes (it may have grown since `stat`).
    static func readFile(_ path: String, expectedSize: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var failed = false
        // Read straight into the array's room, one byte more than expected so that the end shows:
        // zero-filling the room first was half a percent of a build's instructions.
        var bytes = [UInt8](unsafeUninitializedCapacity: expectedSize + 1) { room, count in
            count = 0
            while count < room.count {
                let result = read(descriptor, room.baseAddress! + count, room.count - count)
                if result < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if result == 0 { return }
                count += result
            }
        }
        guard !failed else { return nil }
        // The room is full: the file grew since it was found. The rest comes a chunk at a time.
        if bytes.count == expectedSize + 1 {
            var chunk = [UInt8](repeating: 0, count: max(4096, expectedSize))
            while true {
                let result = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if result < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if result == 0 { break }
                bytes += chunk[..<result]
            }
        }
        return bytes
    }

    /// No answer needs more; a larger file is a mistake (or an attack) that would slow every build.
    static let maximumFileBytes = 4 * 1024 * 1024

    /// Finds every file, reading none: a build reads each in the worker that parses it, so no
    /// more than a few are held at once. `stamping` keeps how each Markdown file stood on disk.
    static func load(contentDirectory: URL, displayPrefix: String, stamping: Bool = false) -> LoadedContent {
        let fileManager = FileManager.default
        let root = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        var loaded = LoadedContent(root: root, displayPrefix: displayPrefix)
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
                    loaded.add(contentPath: childRelative, size: size, stamp: stamping ? FileStamp(status) : nil,
                              linkedPath: resolved.flatMap { $0 == root + "/" + childRelative ? nil : $0 })
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
        loaded.assets = assets
        loaded.diagnostics = diagnostics
        return loaded
    }
}
