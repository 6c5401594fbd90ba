/// Links inside answers must lead somewhere: Markdown links to other content files name an
/// existing page (and heading), `#anchors` name a heading of the same page, local images and
/// files exist in `content/`, and nothing is root-absolute or loads from the network.
struct LinkRule: CheckRule {
    static let id = "broken-link"

    /// What links are checked against, made once per site: its content pages and generated pages.
    struct Targets: Sendable {
        let site: Site
        let links: ContentLinks
        /// Every generated page but the questions', which `links` knows.
        private let listings: Set<PagePath>

        init(site: Site, links: ContentLinks? = nil) {
            self.site = site
            self.links = links ?? ContentLinks(site: site)
            listings = Set(Site.fixedPages + site.categories.map(\.path) + site.tags.map(\.path) + site.guides.map(\.path))
        }

        /// Whether the build writes the page `path`.
        func isGenerated(_ path: PagePath) -> Bool {
            if listings.contains(path) { return true }
            // A question's page is named after its file unless `slug:` says otherwise.
            guard path.path.hasSuffix(".html") else { return false }
            if links.pages[String(path.path.dropLast(5)) + ".md"] == path { return true }
            return site.questions.contains { $0.path == path }
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
                problem(with: link, in: document.contentPath, page: document.page, anchors: anchors, targets: targets)
            }
        }.flatMap { $0 }
    }

    /// Whether checking `link` needs the headings of another page: a link to a content page, with a fragment.
    static func needsOtherHeadings(_ link: RenderedBody.Link, in contentPath: String) -> Bool {
        guard let target = link.target else { return false }
        return target.fragment.utf8.count > 1 && target.contentPath != contentPath
    }

    private func problem(with link: RenderedBody.Link, in contentPath: String, page: PagePath,
                         anchors: AnchorTargets, targets: Targets) -> Diagnostic? {
        let links = targets.links
        let destination = link.destination
        let at = link.location
        if destination.isEmpty { return .error(at: at, "link has no destination", rule: Self.id) }
        if destination.hasPrefix("#") {
            return anchorProblem(String(destination.dropFirst()), in: contentPath, anchors: anchors, at: at, shownAs: destination)
        }
        if destination.hasPrefix("//") || destination.containsSchemeSeparator {
            return link.isImage
                ? .error(at: at, "image '\(destination)' loads from the network; keep images in content/ so the site works offline", rule: "remote-image")
                : nil
        }
        if destination.hasPrefix("mailto:") || destination.hasPrefix("tel:") { return nil }
        if destination.hasPrefix("/") {
            return .error(at: at, "root-absolute link '\(destination)' breaks under a sub-path and from disk; write a relative path such as '../category/page.md'", rule: Self.id)
        }
        if let target = link.target {
            let fragment = target.fragment
            guard links.pages[target.contentPath] != nil else {
                let known = links.pages.contentPaths.map { relativeHint(from: contentPath, to: $0) }
                return .error(at: at, "link to '\(destination)' names no page\(Suggestion.hint(for: destination, in: known))", rule: Self.id)
            }
            if fragment.utf8.count > 1 {
                return anchorProblem(String(fragment.dropFirst()), in: target.contentPath, anchors: anchors, at: at, shownAs: destination)
            }
            return nil
        }
        let pathPart = String(destination.prefix { $0 != "#" && $0 != "?" })
        if pathPart.hasSuffix(".html") {
            let target = PagePath(resolve(pathPart, against: page.path))
            return targets.isGenerated(target) ? nil
                : .error(at: at, "link to '\(destination)' names no generated page", rule: Self.id)
        }
        if destination.utf8.contains(UInt8(ascii: ":")) { return nil }  // other schemes are left to the reader's browser
        let file = resolve(pathPart, against: contentPath)
        if targets.site.assets[file] == nil {
            return .error(at: at, "\(link.isImage ? "image" : "file") '\(destination)' does not exist (looked for content/\(file))", rule: "missing-file")
        }
        return nil
    }

    private func anchorProblem(_ anchor: String, in contentPath: String, anchors: AnchorTargets, at: SourceLocation,
                               shownAs: String) -> Diagnostic? {
        guard !anchors.contains(anchor, contentPath) else { return nil }
        let ids = anchors.ids(contentPath)
        return .error(at: at, "'\(shownAs)' names no heading\(Suggestion.hint(for: anchor, in: ids))", rule: "broken-anchor")
    }

    /// Joins a relative path to the folder of `base`, folding `.` and `..`.
    private func resolve(_ relative: String, against base: String) -> String {
        var components = base.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            if part == ".." { _ = components.popLast() } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }

    private func relativeHint(from contentPath: String, to target: String) -> String {
        PagePath(contentPath).link(to: PagePath(target))
    }
}

private extension String {
    /// `://` anywhere, over the bytes in place: the generic `firstRange(of:)`, and then a walk of
    /// the UTF-8 view, cost more than the rest of this rule (every link of the site, every build).
    var containsSchemeSeparator: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0 ..< bytes.count - 2 where bytes[index] == UInt8(ascii: ":") {
                if bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { return true }
            }
            return false
        }
    }
}
