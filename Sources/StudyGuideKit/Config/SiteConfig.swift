internal import Yams

/// `site.yml`: the settings of a whole site.
struct SiteConfig: Sendable {
    var title: String
    var description: String
    /// The public address the site is served from, ending in `/`; enables the sitemap,
    /// robots.txt, canonical links and the Atom feed. Every other link stays relative.
    var baseURL: String?
    /// The `lang` of every page.
    var language: String
    /// The folder under `themes/` to render with.
    var theme: String
    /// Pass raw HTML in Markdown through (cmark's unsafe mode). Off by default.
    var rawHTML: Bool
    /// The author named in the Atom feed.
    var author: String
    /// How many recently updated questions the home page lists.
    var recentCount: Int
    /// Highlight fenced code at build time (on by default; Hugo's `codeFences`).
    var highlightCode: Bool
    /// The installable offline app; nil when `offline: false`.
    var offline: OfflineSettings?

    init(title: String, description: String = "", baseURL: String? = nil, language: String = "en",
                theme: String = "default", rawHTML: Bool = false, author: String? = nil, recentCount: Int = 8,
                highlightCode: Bool = true, offline: Bool = true) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.map(Self.normalizedBaseURL)
        self.language = language
        self.theme = theme
        self.rawHTML = rawHTML
        self.author = author ?? title
        self.recentCount = recentCount
        self.highlightCode = highlightCode
        self.offline = offline ? OfflineSettings() : nil
    }

    static let keys = ["title", "description", "base_url", "language", "theme", "raw_html", "author", "recent_count", "highlight", "offline"]

    /// Parses the text of `site.yml`.
    static func parse(_ text: String, path: String) -> (SiteConfig?, [Diagnostic]) {
        let (reader, yamlProblems) = FieldReader.parse(yaml: text, path: path, firstLine: 1)
        guard var fields = reader else { return (nil, yamlProblems) }
        fields.rejectUnknownKeys(allowed: keys)
        let title = fields.string("title", required: true)
        var baseURL = fields.located("base_url")
        if let url = baseURL, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) {
            fields.appendDiagnostic(.error(at: url.location,
                "base_url must be an absolute http(s) address such as https://example.org/guide/", rule: "config"))
            baseURL = nil
        }
        let language = fields.located("language")
        if let language, !language.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
            fields.appendDiagnostic(.error(at: language.location, "language must be a tag such as 'en' or 'en-GB'", rule: "config"))
        }
        let theme = fields.located("theme")
        if let theme, !Slug.isValid(theme.value) {
            fields.appendDiagnostic(.error(at: theme.location, "theme must name a folder under themes/: \(Slug.rule)", rule: "config"))
        }
        let offline = OfflineSettings.read(fields.node("offline"), into: &fields)
        var config = SiteConfig(
            title: title ?? "",
            description: fields.string("description") ?? "",
            baseURL: baseURL?.value,
            language: language?.value ?? "en",
            theme: theme?.value ?? "default",
            rawHTML: fields.bool("raw_html") ?? false,
            author: fields.string("author"),
            recentCount: max(0, fields.int("recent_count") ?? 8),
            highlightCode: fields.bool("highlight") ?? true
        )
        config.offline = offline
        return (fields.diagnostics.containsErrors ? nil : config, fields.diagnostics)
    }

    private static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
