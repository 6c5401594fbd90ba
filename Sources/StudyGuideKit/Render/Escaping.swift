/// Escaping for the places the generator writes text itself rather than through Mustache.
/// Every character that needs escaping is ASCII, so both escapers walk UTF-8 bytes and copy
/// everything else through untouched: no per-character `String` work on the hot path.
enum Escaping {
    /// Text and attribute values in HTML and XML.
    static func markup(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendMarkup(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `markup(text)`'s bytes, appended to a buffer.
    static func appendMarkup(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Copy runs of plain bytes at once; most text has nothing to escape.
            var runStart = 0
            for index in 0 ..< bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index]))
                out.appendASCII(replacement)
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// A JavaScript string literal (also valid JSON) that is safe inside a `<script>`:
    /// `<`, `>` and `&` are escaped so `</script>` and `<!--` cannot appear, and U+2028 and
    /// U+2029, which end a line in older JavaScript, are escaped too.
    static func javaScriptString(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendJavaScriptString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `appendJavaScriptString` does not copy as they are: controls, DEL, `"`, `\`,
    /// `<`, `>`, `&`, and 0xE2, which starts U+2028 and U+2029.
    private static let javaScriptSpecial: [Bool] = (0 ... 255).map { (byte: Int) -> Bool in
        byte < 0x20 || byte == 0x7F || byte == 0xE2 || "\"\\<>&".utf8.contains(UInt8(byte))
    }

    /// The bytes a string in a `.js` file of its own needs escaped: `javaScriptSpecial` less `<`,
    /// `>` and `&`, which only matter where a script sits inside HTML.
    private static let javaScriptFileSpecial: [Bool] = (0 ... 255).map { (byte: Int) -> Bool in
        byte < 0x20 || byte == 0x7F || byte == 0xE2 || "\"\\".utf8.contains(UInt8(byte))
    }

    /// `javaScriptString(text)`'s bytes, appended to a buffer.
    static func appendJavaScriptString(_ text: String, to out: inout [UInt8]) {
        appendJavaScriptString(text, to: &out, escaping: javaScriptSpecial)
    }

    /// A JavaScript string literal (also valid JSON) for a script file that is loaded by
    /// `<script src>` and never written inside HTML, such as the study cards: `<`, `>` and `&`
    /// are kept as they are, which leaves an answer's HTML about a sixth smaller than escaped.
    static func appendJavaScriptFileString(_ text: String, to out: inout [UInt8]) {
        appendJavaScriptString(text, to: &out, escaping: javaScriptFileSpecial)
    }

    /// Written into scratch memory first, as no byte grows past six (`\u003c`): appending run by
    /// run cost a call per tag of an HTML answer.
    private static func appendJavaScriptString(_ text: String, to out: inout [UInt8], escaping table: [Bool]) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 6 + 2) { scratch in
                table.withUnsafeBufferPointer { special in
                    guard let source = bytes.baseAddress, let base = scratch.baseAddress else {
                        out.appendASCII("\"\"")
                        return
                    }
                    var at = base
                    func put(_ byte: UInt8) {
                        at.pointee = byte
                        at += 1
                    }
                    func put(_ escape: StaticString) {
                        at.update(from: escape.utf8Start, count: escape.utf8CodeUnitCount)
                        at += escape.utf8CodeUnitCount
                    }
                    put(UInt8(ascii: "\""))
                    var index = 0
                    while index < bytes.count {
                        // A run of plain bytes, copied at once.
                        let runStart = index
                        while index < bytes.count, !special[Int(bytes[index])] { index += 1 }
                        at.update(from: source + runStart, count: index - runStart)
                        at += index - runStart
                        guard index < bytes.count else { break }
                        let byte = bytes[index]
                        index += 1
                        switch byte {
                        case UInt8(ascii: "\""): put("\\\"")
                        case UInt8(ascii: "\\"): put("\\\\")
                        case UInt8(ascii: "\n"): put("\\n")
                        case UInt8(ascii: "\r"): put("\\r")
                        case UInt8(ascii: "\t"): put("\\t")
                        case UInt8(ascii: "<"): put("\\u003c")
                        case UInt8(ascii: ">"): put("\\u003e")
                        case UInt8(ascii: "&"): put("\\u0026")
                        case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                            // U+2028 (E2 80 A8) and U+2029 (E2 80 A9).
                            put(bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                            index += 2
                        case 0xE2: put(byte)
                        default:
                            put("\\u00")
                            put(hexDigits[Int(byte >> 4)])
                            put(hexDigits[Int(byte & 0xF)])
                        }
                    }
                    put(UInt8(ascii: "\""))
                    out.append(contentsOf: UnsafeBufferPointer(start: base, count: at - base))
                }
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
