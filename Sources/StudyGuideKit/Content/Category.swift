/// A folder of questions, described by `content/<category>/_index.md`.
struct Category: Sendable {
    var slug: String
    var title: String
    var description: String
    var weight: Int
    var location: SourceLocation
    var contentPath: String
    var body: MarkdownBody

    static let keys = ["title", "description", "weight"]

    static func decode(_ fields: inout FieldReader, body: MarkdownBody, slug: String, contentPath: String) -> Category? {
        fields.rejectUnknownKeys(allowed: keys)
        let title = fields.string("title", required: true)
        let description = fields.string("description", required: true)
        let weight = fields.int("weight") ?? 0
        guard let title, let description else { return nil }
        return Category(slug: slug, title: title, description: description, weight: weight,
                        location: SourceLocation(path: fields.path), contentPath: contentPath, body: body)
    }
}

/// The optional `content/_index.md` (home page) or `content/guides/_index.md`: a title,
/// a description and an introduction.
struct SectionIntro: Sendable {
    var title: String?
    var description: String?
    var location: SourceLocation
    var body: MarkdownBody

    static func decode(_ fields: inout FieldReader, body: MarkdownBody) -> SectionIntro {
        fields.rejectUnknownKeys(allowed: ["title", "description"])
        return SectionIntro(title: fields.string("title"), description: fields.string("description"),
                            location: SourceLocation(path: fields.path), body: body)
    }
}
