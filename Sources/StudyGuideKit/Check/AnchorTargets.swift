/// Where the link rule finds the heading ids that `#fragment`s name.
struct AnchorTargets: Sendable {
    /// Whether the page of `contentPath` has a heading `id`.
    let contains: @Sendable (_ id: String, _ contentPath: String) -> Bool
    /// Every heading id of the page, for a suggestion when an anchor names none (a broken link is
    /// rare, so this may be slow).
    let ids: @Sendable (_ contentPath: String) -> [String]

    /// The headings of rendered bodies.
    static func headings(of bodies: [String: RenderedBody]) -> AnchorTargets {
        let ids: @Sendable (String) -> [String] = { (bodies[$0]?.headings ?? []).map(\.id) }
        return AnchorTargets(contains: { id, path in bodies[path]?.headings.contains { $0.id == id } ?? false }, ids: ids)
    }
}
