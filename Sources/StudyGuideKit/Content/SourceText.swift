internal import Foundation

/// A content file's bytes after the checks every file must pass: valid UTF-8, no NUL
/// or other control bytes, byte-order mark removed, CRLF and lone CR turned into LF.
/// Line numbers are unchanged by the normalisation, so positions still match the file.
struct SourceText: Sendable {
    /// The path shown in diagnostics.
    var path: String
    /// Normalised UTF-8, LF line endings.
    var bytes: [UInt8]
    /// `bytes` differ from the file's (a byte-order mark or CR line ends were removed).
    var normalised = false

    /// True when `decode` changes the bytes (a byte-order mark, CR line ends), not only checks them.
    private static func needsNormalising(_ raw: [UInt8]) -> Bool {
        // memchr: the generic `contains` looked at one byte per call and cost more than decoding.
        hasByteOrderMark(raw) || raw.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false }
    }

    private static func hasByteOrderMark(_ raw: [UInt8]) -> Bool {
        raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
    }

    /// Checks and normalises raw file bytes; returns nil with diagnostics when the file is unusable.
    static func decode(_ raw: [UInt8], path: String) -> (SourceText?, [Diagnostic]) {
        let start = hasByteOrderMark(raw) ? 3 : 0
        // Most files need no change: then they are only checked, and the result shares the
        // bytes as read instead of holding a second copy of every file.
        let normalising = needsNormalising(raw)
        if !normalising {
            // Most files: only checked, in a tight loop; a position is worked out only for an error.
            guard let (offset, problem) = firstProblem(in: raw) else {
                return (SourceText(path: path, bytes: raw, normalised: false), [])
            }
            let (line, column) = position(of: offset, in: raw)
            return (nil, [.error(at: .init(path: path, line: line, column: column), problem, rule: "encoding")])
        }
        var bytes: [UInt8] = []
        if normalising { bytes.reserveCapacity(raw.count - start) }
        var index = start
        var line = 1
        var column = 1
        while index < raw.count {
            let byte = raw[index]
            // Printable ASCII, tab and line feed need no check: take the whole run at once.
            if (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x09 {
                var end = index + 1
                var lines = byte == 0x0A ? 1 : 0
                var lastBreak = byte == 0x0A ? index : -1
                while end < raw.count {
                    let next = raw[end]
                    guard (next >= 0x20 && next < 0x7F) || next == 0x0A || next == 0x09 else { break }
                    if next == 0x0A { lines += 1; lastBreak = end }
                    end += 1
                }
                if normalising { bytes.append(contentsOf: raw[index ..< end]) }
                if lines > 0 { line += lines; column = end - lastBreak } else { column += end - index }
                index = end
                continue
            }
            if byte < 0x80 {
                if let problem = controlByteProblem(byte) {
                    return (nil, [.error(at: .init(path: path, line: line, column: column), problem, rule: "encoding")])
                }
                if byte == 0x0D {
                    // CRLF or a lone CR both end a line.
                    if index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
                    bytes.append(0x0A)
                    line += 1
                    column = 1
                } else {
                    if normalising { bytes.append(byte) }
                    column += 1
                }
                index += 1
                continue
            }
            guard let length = validSequenceLength(raw, at: index) else {
                let message = "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save the file as UTF-8"
                return (nil, [.error(at: .init(path: path, line: line, column: column), message, rule: "encoding")])
            }
            if normalising { bytes.append(contentsOf: raw[index..<index + length]) }
            index += length
            column += 1
        }
        return (SourceText(path: path, bytes: normalising ? bytes : raw, normalised: normalising), [])
    }

    /// Where the first byte a content file may not hold is, and what is wrong with it. Runs of
    /// printable ASCII, line feeds and tabs, most of every file, are skipped eight bytes at a
    /// time, without counting lines or columns.
    static func firstProblem(in raw: [UInt8]) -> (offset: Int, problem: String)? {
        raw.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var index = 0
            while index < bytes.count {
                if index + 16 <= bytes.count, ByteWord.arePrintableASCII(at: base + index) {
                    index += 16
                    continue
                }
                if index + 8 <= bytes.count {
                    let word = ByteWord(at: base + index)
                    // Line feeds and tabs are fine too (a line ends in most of the words that get
                    // here); the loop below looks at the first byte that is not.
                    let others = word.deleteOrNonASCIIBytes | (word.bytes(below: 0x20) & ~word.bytes(equalTo: 0x0A) & ~word.bytes(equalTo: 0x09))
                    if others == 0 {
                        index += 8
                        continue
                    }
                    index += others.firstMarkedByte
                }
                let byte = bytes[index]
                if (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x09 {
                    index += 1
                    continue
                }
                if byte < 0x80 {
                    if let problem = controlByteProblem(byte) { return (index, problem) }
                    index += 1
                    continue
                }
                guard let length = validSequenceLength(raw, at: index) else {
                    return (index, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save the file as UTF-8")
                }
                index += length
            }
            return nil
        }
    }

    /// The line and column of `offset` in a file without CR or a byte-order mark: columns count
    /// characters (UTF-8 lead bytes), as the decoding loop does.
    private static func position(of offset: Int, in raw: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in raw[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private static func controlByteProblem(_ byte: UInt8) -> String? {
        switch byte {
        case 0x00: return "NUL byte in file; is this a binary file?"
        case 0x09, 0x0A, 0x0D: return nil
        case 0x01...0x1F, 0x7F:
            return "control character U+00\(String(byte, radix: 16, uppercase: true).leftPadded(to: 2)) in file"
        default: return nil
        }
    }

    /// Length of the well-formed UTF-8 sequence at `index` (RFC 3629: no overlongs, no surrogates).
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let first = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (lo, hi): (UInt8, UInt8) = offset == 1 ? (lower, upper) : (0x80, 0xBF)
            guard byte >= lo, byte <= hi else { return nil }
        }
        return length
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
