/// A calendar date written `YYYY-MM-DD`. No time zone, so it renders the same everywhere.
/// Four bytes: every question holds one for the whole build.
public struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    private let storedYear: UInt16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    var year: Int { Int(storedYear) }
    var month: Int { Int(storedMonth) }
    var day: Int { Int(storedDay) }

    /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2023-02-29.
    public init?(_ text: String) {
        // YYYY-MM-DD with ASCII digits only, read on bytes.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0 ..< 4), let month = number(5 ..< 7), let day = number(8 ..< 10),
              (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year)
        else { return nil }
        storedYear = UInt16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// `YYYY-MM-DD`, written in one allocation: every card of a question in a list shows it.
    public var description: String {
        let year = year, month = month, day = day
        return String(unsafeUninitializedCapacity: 10) { text in
            func digits(_ value: Int, _ count: Int, at start: Int) {
                var value = value
                for place in (start ..< start + count).reversed() {
                    text[place] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            digits(year, 4, at: 0)
            text[4] = UInt8(ascii: "-")
            digits(month, 2, at: 5)
            text[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return 10
        }
    }

    /// RFC 3339 timestamp at midnight UTC, for Atom and sitemaps.
    var timestamp: String { "\(description)T00:00:00Z" }

    /// "24 November 2026".
    var longForm: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        return "\(day) \(names[month - 1]) \(year)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
