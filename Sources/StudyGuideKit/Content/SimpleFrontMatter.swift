internal import Foundation
internal import StudyGuideMarkdown

/// Reads the front-matter layouts nearly every file uses, without Yams: `key: value` lines
/// whose values are plain words, one-line double-quoted strings, flow lists of plain words
/// (`[a, b]`), or block lists (`- item` lines). Anything else (comments, single quotes,
/// escapes other than `\"` and `\\`, multi-line values, duplicate keys, tabs, unusual
/// Unicode…) returns nil, and Yams reads the text instead, reporting any error. On the
/// text it accepts it gives the tree Yams gives (a test compares the two on every file).
///
/// Yams costs ~40 µs per file here, most of the parse stage; this reads a file in a few µs.
enum SimpleFrontMatter {
    static func parse(_ yaml: String) -> FrontMatterValue? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard hasOnlySimpleCharacters(bytes) else { return nil }
            var reader = Reader(bytes: bytes)
            return reader.document()
        }
    }

    /// No carriage returns, tabs or control characters, and none of the characters YAML
    /// treats specially beyond ASCII: NEL, LS and PS (line breaks), BOM, non-characters.
    private static func hasOnlySimpleCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            // Printable ASCII and line feeds, sixteen or eight bytes at a time; the loop looks at the rest.
            if index + 16 <= bytes.count, ByteWord.arePrintableASCII(at: bytes.baseAddress! + index) {
                index += 16
                continue
            }
            if index + 8 <= bytes.count {
                let word = ByteWord(at: bytes.baseAddress! + index)
                let others = word.deleteOrNonASCIIBytes | (word.bytes(below: 0x20) & ~word.bytes(equalTo: 0x0A))
                if others == 0 {
                    index += 8
                    continue
                }
                index += others.firstMarkedByte
            }
            let byte = bytes[index]
            if byte < 0x20 {
                guard byte == 0x0A else { return false }
            } else if byte == 0x7F {
                return false
            } else if byte >= 0x80 {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                if byte == 0xC2, next < 0xA0 { return false }
                if byte == 0xE2, next == 0x80, third == 0xA8 || third == 0xA9 { return false }
                if byte == 0xEF, (next == 0xBB && third == 0xBF) || (next == 0xBF && third >= 0xBE) { return false }
            }
            index += 1
        }
        return true
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Start and end (before the line feed) of each line.
    private var lines: [(start: Int, end: Int)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            lines.append((start, index))
            start = index + 1
        }
        if start < bytes.count { lines.append((start, bytes.count)) }
    }

    mutating func document() -> FrontMatterValue? {
        var entries: [FrontMatterValue.Entry] = []
        // Where each key is written: a dozen keys are compared as bytes faster than a set of
        // Strings is built (and grown) for each file.
        var keys: [Range<Int>] = []
        var mappingStart: FrontMatterValue.Position?
        var lineIndex = 0
        while lineIndex < lines.count {
            let (start, end) = lines[lineIndex]
            if isBlank(start, end) {
                lineIndex += 1
                continue
            }
            guard isKeyStart(bytes[start]) else { return nil }
            var cursor = start
            while cursor < end, isKeyCharacter(bytes[cursor]) { cursor += 1 }
            guard cursor < end, bytes[cursor] == UInt8(ascii: ":") else { return nil }
            guard !keys.contains(where: { isSame($0, start ..< cursor) }) else { return nil }
            keys.append(start ..< cursor)
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< cursor]), as: UTF8.self)
            let keyPosition = FrontMatterValue.Position(line: lineIndex + 1, column: 1)
            if mappingStart == nil { mappingStart = keyPosition }
            cursor += 1
            let value: FrontMatterValue
            if cursor < end, bytes[cursor] != UInt8(ascii: " ") { return nil }
            while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            if cursor == end {
                guard let (list, next) = blockList(after: lineIndex) else { return nil }
                value = list
                lineIndex = next
            } else {
                guard let inline = inlineValue(line: lineIndex, from: cursor, to: end) else { return nil }
                value = inline
                lineIndex += 1
            }
            entries.append(.init(key: .scalar(.init(text: key, isPlain: true), at: keyPosition), value: value))
        }
        guard !entries.isEmpty else { return nil }
        return .mapping(entries, at: mappingStart)
    }

    /// `- item` lines at one indentation right after a key; returns the list and the line after it.
    private func blockList(after keyLine: Int) -> (FrontMatterValue, Int)? {
        var items: [FrontMatterValue] = []
        var listStart: FrontMatterValue.Position?
        var indentation: Int?
        var lineIndex = keyLine + 1
        while lineIndex < lines.count {
            let (start, end) = lines[lineIndex]
            var cursor = start
            while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor + 1 < end, bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: " ") else { break }
            guard indentation == nil || indentation == cursor - start else { return nil }
            indentation = cursor - start
            if listStart == nil { listStart = position(line: lineIndex, at: cursor) }
            cursor += 2
            while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < end, let item = inlineValue(line: lineIndex, from: cursor, to: end), item.sequence == nil else {
                return nil
            }
            items.append(item)
            lineIndex += 1
        }
        guard !items.isEmpty else { return nil }
        return (.sequence(items, at: listStart), lineIndex)
    }

    /// A double-quoted string, a flow list of plain words, or a plain scalar, filling the rest of the line.
    private func inlineValue(line: Int, from start: Int, to end: Int) -> FrontMatterValue? {
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return doubleQuoted(line: line, from: start, to: end)
        case UInt8(ascii: "["):
            return flowList(line: line, from: start, to: end)
        default:
            guard let text = plain(from: start, to: end, inFlow: false) else { return nil }
            return .scalar(.init(text: text.text, isPlain: true), at: position(line: line, at: start))
        }
    }

    private func doubleQuoted(line: Int, from start: Int, to end: Int) -> FrontMatterValue? {
        // Most strings hold no escape: then the text is the bytes between the quotes.
        if let close = find(UInt8(ascii: "\""), from: start + 1, to: end), find(UInt8(ascii: "\\"), from: start + 1, to: close) == nil {
            guard isBlank(close + 1, end) else { return nil }
            let text = String(checkedUTF8: UnsafeBufferPointer(rebasing: bytes[start + 1 ..< close]))
            return .scalar(.init(text: text, isPlain: false), at: position(line: line, at: start))
        }
        var text: [UInt8] = []
        var cursor = start + 1
        while true {
            guard cursor < end else { return nil }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                guard cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "\"") || bytes[cursor + 1] == UInt8(ascii: "\\") else {
                    return nil
                }
                text.append(bytes[cursor + 1])
                cursor += 2
                continue
            }
            text.append(byte)
            cursor += 1
        }
        guard isBlank(cursor + 1, end) else { return nil }
        return .scalar(.init(text: String(checkedUTF8: text), isPlain: false), at: position(line: line, at: start))
    }

    private func flowList(line: Int, from start: Int, to end: Int) -> FrontMatterValue? {
        var items: [FrontMatterValue] = []
        var cursor = start + 1
        while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        if cursor < end, bytes[cursor] == UInt8(ascii: "]") {
            cursor += 1
        } else {
            while true {
                guard cursor < end, let item = plain(from: cursor, to: end, inFlow: true) else { return nil }
                items.append(.scalar(.init(text: item.text, isPlain: true), at: position(line: line, at: cursor)))
                cursor = item.end
                while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
                guard cursor < end else { return nil }
                if bytes[cursor] == UInt8(ascii: "]") {
                    cursor += 1
                    break
                }
                guard bytes[cursor] == UInt8(ascii: ",") else { return nil }
                cursor += 1
                while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            }
        }
        guard isBlank(cursor, end) else { return nil }
        return .sequence(items, at: position(line: line, at: start))
    }

    /// A plain scalar from `start`: up to the end of the line, or in a flow list up to `,` or `]`;
    /// trailing spaces are not part of it. Nil for anything that could mean more than its text.
    private func plain(from start: Int, to end: Int, inFlow: Bool) -> (text: String, end: Int)? {
        guard start < end, !Self.indicators.contains(bytes[start]) else { return nil }
        var cursor = start
        var lastNonSpace = start
        while cursor < end {
            let byte = bytes[cursor]
            if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return nil
            case UInt8(ascii: " "):
                break
            default:
                lastNonSpace = cursor
            }
            cursor += 1
        }
        let text = String(checkedUTF8: UnsafeBufferPointer(rebasing: bytes[start ... lastNonSpace]))
        return (text, cursor)
    }

    /// Characters that give a plain scalar's first position a meaning of its own.
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`~ ".utf8)

    /// The first `byte` in `start..<end`.
    private func find(_ byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(bytes.baseAddress! + start, Int32(byte), end - start) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func isSame(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        first.count == second.count && memcmp(bytes.baseAddress! + first.lowerBound, bytes.baseAddress! + second.lowerBound, first.count) == 0
    }

    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        (start ..< end).allSatisfy { bytes[$0] == UInt8(ascii: " ") }
    }

    private func isKeyStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    private func isKeyCharacter(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// libyaml counts columns in Unicode scalars: every byte but UTF-8 continuation bytes.
    private func position(line: Int, at offset: Int) -> FrontMatterValue.Position {
        let lineStart = lines[line].start
        var column = 1
        for index in lineStart ..< offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return .init(line: line + 1, column: column)
    }
}
