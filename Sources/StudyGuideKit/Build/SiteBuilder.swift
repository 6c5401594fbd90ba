internal import Foundation

/// Runs the pipeline: load → parse → resolve → render → write. Each stage returns values
/// and diagnostics; the build stops before writing when any stage reported an error, so
/// the previous output stays as it was.
public enum SiteBuilder {
    /// The model of the site without writing anything (used by `build` and by checks).
    static func load(_ options: BuildOptions, report: inout BuildReport) -> Site? {
        load(options, report: &report, cache: nil)
    }

    /// The model of the site; with `cache`, questions whose files are unchanged come from it unparsed.
    static func load(_ options: BuildOptions, report: inout BuildReport, cache: BodyCache?) -> Site? {
        let prefix = options.displayPrefix
        var clock = StageClock()

        let configPath = options.source.appendingPathComponent("site.yml")
        guard let configData = FileManager.default.contents(atPath: configPath.path) else {
            report.diagnostics.append(.error(at: .init(path: prefix + "site.yml"), "site.yml not found: is this a StudyGuide site folder?", rule: "config"))
            return nil
        }
        let (configText, configProblems) = SourceText.decode([UInt8](configData), path: prefix + "site.yml")
        report.diagnostics += configProblems
        var config: SiteConfig?
        if let configText {
            let (parsed, problems) = SiteConfig.parse(String(decoding: configText.bytes, as: UTF8.self), path: prefix + "site.yml")
            config = parsed
            report.diagnostics += problems
        }
        if let baseURL = options.baseURL { config?.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }

        let (documents, assets, fileHashes) = parseContent(options, cache: cache, report: &report, clock: &clock)
        guard let config, !BuildContext.current.isCancelled else { return nil }
        var (site, resolveProblems) = SiteResolver.resolve(config: config, documents: documents, includeDrafts: options.includeDrafts)
        site.assets = assets
        if let fileHashes {
            var hash = StableHash()
            hash.add([UInt8](configData))
            hash.add(Array((options.baseURL ?? "").utf8))
            site.sources = SourceHashes(config: hash.key, files: fileHashes)
        }
        report.diagnostics += resolveProblems
        report.stages.append(clock.lap("resolve"))
        return site
    }

    /// Finds, reads and parses every file of `content/`: the parsed documents, and the files that
    /// are not Markdown. The list of files (a content path each) is let go on return, before the
    /// site is resolved: at 100,000 questions it was 50 MB of the peak.
    /// With a cache folder, each file's bytes are hashed too, for the pages' fingerprints; with a
    /// cache, a question file parsed by an earlier build comes from its record (`QuestionRecord`).
    private static func parseContent(_ options: BuildOptions, cache: BodyCache?, report: inout BuildReport,
                                     clock: inout StageClock) -> ([ContentDocument], [String: String], [String: BodyCache.Key]?) {
        let began = FileStamps.now
        let content = ContentLoader.load(contentDirectory: options.source.appendingPathComponent("content"),
                                         displayPrefix: options.displayPrefix + "content/", stamping: cache != nil)
        let contentRoot = content.root
        report.diagnostics += content.diagnostics
        report.stages.append(clock.lap("load"))

        // Each worker reads, checks and parses a file, then lets its text go: bodies are read
        // again when rendered, so the text of every file is never held at once.
        let notes = SpilledNotes()
        let interner = StringInterner()
        let cancellation = BuildContext.current.cancellation
        let hashing = options.cacheFolder != nil
        // Every body that is its file's content path inside the content folder is read again from there.
        let contentFile = MarkdownBody.File(path: nil, in: contentRoot)
        // A file found as it stood when an earlier build hashed it is not read again when its parse is kept.
        let stamps = cache == nil ? nil : options.cacheFolder.map { FileStamps(folder: $0, root: contentRoot) }
        let parsed = parallelMap(content.files) { file -> (ContentDocument?, [Diagnostic], BodyCache.Key?, fromCache: BodyCache.Key?) in
            if cancellation?.isCancelled == true { return (nil, [], nil, nil) }
            let contentPath = content.contentPath(of: file), linkedPath = content.linkedPath(of: file)
            let displayPath = content.displayPrefix + contentPath
            // Most files are the content folder plus their content path: that pair is kept instead
            // of a path per file (a symbolic link inside content/ keeps its own).
            let bodyFile = linkedPath.map { MarkdownBody.File(path: $0) } ?? contentFile
            func recordKey(_ hash: BodyCache.Key) -> BodyCache.Key {
                QuestionRecord.key(file: hash, contentPath: contentPath, displayPath: displayPath, linkedPath: linkedPath)
            }
            // A record read from the cache is kept for the next build below, all of them under one lock.
            func kept(_ hash: BodyCache.Key) -> Question? {
                cache?.blob(for: recordKey(hash), keeping: false).flatMap {
                    QuestionRecord.decode($0, bodyFile: bodyFile, spillingNotesTo: notes, interner: interner)
                }
            }
            if let stamp = content.stamp(of: file), let hash = stamps?.hash(of: contentPath, stamp: stamp), let question = kept(hash) {
                return (.question(question), [], hash, recordKey(hash))
            }
            guard let raw = ContentLoader.readFile(linkedPath ?? contentRoot + "/" + contentPath, expectedSize: Int(file.size)) else {
                return (nil, [.error(at: .init(path: displayPath), "cannot read file", rule: "io")], nil, nil)
            }
            var hash: BodyCache.Key?
            if hashing {
                var hasher = StableHash()
                hasher.add(raw)
                hash = hasher.key
            }
            if let hash, let question = kept(hash) { return (.question(question), [], hash, recordKey(hash)) }
            let (text, problems) = SourceText.decode(raw, path: displayPath)
            guard let text else { return (nil, problems, hash, nil) }
            let (document, more) = ContentDocument.parse(text, contentPath: contentPath)
            let detached = document?.detachingBody(from: bodyFile, normalised: text.normalised,
                                                   spillingNotesTo: notes, interner: interner)
            if let cache, let hash, problems.isEmpty, more.isEmpty, case .question(let parsed)? = document,
               case .question(let question)? = detached, let record = QuestionRecord.encode(question, notes: parsed.notes) {
                cache.storeBlob(record, for: recordKey(hash))
            }
            return (detached, problems + more, hash, nil)
        }
        cache?.keep(parsed.compactMap(\.3))
        report.diagnostics += parsed.flatMap(\.1)
        report.cachedParses = parsed.count { $0.3 != nil }
        var hashes: [String: BodyCache.Key]?
        if hashing {
            // Each hashed file's path, made once for the pages' fingerprints and the stamps (kept
            // only with a cache, which hashing always comes with).
            let hashed = zip(content.files, parsed).compactMap { file, result in result.2.map { (file, content.contentPath(of: file), $0) } }
            hashes = Dictionary(hashed.map { ($0.1, $0.2) }, uniquingKeysWith: { first, _ in first })
            if stamps != nil, let folder = options.cacheFolder {
                let files = hashed.compactMap { file, path, hash in content.stamp(of: file).map { (path, $0, hash) } }
                FileStamps.save(files, root: contentRoot, began: began, in: folder)
            }
        }
        report.stages.append(clock.lap("parse"))
        return (parsed.compactMap(\.0), content.assets, hashes)
    }

    /// Builds the site into `options.output`.
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = BuildReport()
        if let start = options.processStart { report.stages.append(StageClock.stage("start", since: start)) }
        run(options, report: &report)
        report.diagnostics.sort()
        return report
    }

    /// The theme's layers in lookup order: the site's `layouts/` and `static/`, then
    /// `themes/<name>/` when it exists, then the built-in theme. A theme other than the
    /// default must exist on disk.
    static func loadTheme(named name: String, language: String = "en", options: BuildOptions) -> (Theme?, [Diagnostic]) {
        let directory = options.themes.appendingPathComponent(name)
        let display = options.themes.path == options.source.appendingPathComponent("themes").path
            ? options.displayPrefix + "themes/" + name
            : directory.path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue
        guard exists || name == "default" else {
            return (nil, [.error(at: .init(path: display), "theme folder not found", rule: "theme")])
        }
        var layers = [ThemeLayer.site(options.source, displayPrefix: options.displayPrefix)]
        if exists { layers.append(.theme(directory, display: display)) }
        layers.append(.builtin)
        return Theme.load(layers: layers, language: language, missingDisplay: exists ? display + "/templates" : options.displayPrefix + "layouts")
    }

    private static func run(_ options: BuildOptions, report: inout BuildReport) {
        // With a cache, pages made from the same files as the previous output's are kept from it,
        // and files parsed before are not parsed again. The body cache locks its folder: a build
        // that cannot have it (another one is running with the same cache) keeps no ledger either,
        // so two builds never patch one output.
        var cacheClock = StageClock()
        let cache = options.cacheFolder.flatMap { BodyCache(folder: $0) }
        // Opening the cache (its index) and saving it make one stage, listed first.
        var cacheStage = cacheClock.lap("cache")
        defer { if cache != nil { report.stages.insert(cacheStage, at: options.processStart == nil ? 0 : 1) } }
        let loaded = load(options, report: &report, cache: cache)
        guard !BuildContext.current.isCancelled else {
            report.cancelled = true
            return
        }
        var clock = StageClock()

        let (theme, themeProblems) = loadTheme(named: loaded?.config.theme ?? "default", language: loaded?.config.language ?? "en",
                                               options: options)
        report.diagnostics += themeProblems
        // Consumed, so that releasing the Markdown sources below frees them.
        guard let site = consume loaded, let theme, !report.diagnostics.containsErrors else { return }

        report.stages.append(clock.lap("theme"))

        let staging = StagingFolder(output: options.output, recordsInputs: options.recordsInputs)
        do {
            try staging.prepare()
        } catch {
            report.diagnostics.append(.error(at: .init(path: options.output.path), error.description, rule: "output"))
            return
        }
        let ledger = cache == nil ? nil : options.cacheFolder.map { OutputLedger(cacheFolder: $0, output: options.output.standardizedFileURL.path) }
        staging.ledger = ledger
        // Over the output its ledger describes, most files stay: the output is patched rather than
        // swapped. Not in `serve`, whose preview writes into the output while a build runs.
        if let ledger, ledger.describesOutput, !options.keepsPreview { staging.patchInPlace() }
        // The offline app's precache list is chosen by size once the rest is written; `serve` has none
        // (a service worker would answer a contributor with stale pages).
        let offline = options.keepsPreview ? nil : site.config.offline
        if offline != nil { staging.recordSizes() }
        let assets = site.assets.keys.sorted().map { StaticFile(path: PagePath($0), source: .file(site.assets[$0]!)) }
        _ = parallelMap(theme.staticFiles + assets) { staging.copy($0) }
        report.stages.append(clock.lap("static"))

        // Bodies were let go after parsing: each batch is read again, rendered and written in turn.
        let links = ContentLinks(site: site, hashingShape: cache != nil)
        let fingerprints = ledger == nil ? nil : PageFingerprints(site: site, theme: theme, shape: links.shape)
        // Where each content path links to, and what each page is made from: part of resolving the site.
        report.stages.add(clock.lap("resolve"))
        let rendered = BuildContext.highlighting(site.config.highlightCode) {
            SiteRenderer.render(site, theme: theme, links: links, rawHTML: site.config.rawHTML, into: staging,
                                collectingLinkTargets: options.keepsPreview, cache: cache, fingerprints: fingerprints)
        }
        if let cache, !BuildContext.current.isCancelled {
            // A kept answer whose text could not be read back nor its file read again was left empty.
            report.diagnostics += cache.lostTexts.map {
                .error(at: .init(path: $0), "the file changed or vanished while the site was being built; build again", rule: "io")
            }
            cacheClock = StageClock()
            cache.save()
            cacheStage = cacheStage.adding(cacheClock.lap("cache"))
            report.cachedBodies = cache.hits
            report.searchUpdatedAnswers = rendered.searchUpdatedAnswers
            report.renderedBodies = cache.misses
        }
        report.diagnostics += rendered.diagnostics
        report.stages += rendered.stages
        _ = clock.lap("render")
        if BuildContext.current.isCancelled {
            report.cancelled = true
            return staging.abandon()
        }
        guard !report.diagnostics.containsErrors else { return staging.discard() }
        if let offline {
            OfflineApp.write(for: site, settings: offline, theme: theme, into: staging)
            report.stages.append(clock.lap("offline"))
        }

        let files = staging.writtenCount
        let outputs = staging.writtenInputs
        do {
            try staging.commit()
        } catch {
            report.diagnostics.append(.error(at: .init(path: options.output.path), error.description, rule: "output"))
            return
        }
        ledger?.save()
        // The cache's lock is held until the output and its ledger agree.
        withExtendedLifetime(cache) {}
        report.stages.append(clock.lap("swap"))
        report.pagesWritten = rendered.pages
        report.filesWritten = files
        report.reusedFiles = staging.reused
        report.keptFiles = staging.kept
        report.outputs = Dictionary(uniqueKeysWithValues: outputs.map { ($0.key.path, $0.value) })
        if options.keepsPreview {
            report.preview = LivePreview(options: options, site: site, theme: theme, links: links, pageBodies: rendered.pageBodies,
                                         linkTargets: rendered.linkTargets)
        }
    }
}

/// Times consecutive stages (Zola's `log_time`).
struct StageClock {
    private var start = ContinuousClock.now
    private var cpuStart = Self.usage().cpuSeconds

    mutating func lap(_ name: String) -> BuildReport.Stage {
        let now = ContinuousClock.now
        let elapsed = now - start
        start = now
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        BuildContext.current.progress?(.finished(stage: name))
        let usage = Self.usage()
        defer { cpuStart = usage.cpuSeconds }
        return BuildReport.Stage(name: name, seconds: seconds, peakBytes: usage.peakBytes, cpuSeconds: usage.cpuSeconds - cpuStart)
    }

    /// The time from the process's start to now, as a stage: its CPU time is all the process used.
    static func stage(_ name: String, since start: ProcessStart) -> BuildReport.Stage {
        let usage = usage()
        return BuildReport.Stage(name: name, seconds: start.elapsed, peakBytes: usage.peakBytes, cpuSeconds: usage.cpuSeconds)
    }

    private static func usage() -> (cpuSeconds: Double, peakBytes: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), Int(usage.ru_maxrss) * 1024)
    }
}
