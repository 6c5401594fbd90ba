public import Foundation

/// A file read from `content/`, before parsing.
public struct ContentFile: Sendable {
    /// The path inside `content/`, with `/` separators.
    public var contentPath: String
    /// The path shown to the user.
    public var displayPath: String
    public var bytes: [UInt8]
}

/// What `content/` holds: Markdown files, read, and other files (images, downloads), by path.
public struct LoadedContent: Sendable {
    public var files: [ContentFile] = []
    /// Content path (`databases/er-diagram.png`) → absolute path; copied to the same place in the output.
    public var assets: [String: String] = [:]
    public var diagnostics: [Diagnostic] = []
}

/// Walks `content/` and reads every Markdown file. It refuses symbolic links that leave
/// `content/` and never follows a link twice, so a link loop cannot hang the walk.
public enum ContentLoader {
    /// No answer needs more; a larger file is a mistake (or an attack) that would slow every build.
    public static let maximumFileBytes = 4 * 1024 * 1024

    public static func load(contentDirectory: URL, displayPrefix: String) -> LoadedContent {
        let fileManager = FileManager.default
        let root = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [ContentFile] = []
        var assets: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var visitedDirectories: Set<String> = []

        func display(_ relative: String) -> String { displayPrefix + relative }

        func walk(_ relative: String) {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard visitedDirectories.insert(absolute).inserted else { return }
            guard let names = try? fileManager.contentsOfDirectory(atPath: absolute) else {
                diagnostics.append(.error(at: .init(path: display(relative)), "cannot read folder", rule: "io"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childAbsolute = absolute + "/" + name
                let location = SourceLocation(path: display(childRelative))
                let resolved = URL(fileURLWithPath: childAbsolute).resolvingSymlinksInPath().path
                guard resolved == root || resolved.hasPrefix(root + "/") else {
                    diagnostics.append(.error(at: location, "symbolic link points outside content/; refusing to read it", rule: "symlink"))
                    continue
                }
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
                    diagnostics.append(.error(at: location, "broken symbolic link", rule: "symlink"))
                    continue
                }
                if isDirectory.boolValue {
                    if resolved != childAbsolute, visitedDirectories.contains(resolved) || root.hasPrefix(resolved) {
                        diagnostics.append(.error(at: location, "symbolic link loop", rule: "symlink"))
                        continue
                    }
                    walk(childRelative)
                } else if name.hasSuffix(".md") {
                    let size = (try? fileManager.attributesOfItem(atPath: resolved)[.size] as? NSNumber)?.intValue ?? 0
                    guard size <= maximumFileBytes else {
                        diagnostics.append(.error(at: location, "file is \(String(format: "%.1f", Double(size) / 1_048_576)) MB; content files are limited to \(maximumFileBytes / 1_048_576) MB", rule: "too-large"))
                        continue
                    }
                    guard let data = fileManager.contents(atPath: resolved) else {
                        diagnostics.append(.error(at: location, "cannot read file", rule: "io"))
                        continue
                    }
                    files.append(ContentFile(contentPath: childRelative, displayPath: display(childRelative), bytes: [UInt8](data)))
                } else if name.hasSuffix(".html") {
                    diagnostics.append(.error(at: location, "HTML files in content/ would collide with generated pages; write Markdown instead", rule: "layout"))
                } else {
                    assets[childRelative] = resolved
                }
            }
        }

        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return LoadedContent(diagnostics: [.error(at: .init(path: display("")), "content folder not found", rule: "io")])
        }
        walk("")
        return LoadedContent(files: files, assets: assets, diagnostics: diagnostics)
    }
}
