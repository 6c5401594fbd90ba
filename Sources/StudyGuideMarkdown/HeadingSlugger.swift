/// Turns heading text into unique, stable `id`s, the way GitHub does:
/// lowercase, letters and digits kept, spaces and hyphens become hyphens,
/// and a repeated id gets `-1`, `-2`, … appended.
public struct HeadingSlugger: Sendable {
    /// Ids given so far, each with how many times it was asked for. A document has a handful
    /// of headings, and a short list searched in order costs less than a dictionary made per
    /// document; past `listLimit` ids (a generated document) the dictionary takes over.
    private var list: [(id: String, count: Int)] = []
    private var dictionary: [String: Int]?
    private static let listLimit = 32

    public init() {}

    /// The id for the next heading with this text.
    public mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        while let count = use(candidate) {
            candidate = "\(base)-\(count)"
        }
        return candidate
    }

    /// How many times `id` was given before, counting this time; nil (and now given) when never.
    private mutating func use(_ id: String) -> Int? {
        if dictionary == nil, list.count >= Self.listLimit {
            dictionary = Dictionary(list.map { ($0.id, $0.count) }, uniquingKeysWith: { first, _ in first })
        }
        if dictionary != nil {
            let count = dictionary![id]
            dictionary![id] = (count ?? 0) + 1
            return count
        }
        if let index = list.firstIndex(where: { $0.id == id }) {
            list[index].count += 1
            return list[index].count - 1
        }
        list.append((id, 1))
        return nil
    }

    /// The id a heading with this text gets when it is the first of its name.
    public static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
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

    /// The same rules on bytes, for the common all-ASCII heading; nil when there is anything else.
    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count) { output -> String? in
                var count = 0
                for byte in input {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): output[count] = byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): output[count] = byte + 32
                    case UInt8(ascii: " "), UInt8(ascii: "-"): output[count] = UInt8(ascii: "-")
                    case 0x80...: return nil
                    default: continue
                    }
                    count += 1
                }
                return count == 0 ? "section" : String(checkedUTF8: UnsafeBufferPointer(rebasing: output[..<count]))
            }
        }
    }
}
