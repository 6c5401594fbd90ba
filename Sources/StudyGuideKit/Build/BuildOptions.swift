public import Foundation

/// What to build and where.
public struct BuildOptions: Sendable {
    /// The site folder: `site.yml`, `content/`, optional `layouts/` and `static/`.
    public var source: URL
    /// Where the site goes; `<source>/public` by default.
    public var output: URL
    /// Where themes live; `<source>/themes` by default.
    public var themes: URL
    public var includeDrafts: Bool
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    /// Record what each output was made from in `BuildReport.outputs` (what an incremental
    /// rebuild reads; `serve` and the tests ask for it, `build` does not need it).
    public var recordsInputs = false
    /// Keep the built site in `BuildReport.preview` (`serve` does, to show edits at once).
    public var keepsPreview = false
    /// A folder where rendered bodies are kept between builds (`BodyCache`); none by default.
    public var cacheFolder: String?
    /// When the process started, for a build that reports the time before its first stage
    /// (`build --verbose`'s `start`); nil in a process that builds more than once.
    public var processStart: ProcessStart?
    /// How paths are shown in diagnostics: the prefix the user would type.
    var displayPrefix: String

    public init(source: String, output: String? = nil, themes: String? = nil, includeDrafts: Bool = false, baseURL: String? = nil) {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        self.source = sourceURL
        self.output = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? sourceURL.appendingPathComponent("public")
        self.themes = themes.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? sourceURL.appendingPathComponent("themes")
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        let trimmed = source.hasSuffix("/") ? String(source.dropLast()) : source
        displayPrefix = trimmed.isEmpty || trimmed == "." ? "" : trimmed + "/"
    }
}
