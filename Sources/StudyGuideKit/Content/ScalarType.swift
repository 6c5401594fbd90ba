/// The type YAML 1.1 gives a plain (unquoted) scalar: what Yams' default `null`, `bool` and
/// `int` resolver rules decide, written as byte tests instead of regular expressions.
enum ScalarType: Equatable {
    case null, bool, int, string

    init(plain text: String) {
        // Most scalars are words longer than every null and boolean spelling that do not start as
        // a number does: two bytes decide, where the sets below hashed every scalar three times.
        if let first = text.utf8.first, text.utf8.count > 5, !(UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(first),
           first != UInt8(ascii: "-"), first != UInt8(ascii: "+") {
            self = .string
        } else if Self.nulls.contains(text) {
            self = .null
        } else if Self.boolValue(text) != nil {
            self = .bool
        } else if Self.isInteger(Array(text.utf8)) {
            self = .int
        } else {
            self = .string
        }
    }

    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let trues: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falses: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// The value of a YAML 1.1 boolean spelling (`yes`, `False`, `ON`…), nil for anything else.
    static func boolValue(_ text: String) -> Bool? {
        if trues.contains(text) { return true }
        if falses.contains(text) { return false }
        return nil
    }

    /// `[-+]?` then binary `0b…`, octal `0…`/`0o…`, decimal, hex `0x…` or sexagesimal `1:30`,
    /// with `_` allowed between digits as YAML 1.1 allows.
    static func isInteger(_ text: [UInt8]) -> Bool {
        var digits = text[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard let first = digits.first else { return false }
        func all(_ bytes: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool {
            !bytes.isEmpty && bytes.allSatisfy { $0 == UInt8(ascii: "_") || allowed($0) }
        }
        let isOctal = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) }
        let isDecimal = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        if first == UInt8(ascii: "0") {
            let rest = digits.dropFirst()
            if rest.isEmpty { return true }
            if rest.first == UInt8(ascii: "b") { return all(rest.dropFirst()) { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") } }
            if rest.first == UInt8(ascii: "x") { return all(rest.dropFirst()) { $0.isHexDigit } }
            if rest.first == UInt8(ascii: "o") { return all(rest.dropFirst(), isOctal) }
            return all(rest, isOctal)
        }
        guard (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) else { return false }
        let parts = digits.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        // Plain decimal, or base 60: every part after the first is one digit, or two with the first 0–5.
        guard parts[0].dropFirst().allSatisfy({ $0 == UInt8(ascii: "_") || isDecimal($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            part.count == 1 ? isDecimal(part.first!)
                : part.count == 2 && (UInt8(ascii: "0")...UInt8(ascii: "5")).contains(part.first!) && isDecimal(part.last!)
        }
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
