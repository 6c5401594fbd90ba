internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// Why file events could not be used: shown in the log, and the preview polls instead.
struct FileEventsUnavailable: Error, CustomStringConvertible {
    let description: String
}

/// The kernel's file events for a site's folders (Linux inotify), read and debounced on a thread
/// of its own. Folders are watched rather than files, so an editor that saves by writing a
/// temporary file and renaming it over the original (vim, VS Code, most IDEs) is seen as a change
/// of the original; a folder created later is watched as soon as it appears.
final class FileEvents: @unchecked Sendable {
    /// A batch is reported once no event came for this long and every file written in it was
    /// closed (an editor's save is one burst of events, ended by the close)…
    static let quietMilliseconds: UInt64 = 8
    /// …or this long after its first event, whichever comes first (a file held open).
    static let longestMilliseconds: UInt64 = 300

    #if os(Linux)
    private let descriptor: Int32
    private let wake: (read: Int32, write: Int32)
    private let source: String
    /// Names in the source folder that a build reads (files and folders).
    private let rootNames: Set<String>
    /// Watch descriptor → the folder it watches. Filled before the reader thread starts; after
    /// that, only that thread touches it (the unchecked Sendable rests on this).
    private var folders: [Int32: String] = [:]
    private static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_ATTRIB | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF | IN_EXCL_UNLINK | IN_ONLYDIR)

    private init(descriptor: Int32, wake: (Int32, Int32), source: String, rootNames: Set<String>) {
        self.descriptor = descriptor
        self.wake = wake
        self.source = source
        self.rootNames = rootNames
    }
    #endif

    /// Watches `source` (for `site.yml` and the folders a build reads) and, with every folder
    /// inside them, `content/`, `layouts/`, `static/` and `themes`.
    static func open(source: String, themes: String) -> Result<FileEvents, FileEventsUnavailable> {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return .failure(.init(description: "inotify: \(String(cString: strerror(errno)))")) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(descriptor)
            return .failure(.init(description: "pipe: \(String(cString: strerror(errno)))"))
        }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var rootNames = Set(SourceWatcher.watched)
        let themesParent = (themes as NSString).deletingLastPathComponent
        if themesParent == source { rootNames.insert((themes as NSString).lastPathComponent) }
        let events = FileEvents(descriptor: descriptor, wake: (pipeEnds[0], pipeEnds[1]), source: source, rootNames: rootNames)
        do {
            try events.watch(source)
            var existing: Set<String> = []
            for name in SourceWatcher.watched where name != "site.yml" {
                try events.watchTree(source + "/" + name, files: &existing)
            }
            try events.watchTree(themes, files: &existing)
        } catch {
            events.closeAll()
            return .failure(error)
        }
        return .success(events)
        #else
        return .failure(.init(description: "file events are only used on Linux"))
        #endif
    }

    /// Starts the reader thread; `report` gets each debounced batch of changed paths.
    func run(report: @escaping @Sendable (Set<String>) -> Void) {
        #if os(Linux)
        let thread = Thread { [self] in readLoop(report: report) }
        thread.name = "studyguide file events"
        thread.start()
        #endif
    }

    /// Ends the reader thread, which closes the descriptors.
    func stop() {
        #if os(Linux)
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        #endif
    }

    #if os(Linux)
    private func closeAll() {
        close(descriptor)
        close(wake.read)
        close(wake.write)
    }

    private func watch(_ folder: String) throws(FileEventsUnavailable) {
        let watch = inotify_add_watch(descriptor, folder, Self.folderMask)
        guard watch >= 0 else {
            // A folder that vanished in between is no problem; running out of watches is.
            if errno == ENOENT || errno == ENOTDIR { return }
            throw FileEventsUnavailable(description: "inotify_add_watch: \(String(cString: strerror(errno)))")
        }
        folders[watch] = folder
    }

    /// Watches `folder` and every folder inside it (names starting with `.` are not read by a
    /// build and are skipped); adds the files found to `files`.
    private func watchTree(_ folder: String, files: inout Set<String>) throws(FileEventsUnavailable) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        try watch(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var childIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &childIsDirectory) else { continue }
            if childIsDirectory.boolValue {
                try watchTree(path, files: &files)
            } else {
                files.insert(path)
            }
        }
    }

    private func readLoop(report: @Sendable (Set<String>) -> Void) {
        defer { closeAll() }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        // Files written to and not closed yet: reading them now could find half a save.
        var open: Set<String> = []
        var firstEvent: UInt64 = 0
        var lastEvent: UInt64 = 0
        func milliseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds / 1_000_000 }

        while true {
            var timeout: Int32 = -1
            if !pending.isEmpty {
                let longest = firstEvent + Self.longestMilliseconds
                let due = open.isEmpty ? min(lastEvent + Self.quietMilliseconds, longest) : longest
                let now = milliseconds()
                timeout = due > now ? Int32(due - now) : 0
            }
            var ready = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let count = poll(&ready, 2, timeout)
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            if ready[1].revents != 0 { return }
            if count == 0 {
                report(pending)
                pending = []
                open = []
                continue
            }
            let length = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if length < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            if pending.isEmpty { firstEvent = milliseconds() }
            lastEvent = milliseconds()
            buffer.withUnsafeBytes { bytes in handle(UnsafeRawBufferPointer(rebasing: bytes[..<length]), into: &pending, open: &open) }
        }
    }

    /// Turns the raw events read at once into changed paths, watching new folders as they come.
    private func handle(_ bytes: UnsafeRawBufferPointer, into changed: inout Set<String>, open: inout Set<String>) {
        let header = MemoryLayout<inotify_event>.size
        var offset = 0
        while offset + header <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + header) ..< min(bytes.count, offset + header + nameLength)])
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += header + nameLength

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed.insert("*")
                continue
            }
            guard let folder = folders[watch] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            if name.isEmpty {
                // The watched folder itself was deleted or moved.
                changed.insert(folder)
                continue
            }
            if name.hasPrefix(".") || (folder == source && !rootNames.contains(name)) { continue }
            let path = folder + "/" + name
            changed.insert(path)
            if mask & UInt32(IN_ISDIR) == 0 {
                if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 { open.insert(path) }
                if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) != 0 { open.remove(path) }
            }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files may already be inside (a folder moved in, or written before the watch).
                do {
                    try watchTree(path, files: &changed)
                } catch {
                    changed.insert("*")
                }
            }
        }
    }
    #endif
}
