/// Reads back a highlighted block's HTML and checks what every block must satisfy, whatever its
/// input: the markup is only the `<pre><code>` wrapper and balanced `<span class="…">` elements
/// (line spans outermost, token spans never nested), the text escapes every `&`, `<`, `>` and
/// `"`, and the text content is exactly the code. The property test and the fuzzer use it.
public enum HighlightCheck {
    /// The block's text content, or nil when its markup breaks a rule above.
    public static func textContent(of html: [UInt8]) -> [UInt8]? {
        var index = 0
        func take(_ literal: String) -> Bool {
            let bytes = Array(literal.utf8)
            guard html.count - index >= bytes.count, html[index ..< index + bytes.count].elementsEqual(bytes) else { return false }
            index += bytes.count
            return true
        }
        func takeAttribute(_ name: String, allowed: (UInt8) -> Bool) -> Bool {
            guard take(" \(name)=\"") else { return false }
            while index < html.count, html[index] != UInt8(ascii: "\"") {
                guard allowed(html[index]) else { return false }
                index += 1
            }
            return take("\"")
        }
        guard take("<pre") else { return nil }
        _ = take(" tabindex=\"0\"")
        guard take("><code") else { return nil }
        if index < html.count, html[index] == 0x20 {
            // The language's name, escaped: no raw quote or angle bracket can end the attribute early.
            guard takeAttribute("class", allowed: { $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }) else { return nil }
        }
        guard take(">") else { return nil }
        var text: [UInt8] = []
        var open: [Bool] = []  // true: a line span
        let tokenClasses = Set(TokenClass.allCases.map(\.name))
        while index < html.count {
            let byte = html[index]
            switch byte {
            case UInt8(ascii: "<"):
                if take("</code></pre>") { return open.isEmpty && index == html.count ? text : nil }
                if take("</span>") {
                    guard open.popLast() != nil else { return nil }
                    continue
                }
                guard take("<span class=\"") else { return nil }
                let start = index
                while index < html.count, html[index] != UInt8(ascii: "\"") { index += 1 }
                let name = String(decoding: html[start ..< index], as: UTF8.self)
                guard take("\"") else { return nil }
                let isLine = name == "line" || name == "line marked"
                if isLine {
                    guard open.isEmpty else { return nil }
                    if html[index] == 0x20 {
                        guard takeAttribute("data-n", allowed: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
                    }
                } else {
                    guard tokenClasses.contains(name), open.allSatisfy({ $0 }) else { return nil }
                }
                guard take(">") else { return nil }
                open.append(isLine)
            case UInt8(ascii: "&"):
                let entities: [(String, UInt8)] = [("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22)]
                guard let (_, decoded) = entities.first(where: { take($0.0) }) else { return nil }
                text.append(decoded)
            case UInt8(ascii: ">"), UInt8(ascii: "\""):
                return nil
            default:
                text.append(byte)
                index += 1
            }
        }
        return nil
    }
}
