/// What the check rules read: the resolved site and each body, rendered once.
struct CheckInput: Sendable {
    let site: Site
    let bodies: [String: RenderedBody]

    /// Every page with a Markdown body: content path, where it is, and the page it becomes.
    var documents: [(contentPath: String, location: SourceLocation, page: PagePath)] {
        var result: [(String, SourceLocation, PagePath)] = []
        for category in site.categories {
            result.append((category.category.contentPath, category.category.location, category.path))
            for question in category.questions { result.append((question.contentPath, question.location, question.path)) }
        }
        for guide in site.guides { result.append((guide.contentPath, guide.location, guide.path)) }
        if let intro = site.homeIntro { result.append(("_index.md", intro.location, .home)) }
        if let intro = site.guidesIntro { result.append(("guides/_index.md", intro.location, .guidesIndex)) }
        return result
    }
}

/// One lint rule: a stable id (shown as `[id]`) and a pure function from the input to findings.
protocol CheckRule: Sendable {
    static var id: String { get }
    func check(_ input: CheckInput) -> [Diagnostic]
}
