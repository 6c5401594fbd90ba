internal import Foundation

/// Slugs name pages in URLs and file names, so they are restricted to lowercase
/// ASCII letters, digits and single hyphens: nothing that could climb out of the
/// output folder (`..`, `/`), hide (a leading dot) or differ by case between systems.
enum Slug {
    /// A folder's own page is `index.html`: a question, guide or tag called `index` would overwrite
    /// the category page, the guides list or the tags list.
    static let reservedPageName = "index"

    /// True for `[a-z0-9]+(-[a-z0-9]+)*`.
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 100 else { return false }
        var previousWasHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// A valid slug made from free text: "What is CAP?" → "what-is-cap".
    static func make(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().decomposedStringWithoutMarks().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return String(result.prefix(80)).trimmingHyphens()
    }

    static let rule = "lowercase letters, digits and single hyphens, like 'sql-injection'"
}

extension String {
    /// Letters with diacritics split into base letter + mark, marks dropped: "é" → "e".
    func decomposedStringWithoutMarks() -> String {
        var result = String.UnicodeScalarView()
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars where !scalar.properties.isCombiningMark {
            result.append(scalar)
        }
        return String(result)
    }

    func trimmingHyphens() -> String {
        var text = Substring(self)
        while text.hasSuffix("-") { text.removeLast() }
        while text.hasPrefix("-") { text.removeFirst() }
        return String(text)
    }
}

extension Unicode.Scalar.Properties {
    /// Combining marks (accents, cedillas) that decomposition separates from their letter.
    var isCombiningMark: Bool {
        switch generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
