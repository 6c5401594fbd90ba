/// The manifest's colours, read from the theme's stylesheet so that an installed app's title bar
/// matches the page header (`--surface`) and its splash screen the page (`--bg`): the first,
/// light-scheme, value of each custom property, when it is a hex colour.
struct ThemeColors: Equatable {
    var theme = "#f6f8fa"
    var background = "#ffffff"

    init(stylesheet: [UInt8]) {
        let text = String(decoding: stylesheet, as: UTF8.self)
        theme = Self.hexColor(named: "--surface", in: text) ?? theme
        background = Self.hexColor(named: "--bg", in: text) ?? background
    }

    private static func hexColor(named name: String, in text: String) -> String? {
        guard let start = text.range(of: name + ":")?.upperBound else { return nil }
        let value = String(text[start...].prefix { $0 != ";" && $0 != "}" }).trimmingWhitespace()
        let digits = value.dropFirst()
        guard value.first == "#", [3, 6].contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        return value.lowercased()
    }
}

extension Theme {
    /// The bytes of one of the theme's static files (the site's own first), if it has it.
    func staticBytes(of path: PagePath) -> [UInt8]? {
        guard let file = staticFiles.first(where: { $0.path == path }) else { return nil }
        switch file.source {
        case .bytes(let bytes): return bytes
        case .file(let source): return ContentLoader.readFile(source, expectedSize: 64 * 1024)
        }
    }
}
