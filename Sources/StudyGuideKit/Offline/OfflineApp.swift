/// The installable offline app of a build: `manifest.webmanifest` (name, icons, colours) and
/// `sw.js`, the service worker, at the site's root so that its scope is the whole site. `sw.js`
/// holds only this build's data, the version and the precache list; what the worker does is the
/// theme's `assets/offline-worker.js`. Every URL in both is relative, so the site works under any
/// sub-path. Written last, once every file it lists is on disk; `serve` never writes it.
enum OfflineApp {
    static let manifestPath = PagePath("manifest.webmanifest")
    static let workerPath = PagePath("sw.js")
    /// The theme's worker, loaded by `sw.js` with `importScripts` (relative to `sw.js`).
    static let workerScript = PagePath.asset("offline-worker.js")

    /// Writes the manifest, chooses the precache list from the files written so far, and
    /// writes the worker. Returns the list and the build's version.
    @discardableResult
    static func write(for site: Site, settings: OfflineSettings, theme: Theme, into output: StagingFolder)
        -> (precache: [PagePath], version: String) {
        output.write(OutputFile(path: manifestPath, bytes: WebManifest(site: site, settings: settings, theme: theme).bytes))
        let chosen = PrecachePolicy.chosen(sizes: output.writtenSizes, pageSize: output.writtenSize(of:),
                                           pages: PrecachePolicy.pages(of: site), limit: settings.precacheLimitBytes)
        let precache = chosen.map(\.path)
        let version = BuildVersion.of(precache, in: output)
        output.write(OutputFile(path: workerPath, bytes: workerSource(version: version, precache: precache)))
        return (precache, version)
    }

    static func workerSource(version: String, precache: [PagePath]) -> [UInt8] {
        let data = JSONValue.object([
            ("version", .string(version)),
            ("precache", .array(precache.map { .string($0.path) })),
        ])
        var out = Array("""
            // The offline app of this build, written by studyguide: its version and the files downloaded on the first
            // visit (paths relative to this file). The theme's \(workerScript.path) does the work.
            self.studyguideOffline = 
            """.utf8)
        data.write(to: &out)
        out.append(contentsOf: ";\nimportScripts(\"\(workerScript.path)\");\n".utf8)
        return out
    }
}
