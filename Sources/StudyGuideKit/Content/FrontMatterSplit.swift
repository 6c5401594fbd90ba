/// A content file cut into its YAML front-matter and its Markdown body.
struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` fences.
    var yaml: String
    /// File line of the YAML's first line (2 when the file opens with the fence).
    var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    var body: ArraySlice<UInt8>
    /// File line of the body's first line.
    var bodyFirstLine: Int

    /// Splits normalised text. The front-matter must open on line 1 with `---` and close
    /// with a line that is `---` (or YAML's `...`).
    static func split(_ text: SourceText) -> (FrontMatterSplit?, [Diagnostic]) {
        let bytes = text.bytes
        let start = SourceLocation(path: text.path)
        guard isFence(bytes, lineStart: 0, allowDots: false) else {
            let message = "missing front-matter: the file must start with a '---' line, then YAML keys, then '---'"
            return (nil, [.error(at: start, message, rule: "front-matter")])
        }
        var lineStart = lineEnd(bytes, from: 0) + 1
        let yamlStart = lineStart
        var line = 2
        while lineStart < bytes.count {
            if isFence(bytes, lineStart: lineStart, allowDots: true) {
                let yaml = String(decoding: bytes[yamlStart..<lineStart], as: UTF8.self)
                let bodyStart = min(lineEnd(bytes, from: lineStart) + 1, bytes.count)
                return (FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: bytes[bodyStart...], bodyFirstLine: line + 1), [])
            }
            lineStart = lineEnd(bytes, from: lineStart) + 1
            line += 1
        }
        return (nil, [.error(at: start, "front-matter is not closed: add a '---' line after the last key", rule: "front-matter")])
    }

    private static func lineEnd(_ bytes: [UInt8], from index: Int) -> Int {
        var i = index
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        return i
    }

    /// `---` (or `...`) followed only by spaces or tabs up to the end of the line.
    private static func isFence(_ bytes: [UInt8], lineStart: Int, allowDots: Bool) -> Bool {
        guard lineStart + 3 <= bytes.count else { return false }
        let marker = bytes[lineStart]
        guard marker == UInt8(ascii: "-") || (allowDots && marker == UInt8(ascii: ".")) else { return false }
        guard bytes[lineStart + 1] == marker, bytes[lineStart + 2] == marker else { return false }
        var i = lineStart + 3
        while i < bytes.count, bytes[i] != 0x0A {
            guard bytes[i] == 0x20 || bytes[i] == 0x09 else { return false }
            i += 1
        }
        return true
    }
}
