/// The theme's words in the site's language, resolved once per build: the theme's English table,
/// then each table of the language's chain (`de`, then `de-AT`), each layer's file over the one
/// below it (built-in theme, theme folder, the site's `i18n/`). Pages read the few labels they
/// show per card from arrays made here, never by looking a key up.
final class ThemeStrings: Sendable {
    /// The site's `language`, as pages declare it.
    let language: String
    let pluralRule: PluralRule
    let isRightToLeft: Bool
    let entries: [String: Translation]
    /// `Difficulty.allCases` and `QuestionKind.allCases` as badges show them.
    let difficultyLabels: [String]
    let kindLabels: [String]
    /// January to December, and `{day} {month} {year}` in the language's order, cut at its
    /// placeholders once: every card with a date shows one, and replacing placeholders in a
    /// String per card cost a tenth of the pages stage at 10,000 questions.
    let monthNames: [String]
    private let longDatePieces: [DatePiece]

    private enum DatePiece: Sendable {
        case text(String), day, month, year
    }
    /// `assets/strings.js`, when the scripts need other words than the English they carry.
    let scriptTable: [UInt8]?
    /// Where `scriptTable` is written; pages load it before every other script.
    static let scriptPath = "assets/strings.js"

    init(language: String, entries: [String: Translation], english: [String: Translation]) {
        self.language = language
        self.entries = entries
        pluralRule = PluralRule(language: language)
        isRightToLeft = LanguageTag.isRightToLeft(language)
        func plain(_ key: String) -> String { entries[key]?.plainText ?? key }
        difficultyLabels = Difficulty.allCases.map { plain("difficulty_" + $0.rawValue) }
        kindLabels = QuestionKind.allCases.map { plain("kind_" + $0.rawValue.replacing("-", with: "_")) }
        monthNames = (1 ... 12).map { plain("month_\($0)") }
        longDatePieces = Self.pieces(of: plain("date_long"))
        scriptTable = entries == english ? nil : Self.script(language: language, entries: entries)
    }

    /// The text of `key`, with `{name}` placeholders filled from `values`.
    func text(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        var text = entries[key]?.plainText ?? key
        for (name, value) in values { text = text.replacingPlaceholder(name, with: value) }
        return text
    }

    /// The text of `key` in the plural form `count` takes, with the number in it.
    func text(_ key: String, count: Int) -> String {
        entries[key]?.text(count: count, rule: pluralRule) ?? key
    }

    func label(_ difficulty: Difficulty) -> String {
        difficultyLabels[Difficulty.allCases.firstIndex(of: difficulty)!]
    }

    func label(_ kind: QuestionKind) -> String {
        kindLabels[QuestionKind.allCases.firstIndex(of: kind)!]
    }

    /// "24 November 2026", "24. November 2026", "24 novembre 2026".
    func longDate(_ date: ContentDate) -> String {
        var text = ""
        text.reserveCapacity(32)  // grown once, not at each piece
        for piece in longDatePieces {
            switch piece {
            case .text(let part): text += part
            case .day: text += String(date.day)
            case .month: text += monthNames[date.month - 1]
            case .year: text += String(date.year)
            }
        }
        return text
    }

    private static func pieces(of pattern: String) -> [DatePiece] {
        var pieces: [DatePiece] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            let close = rest[open...].firstIndex(of: "}")
            let name = close.map { rest[rest.index(after: open) ..< $0] }
            let placeholder: DatePiece? = switch name {
            case "day": .day
            case "month": .month
            case "year": .year
            default: nil
            }
            guard let placeholder, let close else {
                pieces.append(.text(String(rest[...open])))
                rest = rest[rest.index(after: open)...]
                continue
            }
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(placeholder)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// `window.StudyGuideStrings = {"lang": …, "strings": {key: text or {form: text}}}`, keys sorted
    /// so that builds are byte-identical; strings escaped as all data for scripts is.
    private static func script(language: String, entries: [String: Translation]) -> [UInt8] {
        let strings = entries.keys.sorted().map { key -> (String, JSONValue) in
            switch entries[key]! {
            case .text(let text): return (key, .string(text))
            case .plural(let forms):
                return (key, .object(PluralCategory.allCases.compactMap { form in forms[form].map { (form.rawValue, .string($0)) } }))
            }
        }
        var out = Array("// Written by the build from the theme's translation tables: the words the scripts show.\nwindow.StudyGuideStrings = ".utf8)
        JSONValue.object([("lang", .string(language)), ("strings", .object(strings))]).write(to: &out)
        out += Array(";\n".utf8)
        return out
    }
}
