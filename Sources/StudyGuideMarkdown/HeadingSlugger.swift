/// Turns heading text into unique, stable `id`s, the way GitHub does:
/// lowercase, letters and digits kept, spaces and hyphens become hyphens,
/// and a repeated id gets `-1`, `-2`, … appended.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The id for the next heading with this text.
    public mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        while let count = used[candidate] {
            used[candidate] = count + 1
            candidate = "\(base)-\(count)"
        }
        used[candidate] = 1
        return candidate
    }

    /// The id a heading with this text gets when it is the first of its name.
    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" {
                if scalar == "_" { result.append("_") } else { result.append("-") }
            }
        }
        return result.isEmpty ? "section" : result
    }
}
