internal import Foundation

/// Notices changes to a site's sources by polling modification times and sizes: portable,
/// no platform file-event API, and cheap for the few hundred files of a site.
struct SiteWatcher: Sendable {
    let source: URL
    let themes: URL
    static let watched = ["content", "layouts", "static", "site.yml"]

    /// Path → (modification time, size) of every watched file.
    func snapshot() -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        let fileManager = FileManager.default
        let roots = Self.watched.map { source.appendingPathComponent($0) } + [themes]
        for root in roots {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory) else { continue }
            let paths: [String]
            if isDirectory.boolValue {
                paths = (fileManager.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).map { root.path + "/" + $0 }
            } else {
                paths = [root.path]
            }
            for path in paths {
                guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
                result[path] = [modified, size]
            }
        }
        return result
    }
}
