/// Maps a request path to a file inside the served folder, or nothing. The path is decoded
/// exactly once, and any `..`, `.`, backslash, NUL or encoded slash is refused outright rather
/// than normalised: a preview server has no reason to accept them, and refusing is simpler
/// to prove safe than cleaning.
public enum SafePath {
    /// The relative file path for a request path such as `/databases/indexes.html`;
    /// folders (`/`, `/databases/`) map to their `index.html`.
    public static func relativeFile(forRequestPath raw: String) -> String? {
        let pathOnly = raw.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard pathOnly.hasPrefix("/"), !pathOnly.hasPrefix("//") else { return nil }
        var segments: [String] = []
        let rawSegments = pathOnly.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, rawSegment) in rawSegments.enumerated() {
            if rawSegment.isEmpty {
                // Only a trailing slash may be empty: `/a//b` is refused.
                guard index == rawSegments.count - 1 else { return nil }
                continue
            }
            guard let segment = percentDecoded(rawSegment) else { return nil }
            guard segment != ".", segment != "..", !segment.hasPrefix("."),
                  !segment.contains("/"), !segment.contains("\\"), !segment.contains("\0"), segment.utf8.count <= 255
            else { return nil }
            segments.append(segment)
        }
        if pathOnly.hasSuffix("/") || segments.isEmpty { segments.append("index.html") }
        return segments.joined(separator: "/")
    }

    /// `%XX` sequences decoded to UTF-8; nil for malformed escapes or invalid UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
