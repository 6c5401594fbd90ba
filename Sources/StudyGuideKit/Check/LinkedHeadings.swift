/// The headings that links name on other pages (`a.md#setting-up`), looked up as a build renders
/// those pages. A build lets each batch of bodies go once written, and holding every heading id of
/// the site for the few links that name one cost 53 bytes a question: only the anchors links ask
/// for are kept, with whether each exists.
///
/// A link is met when its page renders: an anchor on a page of the same or a later batch is looked
/// up when that page renders; one on a page rendered before (or never rendered in a batch) waits
/// for `finish`, which reads those pages' headings again.
struct LinkedHeadings: Sendable {
    private struct Anchor: Hashable {
        let contentPath: String
        let id: String
    }

    /// Anchors asked for and not yet looked up, by the content path of their page.
    private var waiting: [String: Set<String>] = [:]
    /// Every anchor looked up, and whether its page has it.
    private var answers: [Anchor: Bool] = [:]

    /// Notes the headings of other pages that `links` of `contentPath` name.
    mutating func want(_ links: some Sequence<RenderedBody.Link>, from contentPath: String) {
        for link in links where LinkRule.needsOtherHeadings(link, in: contentPath) {
            guard let target = link.content else { continue }
            let id = String(target.fragment.dropFirst())
            if answers[Anchor(contentPath: target.contentPath, id: id)] == nil { waiting[target.contentPath, default: []].insert(id) }
        }
    }

    /// Looks up what waits for the pages of `bodies` (content path → body), just rendered.
    mutating func look(in bodies: [String: RenderedBody]) {
        guard !waiting.isEmpty else { return }
        for (contentPath, body) in bodies {
            guard let ids = waiting.removeValue(forKey: contentPath) else { continue }
            answer(ids, of: contentPath, from: body.headings.lazy.map(\.id))
        }
    }

    /// Looks up every anchor still waiting: `headings` gives the heading ids of the pages at the
    /// content paths it is asked for (none for a path that names no page).
    mutating func finish(headings: ([String]) -> [String: [String]]) {
        guard !waiting.isEmpty else { return }
        let found = headings(Array(waiting.keys))
        for (contentPath, ids) in waiting { answer(ids, of: contentPath, from: found[contentPath] ?? []) }
        waiting = [:]
    }

    /// Whether the page of `contentPath` has a heading `id`; only for anchors `want` was told of,
    /// once they are looked up.
    func contains(_ id: String, in contentPath: String) -> Bool {
        guard let answer = answers[Anchor(contentPath: contentPath, id: id)] else {
            preconditionFailure("an anchor is looked up before it is checked")
        }
        return answer
    }

    private mutating func answer(_ ids: Set<String>, of contentPath: String, from headings: some Sequence<String>) {
        let present = Set(headings)
        for id in ids { answers[Anchor(contentPath: contentPath, id: id)] = present.contains(id) }
    }
}
