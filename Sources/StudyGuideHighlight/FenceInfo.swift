/// A fence's info string, read the way Hugo reads it: a language, then optional attributes in
/// braces.
///
///     ```go {linenos=true, hl_lines=[2, "5-7"], linenostart=10}
///
/// - `linenos`: number the lines (`true`, `table` and `inline` all do; `false` does not).
/// - `hl_lines`: lines to mark, as numbers and ranges (`[2, "5-7"]`, or `"2 5-7"`), counted from
///   the block's first line whatever `linenostart` says, as Hugo and MkDocs count them.
/// - `linenostart`: the first line's number (default 1).
/// Other attributes are ignored, as Hugo ignores those it does not know.
public struct FenceInfo: Equatable, Sendable {
    public var language: String = ""
    public var lineNumbers = false
    public var firstLine = 1
    public var markedLines: [ClosedRange<Int>] = []

    public init(_ info: some StringProtocol) {
        let text = Substring(info)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        let word = trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
        language = String(word)
        guard let open = trimmed.firstIndex(of: "{") else { return }
        let inner = trimmed[trimmed.index(after: open)...].prefix { $0 != "}" }
        for (key, value) in Self.attributes(inner) {
            switch key.lowercased() {
            case "linenos":
                lineNumbers = !["false", "none", "0", ""].contains(value.lowercased())
            case "linenostart":
                if let number = Int(value), (1 ... 1_000_000).contains(number) { firstLine = number }
            case "hl_lines":
                markedLines = Self.ranges(value)
            default:
                break
            }
        }
    }

    /// Whether the block wants lines wrapped one by one.
    var wrapsLines: Bool { lineNumbers || !markedLines.isEmpty }

    func isMarked(_ line: Int) -> Bool {
        markedLines.contains { $0.contains(line) }
    }

    /// `key=value` pairs separated by commas or spaces; a value may be a `[…]` list or quoted.
    private static func attributes(_ text: Substring) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var index = text.startIndex
        func skip(_ separators: Set<Character>) {
            while index < text.endIndex, separators.contains(text[index]) { index = text.index(after: index) }
        }
        while index < text.endIndex {
            skip([" ", "\t", ","])
            let keyStart = index
            while index < text.endIndex, !["=", " ", "\t", ","].contains(text[index]) { index = text.index(after: index) }
            let key = String(text[keyStart ..< index])
            skip([" ", "\t"])
            var value = ""
            if index < text.endIndex, text[index] == "=" {
                index = text.index(after: index)
                skip([" ", "\t"])
                let valueStart = index
                if index < text.endIndex, text[index] == "[" {
                    while index < text.endIndex, text[index] != "]" { index = text.index(after: index) }
                    if index < text.endIndex { index = text.index(after: index) }
                } else if index < text.endIndex, text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    index = text.index(after: index)
                    while index < text.endIndex, text[index] != quote { index = text.index(after: index) }
                    if index < text.endIndex { index = text.index(after: index) }
                } else {
                    while index < text.endIndex, ![" ", "\t", ","].contains(text[index]) { index = text.index(after: index) }
                }
                value = String(text[valueStart ..< index]).trimmingQuotes()
            }
            if !key.isEmpty { pairs.append((key, value)) }
        }
        return pairs
    }

    /// `[2, "5-7"]`, `"2 5-7"` or `2`: the ranges, with anything unreadable left out.
    private static func ranges(_ value: String) -> [ClosedRange<Int>] {
        let items = value.split { " ,[]\"'\t".contains($0) }
        return items.compactMap { item -> ClosedRange<Int>? in
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1 ... 2).contains(ends.count), let low = Int(ends[0]), let high = Int(ends[ends.count - 1]),
                  low >= 0, low <= high, high <= 10_000_000
            else { return nil }
            return low ... high
        }
    }
}

private extension String {
    func trimmingQuotes() -> String {
        guard count >= 2, let first, let last, first == last, first == "\"" || first == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
