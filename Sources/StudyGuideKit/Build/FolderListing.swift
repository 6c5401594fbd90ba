internal import Foundation

/// A folder's entry names, and its descriptor to look each up by name.
final class FolderListing: Sendable {
    let names: [String]
    private let descriptor: Int32

    init?(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        // A second descriptor for the listing: `closedir` closes the one it is given.
        guard let stream = fdopendir(dup(descriptor)) else {
            close(descriptor)
            return nil
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = entryName(entry)
            if name != ".", name != ".." { names.append(name) }
        }
        self.names = names
    }

    deinit { close(descriptor) }

    /// The entry's status, not following a symbolic link; false when it cannot be read.
    func status(of name: String, _ status: inout stat) -> Bool {
        // A native string is its own C string: passed as a `String`, it was copied into an array first.
        name.withCString { fstatat(descriptor, $0, &status, AT_SYMLINK_NOFOLLOW) == 0 }
    }
}

extension FolderListing {
    /// Regular files below `root`, as paths relative to it, sorted. Hidden entries (a name that
    /// starts with a dot) and symbolic links are skipped, folders below hidden ones too; each
    /// entry is looked up in its open folder, with no walk of its path by the kernel.
    static func regularFiles(under root: String) -> [String] {
        var result: [String] = []
        func walk(_ absolute: String, _ relative: String) {
            guard let folder = FolderListing(absolute) else { return }
            for name in folder.names where !name.hasPrefix(".") {
                var status = stat()
                guard folder.status(of: name, &status) else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch status.st_mode & S_IFMT {
                case S_IFDIR: walk(absolute + "/" + name, path)
                case S_IFREG: result.append(path)
                default: continue
                }
            }
        }
        walk(root, "")
        return result.sorted()
    }
}
