internal import Foundation

/// Edits to a category's `_index.md` or to a guide that keep its title, weight and slug: its text
/// and description (or summary) change, and only the pages that show them are written again. A
/// new title would change the navigation of every page, and is left to the full build.
extension LivePreview {
    /// nil when `path` is neither a category's introduction nor a guide.
    func reintroduce(_ path: String, into output: URL) -> Outcome? {
        let contentFolder = options.source.appendingPathComponent("content").path + "/"
        guard path.hasPrefix(contentFolder) else { return nil }
        let contentPath = String(path.dropFirst(contentFolder.count))
        let category = site.categories.firstIndex { $0.category.contentPath == contentPath }
        let guide = site.guides.firstIndex { $0.contentPath == contentPath }
        guard category != nil || guide != nil else { return nil }
        guard FileManager.default.fileExists(atPath: path) else { return .needsFullBuild("\(contentPath) was removed") }
        let display = options.displayPrefix + "content/" + contentPath
        let document: ContentDocument, normalised: Bool
        switch Self.read(document: path, contentPath: contentPath, display: display) {
        case .success(let read): (document, normalised) = read
        case .failure(let reason): return .needsFullBuild(reason.description)
        }

        var next = site
        let page: Site.Document
        switch (document, category, guide) {
        case (.category(let edited), let place?, _):
            let old = site.categories[place].category
            guard edited.title == old.title, edited.weight == old.weight else { return .needsFullBuild("\(display) retitles its category") }
            next.categories[place].category = edited
            page = next.categories[place].document
        case (.guide(let edited), _, let place?):
            let old = site.guides[place]
            guard edited.title == old.title, edited.weight == old.weight, edited.slug == old.slug, edited.draft == old.draft,
                  edited.updated == old.updated else { return .needsFullBuild("\(display) moves its guide") }
            next.guides[place] = edited
            page = edited.document
        default:
            return .needsFullBuild("\(display) changed kind")
        }
        let body: RenderedBody
        switch Self.renderChecked(page, rawHTML: site.config.rawHTML, against: LinkRule.Targets(site: next, links: links)) {
        case .success(let rendered): body = rendered
        case .failure(let reason): return .needsFullBuild(reason.description)
        }
        // Kept as a build keeps it: the bytes let go, to be read again if needed.
        if let place = category {
            next.categories[place].category.body = next.categories[place].category.body.detached(from: path, normalised: normalised)
        } else if let place = guide {
            next.guides[place].body = next.guides[place].body.detached(from: path, normalised: normalised)
        }

        var bodies = pageBodies
        bodies[contentPath] = body
        let nextPages = PageBuilder(site: next, bodies: bodies, questionsBySlug: pages.questionsBySlug)
        var files = [nextPages.home(theme)]
        if let place = category { files.append(nextPages.category(next.categories[place], theme)) }
        if let place = guide {
            files += [nextPages.guide(next.guides[place], theme), nextPages.guidesIndex(theme)]
        }
        guard Self.write(files, into: output) else { return .needsFullBuild("cannot write the changed pages") }
        site = next
        pageBodies = bodies
        pages = nextPages
        linkTargets.formUnion(LinkTargets.of([contentPath: body]))
        return .written(files.map(\.path.path))
    }
}
