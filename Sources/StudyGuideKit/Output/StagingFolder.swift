internal import Foundation
internal import CStudyGuideSystem

/// Writes a whole site next to the output folder, then swaps it in with one atomic
/// exchange: readers and interrupted builds only ever see the old site or the new one.
/// Pages whose sources were removed disappear because the new folder holds only this build.
///
/// Files arrive while the site renders, from any worker thread, and go straight to disk, so
/// no stage holds the whole site in memory.
final class StagingFolder: @unchecked Sendable {
    let output: URL
    private let staging: URL
    /// The two folders' paths, made once: `URL.path` works each out again (4,000 instructions),
    /// and every file written asks.
    private let outputPath: String
    private let stagingPath: String
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var firstFailure: Failure?
    private var written = 0
    /// Kept only when asked for: a record per file is a large part of what a large site holds.
    let recordsInputs: Bool
    private var inputs: [PagePath: OutputInputs] = [:]
    /// The output's files that this build would write again, linked instead; nil while there is
    /// no output folder yet (set by `prepare`).
    private var unchanged: UnchangedFiles?
    /// Files linked from the previous output rather than written.
    private var reusedCount = 0
    var reused: Int { lock.withLock { reusedCount } }
    /// Pages linked by their fingerprint, without rendering them (`reuse`).
    private var keptCount = 0
    var kept: Int { lock.withLock { keptCount } }
    /// The size of every file written that is not an HTML page, kept only when asked
    /// (`recordSizes`): the offline app's precache list is chosen by size once every other file
    /// is written. A page's size is read from disk when asked for (`writtenSize`): the choice
    /// stops at its budget, and a record per page was 220 bytes a question (22 MB at 100,000).
    private var sizes: [PagePath: Int]?
    /// What the previous build with a cache wrote into the output, and what this one writes:
    /// set before the first page when the build has a cache folder.
    var ledger: OutputLedger?
    /// Patching (`patchInPlace`): files that stay as they were are left in the output instead of
    /// linked into the staging folder, and `commit` moves the staged files into the output and
    /// removes the files this build did not make.
    private var patching = false
    /// Files left where they are in the output, when patching.
    private var inPlace: Set<String> = []
    /// Every file this build made, when patching: what the output keeps.
    private var produced: Set<String> = []

    init(output: URL, recordsInputs: Bool = false) {
        self.output = output.standardizedFileURL
        self.recordsInputs = recordsInputs
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging-\(getpid())")
        outputPath = self.output.path
        stagingPath = staging.path
    }

    /// Prefix of every leftover a killed build can leave beside the output.
    private var leftoverPrefix: String { ".\(output.lastPathComponent).staging-" }

    enum Failure: Error, CustomStringConvertible {
        case notAnOutputFolder(String)
        case io(String)

        var description: String {
            switch self {
            case .notAnOutputFolder(let path):
                return "refusing to replace '\(path)': it exists but does not look like a generated site (no index.html)"
            case .io(let message): return message
            }
        }
    }

    /// Creates an empty staging folder, after checking that the output may be replaced.
    func prepare() throws(Failure) {
        removeLeftovers()
        try checkOutputIsReplaceable()
        var isDirectory: ObjCBool = false
        let hasOutput = FileManager.default.fileExists(atPath: outputPath, isDirectory: &isDirectory) && isDirectory.boolValue
        unchanged = hasOutput ? UnchangedFiles(output: outputPath) : nil
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot write the site: \(error.localizedDescription)")
        }
    }

    /// Patches the output instead of swapping in a new folder: for a build with a cache over the
    /// output of the last one, where most files stay as they were. Linking twelve thousand kept
    /// files into a new folder, and deleting the old folder after the swap, cost a quarter of such
    /// a build. A build that fails still leaves the output untouched (nothing moves before
    /// `commit`); only a build killed during `commit` leaves a mix of old and new files, which the
    /// next build repairs (the ledger is saved after `commit`, and each file is checked against it).
    func patchInPlace() {
        lock.withLock {
            patching = unchanged != nil
            // Most of the files the ledger names stay: room for them at once, not a set grown ten times over.
            if patching { inPlace.reserveCapacity(ledger?.recordCount ?? 0) }
        }
    }

    /// Where the file this build made at `path` is now: the staging folder, or the output when
    /// it was left there.
    private func location(of path: PagePath) -> String {
        let left = lock.withLock { inPlace.contains(path.path) }
        return (left ? outputPath : stagingPath) + "/" + path.path
    }

    /// Writes one generated file. Safe from any thread; a failure is kept for `commit`.
    func write(_ file: OutputFile) {
        write(file.path, parts: [file.bytes], inputs: file.inputs, fingerprint: file.fingerprint)
    }

    /// Keeps the page at `path` from the previous output when the ledger says that build wrote it
    /// from the same inputs (`fingerprint`) and the file is still as it was: left where it is when
    /// patching, else linked into the new folder. False when the page must be made. Safe from any thread.
    func reuse(_ path: PagePath, fingerprint: OutputLedger.Fingerprint) -> Bool {
        reusedSize(path, fingerprint: fingerprint) != nil
    }

    /// `reuse`, giving the size of the file kept (a file of the search index whose size the manifest lists).
    func reusedSize(_ path: PagePath, fingerprint: OutputLedger.Fingerprint) -> Int? {
        guard let ledger, let record = ledger.unchanged(path.path, fingerprint: fingerprint) else { return nil }
        let patching = lock.withLock { self.patching }
        if !patching {
            do {
                try makeFolder(of: path)
            } catch {
                return nil
            }
            guard link(outputPath + "/" + path.path, stagingPath + "/" + path.path) == 0 else { return nil }
        }
        ledger.note(path.path, record)
        lock.withLock {
            written += 1
            reusedCount += 1
            keptCount += 1
            if sizes != nil, !path.isHTML { sizes![path] = record.size }
            // Left in the output: `patch` keeps what `inPlace` names, without a second set of paths.
            if patching { inPlace.insert(path.path) }
        }
        return record.size
    }

    /// Copies a theme asset or a content image.
    func copy(_ file: StaticFile) {
        // Patching, a small file with the bytes of the output's stays where it is, as a page does.
        if lock.withLock({ patching }), let bytes = Self.smallBytes(of: file) {
            return write(file.path, parts: [bytes], inputs: OutputInputs(copiedFrom: Self.origin(of: file)))
        }
        do {
            try makeFolder(of: file.path)
            let destination = stagingPath + "/" + file.path.path
            switch file.source {
            case .file(let source): try FileManager.default.copyItem(atPath: source, toPath: destination)
            case .bytes(let bytes): try Self.write([bytes], to: destination)
            }
            var size = 0
            if lock.withLock({ sizes != nil }) {
                switch file.source {
                case .file: size = Self.size(of: destination)
                case .bytes(let bytes): size = bytes.count
                }
            }
            let copied = Self.origin(of: file)
            lock.withLock {
                written += 1
                if !file.path.isHTML { sizes?[file.path] = size }
                if recordsInputs { inputs[file.path] = OutputInputs(copiedFrom: copied) }
                if patching { produced.insert(file.path.path) }
            }
        } catch {
            fail(error)
        }
    }

    /// Where a static file comes from, as its recorded inputs say.
    private static func origin(of file: StaticFile) -> String {
        switch file.source {
        case .file(let source): source
        case .bytes: "(built-in theme)/static/" + file.path.path
        }
    }

    /// A static file's bytes when it is small enough to compare with the output's (a theme's
    /// scripts and styles); nil for a larger one, which is copied.
    private static func smallBytes(of file: StaticFile) -> [UInt8]? {
        switch file.source {
        case .bytes(let bytes): return bytes.count <= 1 << 20 ? bytes : nil
        case .file(let source):
            var info = stat()
            guard stat(source, &info) == 0, info.st_size <= 1 << 20 else { return nil }
            return ContentLoader.readFile(source, expectedSize: Int(info.st_size))
        }
    }

    /// Starts keeping the size of each file written (before the first is).
    func recordSizes() {
        lock.withLock { sizes = sizes ?? [:] }
    }

    /// The size of every file written so far that is not an HTML page, by path (empty unless
    /// `recordSizes` was called).
    var writtenSizes: [PagePath: Int] { lock.withLock { sizes ?? [:] } }

    /// The size of a file this build wrote or kept, or nil when it made none at `path`.
    func writtenSize(of path: PagePath) -> Int? {
        if !path.isHTML { return lock.withLock { sizes?[path] } }
        var info = stat()
        return lstat(location(of: path), &info) == 0 ? Int(info.st_size) : nil
    }

    /// The checksum of a file written before (`FileChecksum`), read back from the staging folder.
    func checksum(of path: PagePath) -> UInt64? {
        // With a ledger, a file still as the previous build checksummed it is not read again.
        if let ledger { return ledger.checksum(of: path.path, at: location(of: path)) }
        return FileChecksum.ofFile(at: location(of: path))?.0
    }

    private static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// How many files were written so far.
    var writtenCount: Int { lock.withLock { written } }

    /// What each file written so far was made from (empty unless `recordsInputs`).
    var writtenInputs: [PagePath: OutputInputs] { lock.withLock { inputs } }

    /// Swaps the staging folder in, or reports the first write that failed (and removes it).
    func commit() throws(Failure) {
        if let failure = lock.withLock({ firstFailure }) {
            discard()
            throw failure
        }
        if lock.withLock({ patching }) { try patch() } else { try swapIn() }
    }

    /// Removes the staging folder; the output stays as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Removes the staging folder later, off this thread: a cancelled build (`serve`, when a newer
    /// edit comes) returns at once instead of deleting hundreds of files while the edit is shown.
    /// Renamed first, so that the next build's staging folder, which takes the same name, is never
    /// the one deleted; a process that ends first leaves it to the next build's `removeLeftovers`.
    func abandon() {
        let trash = staging.deletingLastPathComponent()
            .appendingPathComponent(staging.lastPathComponent + "-abandoned-\(UInt64.random(in: 0 ... .max))")
        guard rename(stagingPath, trash.path) == 0 else { return discard() }
        DispatchQueue.global(qos: .background).asyncAfter(deadline: .now() + .seconds(2)) {
            try? FileManager.default.removeItem(at: trash)
        }
    }

    private func fail(_ error: any Error) {
        let failure = (error as? Failure) ?? .io("cannot write the site: \(error.localizedDescription)")
        lock.withLock { if firstFailure == nil { firstFailure = failure } }
    }

    /// Each folder is created once, whichever thread needs it first; the others wait for it.
    private func makeFolder(of path: PagePath) throws {
        let folder = path.path.parentPath
        try lock.withLock {
            guard !folders.contains(folder) else { return }
            try FileManager.default.createDirectory(atPath: stagingPath + "/" + folder, withIntermediateDirectories: true)
            folders.insert(folder)
        }
    }

    /// Writes one file made of several parts, in order, without joining them in memory first
    /// (an Anki deck is every answer of the site). `inputs` is worked out only when recorded.
    /// `fingerprint`: what the file was made from, for the ledger (pages only).
    func write(_ path: PagePath, parts: [[UInt8]], inputs: @autoclosure () -> OutputInputs = .init(),
               fingerprint: OutputLedger.Fingerprint? = nil) {
        do {
            let patching = lock.withLock { self.patching }
            var destination = stagingPath + "/" + path.path
            let linked: Bool
            if patching, unchanged?.holds(path.path, parts: parts) == true {
                // The same bytes as the output's file: it stays where it is.
                linked = true
                destination = outputPath + "/" + path.path
                lock.withLock { _ = inPlace.insert(path.path) }
            } else {
                try makeFolder(of: path)
                linked = !patching && unchanged?.keep(path.path, parts: parts, at: destination) == true
                if !linked { try Self.write(parts, to: destination) }
            }
            noteWritten(path, at: destination, size: parts.reduce(0) { $0 + $1.count }, linked: linked, patching: patching,
                        inputs: recordsInputs ? inputs() : nil, fingerprint: fingerprint)
        } catch {
            fail(error)
        }
    }

    /// Writes a listing page as it is rendered, a piece at a time, instead of holding it whole
    /// (at 100,000 questions a category's page is 6 MB). A page with the bytes of the output's is
    /// kept as `write` keeps one, found by comparing the two files once it is written.
    /// Returns the page's size (nil when it could not be written: the failure is kept for `commit`).
    @discardableResult
    func writeStreamed(_ page: ListingPage, fingerprint: OutputLedger.Fingerprint? = nil) -> Int? {
        let path = page.path
        do {
            try makeFolder(of: path)
            let staged = stagingPath + "/" + path.path
            let size = try Self.write(to: staged) { sink in page.render(to: sink) }
            let patching = lock.withLock { self.patching }
            var destination = staged, linked = false
            if let unchanged, unchanged.holds(path.path, sameAs: staged) {
                if patching {
                    // The output's file stays where it is; the staged copy goes.
                    unlink(staged)
                    destination = outputPath + "/" + path.path
                    lock.withLock { _ = inPlace.insert(path.path) }
                    linked = true
                } else {
                    linked = unchanged.keep(path.path, replacing: staged)
                }
            }
            noteWritten(path, at: destination, size: size, linked: linked, patching: patching,
                        inputs: recordsInputs ? page.inputs : nil, fingerprint: fingerprint)
            return size
        } catch {
            fail(error)
            return nil
        }
    }

    /// What `write` and `writeStreamed` record of a file in place: the ledger's entry, its size,
    /// what it was made from.
    private func noteWritten(_ path: PagePath, at destination: String, size: Int, linked: Bool, patching: Bool,
                             inputs recorded: OutputInputs?, fingerprint: OutputLedger.Fingerprint?) {
        if patching { lock.withLock { _ = produced.insert(path.path) } }
        if let ledger, let fingerprint, let record = OutputLedger.Record(of: destination, fingerprint: fingerprint) {
            ledger.note(path.path, record)
        }
        lock.withLock {
            written += 1
            if sizes != nil, !path.isHTML { sizes![path] = size }
            if linked { reusedCount += 1 }
            if let recorded { self.inputs[path] = recorded }
        }
    }

    /// Adds parts to the end of a file written before (a deck that grows category by category).
    func append(_ path: PagePath, parts: [[UInt8]], inputs: @autoclosure () -> OutputInputs = .init()) {
        do {
            // A file left in the output because its start matched goes on in the staging folder.
            let wasInPlace = lock.withLock {
                guard inPlace.remove(path.path) != nil else { return false }
                produced.insert(path.path)
                return true
            }
            if wasInPlace {
                try makeFolder(of: path)
                try FileManager.default.copyItem(atPath: outputPath + "/" + path.path, toPath: stagingPath + "/" + path.path)
            }
            try Self.write(parts, to: stagingPath + "/" + path.path, appending: true)
            let size = parts.reduce(0) { $0 + $1.count }
            lock.withLock { if sizes != nil, !path.isHTML { sizes![path, default: 0] += size } }
            if recordsInputs {
                let recorded = inputs()
                lock.withLock { self.inputs[path] = self.inputs[path, default: .init()].merging(recorded) }
            }
        } catch {
            fail(error)
        }
    }

    /// Puts a file written in parts (appended to) in the ledger, now that it is complete.
    func noteComplete(_ path: PagePath, fingerprint: OutputLedger.Fingerprint) {
        guard let ledger, let record = OutputLedger.Record(of: location(of: path), fingerprint: fingerprint) else { return }
        ledger.note(path.path, record)
    }

    /// Appends the bytes of `source` (a file this build made or kept), less its first `skip`, to
    /// the file at `path`: a category's Anki deck is every answer in it, and the whole deck every
    /// category's. Copied inside the kernel where it can (`copy_file_range`), else a buffer at a time.
    func appendCopy(_ path: PagePath, from source: PagePath, skipping skip: Int) {
        // Nothing appended, but a destination left in the output is first copied to the staging folder.
        append(path, parts: [])
        do {
            let input = open(location(of: source), O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { throw Failure.io("cannot read \(source.path) back: \(String(cString: strerror(errno)))") }
            defer { close(input) }
            let destination = stagingPath + "/" + path.path
            let output = open(destination, O_WRONLY | O_CLOEXEC)
            guard output >= 0 else { throw Failure.io("cannot write \(destination): \(String(cString: strerror(errno)))") }
            defer { close(output) }
            var info = stat()
            guard fstat(output, &info) == 0 else { throw Failure.io("cannot write \(destination): \(String(cString: strerror(errno)))") }
            var from = Int64(skip), to = Int64(info.st_size)
            let start = to
            func failure() -> Failure { .io("cannot copy \(source.path) into \(path.path): \(String(cString: strerror(errno)))") }
            copying: while true {
                let copied = studyguide_copy_range(input, &from, output, &to, 1 << 30)
                if copied > 0 { continue }
                if copied == 0 { break }
                switch errno {
                case EINTR: continue
                case ENOSYS, EXDEV, EINVAL, EOPNOTSUPP:
                    try Self.copyBuffered(input, from: &from, to: output, at: &to, failure: failure)
                    break copying
                default: throw failure()
                }
            }
            let size = Int(to - start)
            lock.withLock { if sizes != nil, !path.isHTML { sizes![path, default: 0] += size } }
        } catch {
            fail(error)
        }
    }

    /// The copy of `appendCopy` where the kernel cannot make it: a buffer at a time.
    private static func copyBuffered(_ input: Int32, from: inout Int64, to output: Int32, at to: inout Int64,
                                     failure: () -> Failure) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = pread(input, buffer.baseAddress!, buffer.count, off_t(from))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure() }
            if count == 0 { return }
            var written = 0
            while written < count {
                let result = pwrite(output, buffer.baseAddress! + written, count - written, off_t(to))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { throw failure() }
                written += result
                to += Int64(result)
            }
            from += Int64(count)
        }
    }

    /// Writes `parts` to the file at `path`, in order (also how `LivePreview` writes a page beside
    /// the one it replaces).
    static func write(_ parts: [[UInt8]], to path: String, appending: Bool = false) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | (appending ? O_APPEND : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw Failure.io("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        for bytes in parts {
            let error = bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
            if error != 0 { throw Failure.io("cannot write \(path): \(String(cString: strerror(error)))") }
        }
    }

    /// Writes the file at `path` from the pieces `produce` hands its sink, in order; returns
    /// what `produce` returns (the file's size).
    static func write(to path: String, _ produce: (_ sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Int) throws -> Int {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure.io("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        // The first failure is kept; the pieces after it are not written.
        var error: Int32 = 0
        let size = produce { piece in
            if error == 0 { error = writeAll(piece, to: descriptor) }
        }
        if error != 0 { throw Failure.io("cannot write \(path): \(String(cString: strerror(error)))") }
        return size
    }

    /// Writes all of `bytes` to `descriptor`; the `errno` of a failure, else 0.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return 0
    }

    /// Moves every staged file into the output, then removes the output's files this build did not
    /// make (and folders left empty), then the staging folder.
    private func patch() throws(Failure) {
        let (produced, inPlace) = lock.withLock { (self.produced, self.inPlace) }
        for relative in Self.files(under: stagingPath) {
            let destination = outputPath + "/" + relative
            let folder = destination.parentPath
            if rename(stagingPath + "/" + relative, destination) != 0 {
                guard errno == ENOENT || errno == ENOTDIR,
                      (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
                      rename(stagingPath + "/" + relative, destination) == 0 else {
                    throw .io("cannot move \(relative) into place: \(String(cString: strerror(errno)))")
                }
            }
        }
        var emptied: Set<String> = []
        for relative in Self.files(under: outputPath) where !produced.contains(relative) && !inPlace.contains(relative) {
            unlink(outputPath + "/" + relative)
            emptied.insert(relative.parentPath)
        }
        // Deepest first: a folder whose files all went goes too (rmdir leaves one that is not empty).
        for folder in emptied.sorted(by: { $0.count > $1.count }) where !folder.isEmpty {
            var path = folder
            while !path.isEmpty, rmdir(outputPath + "/" + path) == 0 { path = path.parentPath }
        }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Regular files and symbolic links below `root`, as paths relative to it.
    private static func files(under root: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = entryName(entry)
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(root + "/" + path, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) { walk(path) } else { result.append(path) }
            }
        }
        walk("")
        return result
    }

    private func swapIn() throws(Failure) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: outputPath) {
            guard studyguide_exchange_paths(stagingPath, outputPath) == 0 else {
                // No atomic exchange here (not Linux, or an unusual file system): fall back
                // to two renames, which leave a brief moment without an output folder.
                let old = staging.appendingPathExtension("old")
                guard rename(outputPath, old.path) == 0, rename(stagingPath, outputPath) == 0 else {
                    throw .io("cannot move the new site into place: \(String(cString: strerror(errno)))")
                }
                try? fileManager.removeItem(at: old)
                return
            }
            try? fileManager.removeItem(at: staging)  // now holds the previous site
        } else {
            try? fileManager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(stagingPath, outputPath) == 0 else {
                throw .io("cannot move the new site into place: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Staging folders of builds that were killed before they could clean up.
    private func removeLeftovers() {
        let parent = output.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(leftoverPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// The swap replaces the output folder wholesale, so never aim it at a folder of
    /// something else (`--output .` by mistake).
    private func checkOutputIsReplaceable() throws(Failure) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: outputPath, isDirectory: &isDirectory) else { return }
        let contents = (try? fileManager.contentsOfDirectory(atPath: outputPath)) ?? []
        guard isDirectory.boolValue, contents.isEmpty || contents.contains("index.html") else {
            throw .notAnOutputFolder(outputPath)
        }
    }
}

extension String {
    /// The path without its last component, as `NSString.deletingLastPathComponent` gives it for a
    /// path without a trailing slash (`a/b.html` → `a`, `b.html` → empty, `/b` → `/`), found on
    /// the UTF-8 bytes: Foundation's walked the characters, 40,000 instructions a file written.
    var parentPath: String {
        var path = self
        return path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return slash == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self)
        }
    }
}
