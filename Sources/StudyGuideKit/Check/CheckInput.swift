/// What the check rules read: the resolved site and each body, rendered once.
struct CheckInput: Sendable {
    let site: Site
    let bodies: [String: RenderedBody]

    /// Every page with a Markdown body (the site's one list of documents).
    var documents: [Site.Document] { site.documents }
}

/// One lint rule: a stable id (shown as `[id]`) and a pure function from the input to findings.
protocol CheckRule: Sendable {
    static var id: String { get }
    func check(_ input: CheckInput) -> [Diagnostic]
}
