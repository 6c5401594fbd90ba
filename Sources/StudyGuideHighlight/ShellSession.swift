/// A shell block written as a session: commands after a `$ ` prompt, the output they print on
/// the lines between. Only the commands are shell, so only they are parsed; the prompt and the
/// output get classes of their own (the copy button copies the commands alone).
struct ShellSession {
    let source: UnsafeBufferPointer<UInt8>

    /// Whether some line starts with the prompt: the block is a session, not a script.
    static func isSession(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var atLineStart = true
        for index in 0 ..< source.count {
            if atLineStart, source[index] == UInt8(ascii: "$"), index + 1 < source.count, source[index + 1] == 0x20 { return true }
            atLineStart = source[index] == 0x0A
        }
        return false
    }

    /// The tokens; `command` highlights one command's bytes (its prompt left out) and appends them.
    func tokens(command: (Range<Int>, inout [Token]) -> Void) -> [Token] {
        var tokens: [Token] = []
        var start = 0
        var continues = false  // the previous command line ended with a backslash
        while start < source.count {
            var end = start
            while end < source.count, source[end] != 0x0A { end += 1 }
            let isPrompt = end - start >= 2 && source[start] == UInt8(ascii: "$") && source[start + 1] == 0x20
            if isPrompt || continues {
                let commandStart = isPrompt ? start + 2 : start
                if isPrompt { tokens.append(Token(start: start, end: start + 2, kind: .prompt)) }
                if commandStart < end { command(commandStart ..< end, &tokens) }
                continues = end > commandStart && source[end - 1] == UInt8(ascii: "\\")
            } else if end > start {
                tokens.append(Token(start: start, end: end, kind: .output))
            }
            start = end + 1
        }
        return tokens
    }
}
