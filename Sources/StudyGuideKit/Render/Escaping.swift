internal import CStudyGuideSystem

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
            guard !bytes.isEmpty else { return }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * markupGrowth) { scratch in
                let count = writeMarkup(bytes, to: scratch.baseAddress!)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
            }
        }
    }

    /// The most bytes `markup` makes of one (`&quot;`).
    static let markupGrowth = 6

    /// `markup`'s bytes for `bytes`, written at `target`, which has room for `markupGrowth` bytes
    /// for each; returns how many it wrote. Runs of plain bytes are copied at once: most text has
    /// nothing to escape.
    static func writeMarkup(_ bytes: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        guard let source = bytes.baseAddress else { return 0 }
        var at = target
        var index = 0
        while true {
            let run = studyguide_plain_run(source + index, bytes.count - index, studyguide_markup)
            at.update(from: source + index, count: run)
            at += run
            index += run
            guard index < bytes.count else { return at - target }
            let escape: StaticString
            switch source[index] {
            case UInt8(ascii: "&"): escape = "&amp;"
            case UInt8(ascii: "<"): escape = "&lt;"
            case UInt8(ascii: ">"): escape = "&gt;"
            case UInt8(ascii: "\""): escape = "&quot;"
            default: escape = "&#39;"
            }
            at.update(from: escape.utf8Start, count: escape.utf8CodeUnitCount)
            at += escape.utf8CodeUnitCount
            index += 1
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

    /// `javaScriptString(text)`'s bytes, appended to a buffer.
    static func appendJavaScriptString(_ text: String, to out: inout [UInt8]) {
        appendJavaScriptString(text, to: &out, escaping: studyguide_script)
    }

    /// A JavaScript string literal (also valid JSON) for a script file that is loaded by
    /// `<script src>` and never written inside HTML, such as the study cards: `<`, `>` and `&`
    /// are kept as they are, which leaves an answer's HTML about a sixth smaller than escaped.
    static func appendJavaScriptFileString(_ text: String, to out: inout [UInt8]) {
        appendJavaScriptString(text, to: &out, escaping: studyguide_script_file)
    }

    /// Written into scratch memory first, as no byte grows past six (`\u003c`): appending run by
    /// run cost a call per tag of an HTML answer.
    private static func appendJavaScriptString(_ text: String, to out: inout [UInt8], escaping special: studyguide_byte_set) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 6 + 2) { scratch in
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
                    let run = studyguide_plain_run(source + index, bytes.count - index, special)
                    at.update(from: source + index, count: run)
                    at += run
                    index += run
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

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
