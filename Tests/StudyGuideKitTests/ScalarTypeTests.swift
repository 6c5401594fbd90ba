// Covers: front-matter scalars get the YAML 1.1 types Yams' default resolver would give them.
import Testing
import Yams
@testable import StudyGuideKit

@Suite struct ScalarTypeTests {
    static let spellings = [
        "", "~", "null", "Null", "NULL", "nULL", "nil",
        "yes", "Yes", "YES", "yEs", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
        "true", "True", "TRUE", "tRUE", "false", "y", "n",
        "0", "00", "007", "08", "0_", "0o", "0o17", "0o8", "0b", "0b101", "0b2", "0x", "0x1F", "0xg", "0x_",
        "12", "1_000", "1__", "_1", "-5", "+5", "-0", "+", "12a", "1 2",
        "1:30", "190:20:30", "1:60", "1:5", "1:", ":30", "0:30", "1:3:", "1:05", "1:65",
        "1.5", "1e3", ".5", "abc", "2024-01-01", "<<", "=",
    ]

    /// The reference is Yams itself: a plain scalar resolved by its default rules.
    @Test(arguments: spellings)
    func plainScalarsAreTypedAsYamsDefaultResolverTypesThem(_ text: String) {
        let resolved = Node(text, Tag(.implicit), .plain).tag.description
        let expected: ScalarType = switch resolved {
        case Tag.Name.null.rawValue: .null
        case Tag.Name.bool.rawValue: .bool
        case Tag.Name.int.rawValue: .int
        default: .string
        }
        #expect(ScalarType(plain: text) == expected, "Yams resolves '\(text)' to \(resolved)")
    }

    @Test func quotedScalarsAreStrings() throws {
        let node = try #require(try Yams.compose(yaml: "a: 'yes'\nb: \"12\"\nc: yes\nd: 12\n", .basic))
        let types = ["a", "b", "c", "d"].map { node[$0].flatMap { FrontMatterValue($0).scalarType } }
        #expect(types == [.string, .string, .bool, .int])
    }

    @Test func booleanSpellingsHaveTheirValues() {
        #expect(["yes", "On", "TRUE"].map(ScalarType.boolValue) == [true, true, true])
        #expect(["no", "Off", "FALSE"].map(ScalarType.boolValue) == [false, false, false])
        #expect(ScalarType.boolValue("maybe") == nil)
    }
}
