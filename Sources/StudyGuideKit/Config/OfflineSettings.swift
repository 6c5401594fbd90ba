/// `offline` in `site.yml`: the installable offline app (a web app manifest and a service worker).
/// `offline: false` turns it off; `offline: { precache_limit_mb: 20, short_name: "Guide" }` tunes it.
struct OfflineSettings: Sendable, Equatable {
    /// How many bytes the service worker downloads on the first visit (see `PrecachePolicy`).
    var precacheLimitBytes: Int
    /// The name under the icon of an installed app; the site's title when not set.
    var shortName: String?

    static let defaultLimitMegabytes = 20
    static let keys = ["precache_limit_mb", "short_name"]

    init(precacheLimitBytes: Int = defaultLimitMegabytes * 1_000_000, shortName: String? = nil) {
        self.precacheLimitBytes = precacheLimitBytes
        self.shortName = shortName
    }

    /// The settings `node` asks for: nil when the app is off. Problems go to `fields`, at their place.
    static func read(_ node: FrontMatterValue?, into fields: inout FieldReader) -> OfflineSettings? {
        guard let node else { return OfflineSettings() }
        if let scalar = node.scalar {
            guard scalar.type == .bool, let on = ScalarType.boolValue(scalar.text) else {
                fields.appendDiagnostic(.error(at: fields.location(of: node),
                    "offline must be true, false or a mapping such as { precache_limit_mb: 20 }", rule: "config"))
                return nil
            }
            return on ? OfflineSettings() : nil
        }
        guard let entries = node.mapping else {
            fields.appendDiagnostic(.error(at: fields.location(of: node),
                "offline must be true, false or a mapping such as { precache_limit_mb: 20 }", rule: "config"))
            return nil
        }
        var settings = OfflineSettings()
        for entry in entries {
            let key = entry.key.scalar?.text ?? ""
            let value = entry.value.scalar
            switch key {
            case "precache_limit_mb":
                guard let value, value.type == .int, let megabytes = ScalarType.intValue(value.text), megabytes >= 0,
                      megabytes <= 100_000 else {
                    fields.appendDiagnostic(.error(at: fields.location(of: entry.value),
                        "precache_limit_mb must be a whole number of megabytes, 0 or more", rule: "config"))
                    continue
                }
                settings.precacheLimitBytes = megabytes * 1_000_000
            case "short_name":
                guard let value, value.type == .string || value.type == .int, !value.text.isEmpty else {
                    fields.appendDiagnostic(.error(at: fields.location(of: entry.value), "short_name must be text", rule: "config"))
                    continue
                }
                settings.shortName = value.text
            default:
                fields.appendDiagnostic(.error(at: fields.location(of: entry.key),
                    "unknown key '\(key)' under offline\(Suggestion.hint(for: key, in: keys))", rule: "unknown-key"))
            }
        }
        return settings
    }
}
