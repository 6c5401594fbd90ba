internal import Foundation

/// `manifest.webmanifest`: what a browser needs to install the site as an app. Its URLs are
/// relative to the manifest, which sits at the site's root.
struct WebManifest {
    let site: Site
    let settings: OfflineSettings
    let theme: Theme

    /// The theme's icons, in `assets/` (made by `scripts/make_icons.py`).
    static let icons: [(path: String, sizes: String, type: String)] = [
        ("assets/icon.svg", "any", "image/svg+xml"),
        ("assets/icon-192.png", "192x192", "image/png"),
        ("assets/icon-512.png", "512x512", "image/png"),
    ]

    var bytes: [UInt8] {
        let colors = ThemeColors(stylesheet: theme.staticBytes(of: .asset("style.css")) ?? [])
        let config = site.config
        var members: [(String, JSONValue)] = [
            ("name", .string(config.title)),
            ("short_name", .string(settings.shortName ?? config.title)),
        ]
        if !config.description.isEmpty { members.append(("description", .string(config.description))) }
        members += [
            ("lang", .string(config.language)),
            ("dir", .string(LanguageTag.isRightToLeft(config.language) ? "rtl" : "ltr")),
            ("start_url", .string(PagePath.home.path)),
            ("scope", .string("./")),
            ("display", .string("standalone")),
            ("background_color", .string(colors.background)),
            ("theme_color", .string(colors.theme)),
            ("icons", .array(Self.icons.map {
                .object([("src", .string($0.path)), ("sizes", .string($0.sizes)), ("type", .string($0.type))])
            })),
        ]
        var out = JSONValue.object(members).bytes
        out.append(UInt8(ascii: "\n"))
        return out
    }
}
