/// One parsed content file, by where it sits in `content/`.
/// The cases other than `question` (a class) are boxed: a document is then one pointer wide,
/// so the arrays of 100,000 parsed files are not as wide as the largest case (~250 bytes each).
enum ContentDocument: Sendable {
    case question(Question)
    indirect case category(Category)
    indirect case guide(Guide)
    indirect case homeIntro(SectionIntro)
    indirect case guidesIntro(SectionIntro)

    /// Parses a content file from its text. `contentPath` is the path inside `content/`
    /// (`databases/indexes.md`); it decides what the file is.
    static func parse(_ text: SourceText, contentPath: String) -> (ContentDocument?, [Diagnostic]) {
        let components = contentPath.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        let fileName = components.last ?? ""
        let fileSlug = String(fileName.dropLast(3))
        let start = SourceLocation(path: text.path)

        let placement: Placement
        switch (components.count, fileName) {
        case (1, "_index.md"): placement = .homeIntro
        case (1, _):
            return (nil, [.error(at: start, "questions belong in a category folder: move this file to content/<category>/\(fileName)", rule: "layout")])
        case (2, "_index.md") where components[0] == "guides": placement = .guidesIntro
        case (2, _) where components[0] == "guides": placement = .guide(fileSlug)
        case (2, "_index.md"): placement = .category(components[0])
        case (2, _): placement = .question(category: components[0], fileSlug: fileSlug)
        default:
            return (nil, [.error(at: start, "content is one folder deep (content/<category>/<slug>.md); this file is nested further", rule: "layout")])
        }
        if components.count == 2, components[0] != "guides", !Slug.isValid(components[0]) {
            return (nil, [.error(at: start, "category folder '\(components[0])' must be \(Slug.rule)", rule: "slug")])
        }

        let (split, splitProblems) = FrontMatterSplit.split(text)
        guard let split else { return (nil, splitProblems) }
        let (reader, yamlProblems) = FieldReader.parse(yaml: split.yaml, path: text.path, firstLine: split.yamlFirstLine)
        guard var fields = reader else { return (nil, yamlProblems) }
        let body = MarkdownBody(bytes: split.body, firstLine: split.bodyFirstLine)

        let document: ContentDocument?
        switch placement {
        case .homeIntro: document = .homeIntro(SectionIntro.decode(&fields, body: body))
        case .guidesIntro: document = .guidesIntro(SectionIntro.decode(&fields, body: body))
        case .guide(let slug):
            document = Guide.decode(&fields, body: body, fileSlug: slug, contentPath: contentPath).map(ContentDocument.guide)
        case .category(let slug):
            document = Category.decode(&fields, body: body, slug: slug, contentPath: contentPath).map(ContentDocument.category)
        case .question(let category, let slug):
            document = Question.decode(&fields, body: body, category: category, fileSlug: slug, contentPath: contentPath)
                .map(ContentDocument.question)
        }
        let problems = yamlProblems + fields.diagnostics
        return (problems.containsErrors ? nil : document, problems)
    }

    /// The same document with its body let go, to be read again from `file` when rendered, and a
    /// question's notes moved to `notes`.
    func detachingBody(from file: MarkdownBody.File, normalised: Bool,
                       spillingNotesTo notes: SpilledNotes? = nil, interner: StringInterner? = nil) -> ContentDocument {
        func detach(_ body: MarkdownBody) -> MarkdownBody { body.detached(from: file, normalised: normalised) }
        switch self {
        case .question(let question):
            return .question(question.with(body: detach(question.body), spillingNotesTo: notes, interner: interner))
        case .category(var category):
            category.body = detach(category.body)
            return .category(category)
        case .guide(var guide):
            guide.body = detach(guide.body)
            return .guide(guide)
        case .homeIntro(var intro):
            intro.body = detach(intro.body)
            return .homeIntro(intro)
        case .guidesIntro(var intro):
            intro.body = detach(intro.body)
            return .guidesIntro(intro)
        }
    }

    private enum Placement {
        case homeIntro, guidesIntro
        case guide(String)
        case category(String)
        case question(category: String, fileSlug: String)
    }
}
