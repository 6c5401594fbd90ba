/// HTTP messages as written in answers: a request or status line, headers, a blank line and a
/// body, one message after another. No grammar library covers HTTP, so this small lexer marks
/// the method, target and version, the status code, header names and values, and hands a body
/// that is JSON (by `Content-Type`, or by its first character) to the JSON grammar.
struct HTTPLexer {
    let source: UnsafeBufferPointer<UInt8>

    /// The tokens of the block; `json` highlights one body range and appends its tokens.
    func tokens(json: (Range<Int>, inout [Token]) -> Void) -> [Token] {
        var tokens: [Token] = []
        var lines: [Range<Int>] = []
        var start = 0
        while start < source.count {
            var end = start
            while end < source.count, source[end] != 0x0A { end += 1 }
            lines.append(start ..< end)
            start = end + 1
        }
        var index = 0
        while index < lines.count {
            // Looking for the start of a message.
            guard startLine(lines[index], into: &tokens) else {
                index += 1
                continue
            }
            index += 1
            var isJSON = false
            while index < lines.count, !isBlank(lines[index]) {
                isJSON = header(lines[index], into: &tokens) || isJSON
                index += 1
            }
            index += 1  // the blank line
            let bodyStart = index
            while index < lines.count, !(isBlank(lines[index - 1]) && isStartLine(lines[index])) { index += 1 }
            guard bodyStart < min(index, lines.count) else { continue }
            let body = lines[bodyStart].lowerBound ..< lines[min(index, lines.count) - 1].upperBound
            let firstByte = source[body].first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }
            if isJSON || firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
                json(body, &tokens)
            }
        }
        return tokens
    }

    private func isBlank(_ line: Range<Int>) -> Bool {
        source[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private func isStartLine(_ line: Range<Int>) -> Bool {
        var scratch: [Token] = []
        return startLine(line, into: &scratch)
    }

    /// `GET /path HTTP/1.1` or `HTTP/1.1 200 OK`: its tokens, when the line is one.
    private func startLine(_ line: Range<Int>, into tokens: inout [Token]) -> Bool {
        let words = words(in: line)
        guard let first = words.first else { return false }
        if isVersion(first) {
            guard words.count >= 2, words[1].count == 3, source[words[1]].allSatisfy(isDigit) else { return false }
            tokens.append(Token(start: first.lowerBound, end: first.upperBound, kind: .constant))
            tokens.append(Token(start: words[1].lowerBound, end: words[1].upperBound, kind: .number))
            if words.count > 2 { tokens.append(Token(start: words[2].lowerBound, end: words.last!.upperBound, kind: .string)) }
            return true
        }
        guard (2 ... 3).contains(words.count), Self.methods.contains(where: { source[first].elementsEqual($0.utf8) }),
              words.count == 2 || isVersion(words[2])
        else { return false }
        tokens.append(Token(start: first.lowerBound, end: first.upperBound, kind: .keyword))
        tokens.append(Token(start: words[1].lowerBound, end: words[1].upperBound, kind: .string))
        if words.count == 3 { tokens.append(Token(start: words[2].lowerBound, end: words[2].upperBound, kind: .constant)) }
        return true
    }

    /// `Name: value`: its tokens; true when it says the body is JSON.
    private func header(_ line: Range<Int>, into tokens: inout [Token]) -> Bool {
        guard let colon = source[line].firstIndex(of: UInt8(ascii: ":")), colon > line.lowerBound,
              source[line.lowerBound ..< colon].allSatisfy(isTokenByte)
        else { return false }
        tokens.append(Token(start: line.lowerBound, end: colon, kind: .attribute))
        tokens.append(Token(start: colon, end: colon + 1, kind: .punctuation))
        var valueStart = colon + 1
        while valueStart < line.upperBound, source[valueStart] == 0x20 || source[valueStart] == 0x09 { valueStart += 1 }
        var valueEnd = line.upperBound
        while valueEnd > valueStart, source[valueEnd - 1] == 0x0D || source[valueEnd - 1] == 0x20 { valueEnd -= 1 }
        if valueStart < valueEnd { tokens.append(Token(start: valueStart, end: valueEnd, kind: .string)) }
        let name = String(decoding: source[line.lowerBound ..< colon], as: UTF8.self).lowercased()
        let value = String(decoding: source[valueStart ..< valueEnd], as: UTF8.self).lowercased()
        return name == "content-type" && value.contains("json")
    }

    private func words(in line: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var index = line.lowerBound
        while index < line.upperBound {
            while index < line.upperBound, source[index] == 0x20 || source[index] == 0x0D { index += 1 }
            let start = index
            while index < line.upperBound, source[index] != 0x20, source[index] != 0x0D { index += 1 }
            if index > start { words.append(start ..< index) }
        }
        return words
    }

    private func isVersion(_ word: Range<Int>) -> Bool {
        let text = source[word]
        return text.starts(with: "HTTP/".utf8) && text.count >= 6 && text.dropFirst(5).allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// RFC 9110's `tchar`: what a header name is made of.
    private func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    private static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT"]
}
