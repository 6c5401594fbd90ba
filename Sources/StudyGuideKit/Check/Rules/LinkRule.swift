/// Links inside answers must lead somewhere: Markdown links to other content files name an
/// existing page (and heading), `#anchors` name a heading of the same page, local images and
/// files exist in `content/`, and nothing is root-absolute or loads from the network.
struct LinkRule: CheckRule {
    static let id = "broken-link"

    /// What links are checked against, made once per site: its content pages and generated pages.
    struct Targets: Sendable {
        let site: Site
        let links: ContentLinks
        /// Every generated page but the questions' named after their files, which `links` knows:
        /// listings, and the pages of questions whose `slug:` renames them (few, if any).
        private let otherPages: Set<PagePath>

        init(site: Site, links: ContentLinks? = nil) {
            self.site = site
            self.links = links ?? ContentLinks(site: site)
            otherPages = Set(site.listingPages).union(site.questions.lazy.filter { !$0.slugIsFileName }.map(\.path))
        }

        /// Whether the build writes the page `path`.
        func isGenerated(_ path: PagePath) -> Bool {
            if otherPages.contains(path) { return true }
            // A question's page is named after its file unless `slug:` says otherwise.
            guard path.path.hasSuffix(".html") else { return false }
            return links.pages[String(path.path.dropLast(5)) + ".md"] == path
        }
    }

    func check(_ input: CheckInput) -> [Diagnostic] {
        check(input.documents, bodies: input.bodies, against: Targets(site: input.site))
    }

    /// The problems of the links in `bodies` of `documents`; anchors name headings of `bodies`
    /// unless `anchors` says where else to find them. `build` checks each batch of pages as it is
    /// rendered, and at the end the links it kept, against every page's headings.
    func check(_ documents: [Site.Document], bodies: [String: RenderedBody], against targets: Targets,
               anchors: AnchorTargets? = nil) -> [Diagnostic] {
        let anchors = anchors ?? .headings(of: bodies)
        // Documents are independent, and `build` runs this rule on every link of the site.
        return parallelMap(documents) { document -> [Diagnostic] in
            guard let body = bodies[document.contentPath] else { return [] }
            return body.links.compactMap { link in
                problem(with: link, in: document.contentPath, anchors: anchors, targets: targets)
            }
        }.flatMap { $0 }
    }

    /// Whether checking `link` needs the headings of another page: a link to a content page, with a fragment.
    static func needsOtherHeadings(_ link: RenderedBody.Link, in contentPath: String) -> Bool {
        guard let target = link.content else { return false }
        return target.fragment.utf8.count > 1 && target.contentPath != contentPath
    }

    /// What is wrong with `link`, whose target was resolved as its body rendered: only whether
    /// what it names exists is looked up here.
    private func problem(with link: RenderedBody.Link, in contentPath: String, anchors: AnchorTargets,
                         targets: Targets) -> Diagnostic? {
        let destination = link.destination
        let at = link.location
        switch link.target {
        case nil, .otherScheme:
            return nil
        case .missing:
            return .error(at: at, "link has no destination", rule: Self.id)
        case .anchor(let id):
            return anchorProblem(id, in: contentPath, anchors: anchors, at: at, shownAs: destination)
        case .network:
            return link.isImage
                ? .error(at: at, "image '\(destination)' loads from the network; keep images in content/ so the site works offline", rule: "remote-image")
                : nil
        case .rootAbsolute:
            return .error(at: at, "root-absolute link '\(destination)' breaks under a sub-path and from disk; write a relative path such as '../category/page.md'", rule: Self.id)
        case .content(let target, let page):
            guard page != nil else {
                let known = targets.links.pages.contentPaths.map { relativeHint(from: contentPath, to: $0) }
                return .error(at: at, "link to '\(destination)' names no page\(Suggestion.hint(for: destination, in: known))", rule: Self.id)
            }
            if target.fragment.utf8.count > 1 {
                return anchorProblem(String(target.fragment.dropFirst()), in: target.contentPath, anchors: anchors, at: at, shownAs: destination)
            }
            return nil
        case .generated(let page):
            return targets.isGenerated(page) ? nil : .error(at: at, "link to '\(destination)' names no generated page", rule: Self.id)
        case .file(let file):
            return targets.site.assets[file] == nil
                ? .error(at: at, "\(link.isImage ? "image" : "file") '\(destination)' does not exist (looked for content/\(file))", rule: "missing-file")
                : nil
        }
    }

    private func anchorProblem(_ anchor: String, in contentPath: String, anchors: AnchorTargets, at: SourceLocation,
                               shownAs: String) -> Diagnostic? {
        guard !anchors.contains(anchor, contentPath) else { return nil }
        let ids = anchors.ids(contentPath)
        return .error(at: at, "'\(shownAs)' names no heading\(Suggestion.hint(for: anchor, in: ids))", rule: "broken-anchor")
    }

    private func relativeHint(from contentPath: String, to target: String) -> String {
        PagePath(contentPath).link(to: PagePath(target))
    }
}
