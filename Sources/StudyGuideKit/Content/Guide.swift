/// A long-form article under `content/guides/`: the interview process, a study plan, …
struct Guide: Sendable {
    var slug: String
    var title: String
    var summary: String
    var weight: Int
    var updated: ContentDate?
    var draft: Bool
    var location: SourceLocation
    /// Where `slug:` is written; nil when the slug comes from the file name.
    var slugLocation: SourceLocation?
    var contentPath: String
    var body: MarkdownBody

    static let keys = ["title", "summary", "weight", "updated", "draft", "type", "slug"]

    static func decode(_ fields: inout FieldReader, body: MarkdownBody, fileSlug: String, contentPath: String) -> Guide? {
        fields.rejectUnknownKeys(allowed: keys)
        let title = fields.string("title", required: true)
        let summary = fields.string("summary", required: true)
        if let type = fields.located("type"), type.value != "guide" {
            fields.appendDiagnostic(.error(at: type.location,
                "'type' under content/guides/ can only be 'guide', got '\(type.value)'", rule: "schema"))
        }
        let slug = fields.slug(fileSlug: fileSlug)
        let guide = Guide(slug: slug ?? fileSlug, title: title ?? "", summary: summary ?? "",
                          weight: fields.int("weight") ?? 0, updated: fields.date("updated"),
                          draft: fields.bool("draft") ?? false, location: SourceLocation(path: fields.path),
                          slugLocation: fields.location(ofKey: "slug"), contentPath: contentPath, body: body)
        guard title != nil, summary != nil, slug != nil else { return nil }
        return guide
    }
}
