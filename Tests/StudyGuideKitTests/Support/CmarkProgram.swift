import Foundation

/// Debian's `cmark-gfm` program (package `cmark-gfm`), the reference the wrapper is compared with.
/// Every document gets its own cmark-gfm process, as a user running the program on one file
/// would: documents are never concatenated, because link reference definitions and footnotes
/// are document-wide and no separator line could keep two documents apart.
struct CmarkProgram {
    let path: String

    /// `cmark-gfm` on PATH, or nil.
    static func find() -> CmarkProgram? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in folders + ["/usr/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/cmark-gfm") {
            return CmarkProgram(path: "\(folder)/cmark-gfm")
        }
        return nil
    }

    /// `cmark-gfm --version`'s first line.
    var version: String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return "version unknown" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "version unknown"
    }

    /// The HTML of each document for each list of arguments: `result[configuration][document]`.
    ///
    /// Thousands of launches are the cost, so: each document is written to a file once; a few
    /// shell loops per configuration (two per core) run cmark-gfm once per file, in parallel;
    /// each loop writes its outputs to one file, each followed by a NUL byte, which HTML from
    /// cmark-gfm never contains (it turns U+0000 into U+FFFD). The files go to /dev/shm when
    /// there is one: creating thousands of small files on a disk costs more than the launches.
    func render(_ documents: [[UInt8]], configurations: [[String]]) throws -> [[[UInt8]]] {
        let memory = URL(fileURLWithPath: "/dev/shm")
        let parent = FileManager.default.isWritableFile(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory
        let folder = parent.appendingPathComponent("cmark-differential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, document) in documents.enumerated() {
            try Data(document).write(to: folder.appendingPathComponent("\(index).md"))
        }

        let loops = max(1, min(documents.count, 2 * ProcessInfo.processInfo.activeProcessorCount))
        var running: [(process: Process, output: URL, files: [Int])] = []
        for (configuration, arguments) in configurations.enumerated() {
            // The arguments are ours (no quotes in them); $0 is the program, the files follow.
            precondition(!arguments.contains { $0.contains("'") })
            let options = arguments.map { "'\($0)'" }.joined(separator: " ")
            let script = #"for file do "$0" "# + options
                + #" "$file" || { echo "cmark-gfm failed on $file" >&2; exit 1; }; printf '\0'; done"#
            for loop in 0..<loops {
                let files = Array(stride(from: loop, to: documents.count, by: loops))
                let output = folder.appendingPathComponent("out-\(configuration)-\(loop).html")
                try Data().write(to: output)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", script, path] + files.map { folder.appendingPathComponent("\($0).md").path }
                process.standardOutput = try FileHandle(forWritingTo: output)
                try process.run()
                running.append((process, output, files))
            }
        }

        var results = Array(repeating: Array(repeating: [UInt8](), count: documents.count), count: configurations.count)
        for (index, run) in running.enumerated() {
            run.process.waitUntilExit()
            guard run.process.terminationStatus == 0 else {
                throw Failure(description: "\(path) failed (the shell loop exited with \(run.process.terminationStatus))")
            }
            let pieces = Array(try Data(contentsOf: run.output)).split(separator: 0, omittingEmptySubsequences: false).dropLast()
            guard pieces.count == run.files.count else {
                throw Failure(description: "\(path) gave \(pieces.count) outputs for \(run.files.count) documents")
            }
            for (document, html) in zip(run.files, pieces) { results[index / loops][document] = Array(html) }
        }
        return results
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
