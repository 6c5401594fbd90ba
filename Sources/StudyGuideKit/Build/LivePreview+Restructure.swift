internal import Foundation

/// Edits that change what the site holds or how it is listed: a question added, deleted or
/// renamed, or one whose slug, category, weight, tags, draft flag or title moves it. The site is
/// resolved again from what it held plus the changed files, exactly as a build resolves it, and
/// the pages whose content may have changed are written: every question page whose own file
/// changed or whose surroundings did (its neighbours, its category, the pages its `related`
/// entries show), the category and tag pages that list a changed question before or after, and
/// the pages that count every question; pages that no longer exist are removed. The search
/// index, study data and decks are left to the full build that follows.
extension LivePreview {
    func restructure(_ changedPaths: Set<String>, into output: URL) -> Outcome {
        let contentFolder = options.source.appendingPathComponent("content").path + "/"
        var changed: [String: (question: Question, normalised: Bool)] = [:]
        var deleted: Set<String> = []
        for path in changedPaths.sorted() {
            guard path.hasPrefix(contentFolder) else { return .needsFullBuild("\(path) is not in content/") }
            let contentPath = String(path.dropFirst(contentFolder.count))
            let parts = contentPath.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] != "guides", parts[1] != "_index.md", parts[1].hasSuffix(".md") else {
                return .needsFullBuild("\(path) is not a question's file")
            }
            guard FileManager.default.fileExists(atPath: path) else {
                deleted.insert(contentPath)
                continue
            }
            let display = options.displayPrefix + "content/" + contentPath
            switch Self.read(path, contentPath: contentPath, display: display) {
            case .success(let read): changed[contentPath] = read
            case .failure(let reason): return .needsFullBuild(reason.description)
            }
        }

        // The site a build would make now: patched when it can be, else resolved as a build resolves it.
        let touched = Set(changed.keys).union(deleted)
        let incoming = changed.keys.sorted().map { changed[$0]!.question }
        let patch = site.patched(removing: Set(touched.compactMap { placeOfFile[$0] }), adding: incoming,
                                 includeDrafts: options.includeDrafts, placeOfSlug: pages.questionsBySlug)
        #if DEBUG
        if let patch { Self.expectSameOrder(patch.site, resolve(removing: touched, adding: incoming).0) }
        #endif
        guard var next = patch?.site ?? { () -> Site? in
            let (resolved, problems) = resolve(removing: touched, adding: incoming)
            return problems.containsErrors ? nil : resolved
        }() else { return .needsFullBuild("the edit leaves the site with problems") }
        // Lookups by file and by slug: renumbered when patched (no string is hashed again), else made anew.
        var nextPlaces: [String: Int], nextSlugs: QuestionPlaces
        if let patch {
            nextPlaces = placeOfFile.mapValues { patch.newPlace[$0] ?? -1 }
            for contentPath in touched {
                if let old = placeOfFile[contentPath], patch.newPlace[old] == nil { nextPlaces[contentPath] = nil }
            }
            for (contentPath, place) in patch.addedPlaces { nextPlaces[contentPath] = place }
            nextSlugs = pages.questionsBySlug.renumbered(in: next.questions, newPlace: { patch.newPlace[$0] },
                                                         added: patch.addedPlaces.values)
        } else {
            nextPlaces = Self.places(of: next)
            nextSlugs = QuestionPlaces(next.questions)
        }
        assert(nextPlaces == Self.places(of: next) && nextSlugs.bySlug == QuestionPlaces(next.questions).bySlug, "renumbered lookups differ")
        // Only a changed file can have left the site.
        if let linked = touched.sorted().first(where: { placeOfFile[$0] != nil && nextPlaces[$0] == nil && linkTargets.contains($0) }) {
            return .needsFullBuild("a page links to \(linked), which is gone")
        }

        // The changed questions' bodies, with links as they resolve now; they are then let go.
        let nextLinks = ContentLinks(site: next)
        let targets = LinkRule.Targets(site: next, links: nextLinks)
        var bodies: [String: RenderedBody] = [:]
        for (place, question) in next.questions.enumerated() {
            guard let (_, normalised) = changed[question.contentPath] else { continue }
            switch Self.renderChecked(question.document, rawHTML: next.config.rawHTML, against: targets) {
            case .success(let body): bodies[question.contentPath] = body
            case .failure(let reason): return .needsFullBuild(reason.description)
            }
            let path = contentFolder + question.contentPath
            next.replaceQuestion(at: place, with: question.with(body: question.body.detached(from: path, normalised: normalised)))
        }

        let nextPages = PageBuilder(site: next, bodies: pageBodies, questionsBySlug: nextSlugs)

        // Question pages: the changed ones, and those whose surroundings may have changed with
        // them: their neighbours before and after, and the pages whose `related` names them.
        var candidates: Set<Int> = []
        func neighbours(of place: Int, in site: Site) -> [Int] {
            guard let category = site.categories.first(where: { $0.members.contains(place) }) else { return [] }
            return [place - 1, place + 1].filter(category.members.contains)
        }
        var touchedSlugs: Set<String> = []
        for contentPath in touched {
            if let old = placeOfFile[contentPath] {
                touchedSlugs.insert(site.questions[old].slug)
                for neighbour in neighbours(of: old, in: site) {
                    if let now = nextPlaces[site.questions[neighbour].contentPath] { candidates.insert(now) }
                }
            }
            if let now = nextPlaces[contentPath] {
                touchedSlugs.insert(next.questions[now].slug)
                candidates.insert(now)
                candidates.formUnion(neighbours(of: now, in: next))
            }
        }
        // A few slugs, compared directly: hashing every `related` entry of the site cost more.
        let named = Array(touchedSlugs)
        for (place, question) in next.questions.enumerated() where question.related.contains(where: named.contains) {
            candidates.insert(place)
        }
        var files: [OutputFile] = []
        let before = Surroundings(site: site, pages: pages)
        let after = Surroundings(site: next, pages: nextPages)
        for place in candidates.sorted() {
            let question = next.questions[place]
            guard let category = next.categories.first(where: { $0.members.contains(place) }) else { continue }
            if bodies[question.contentPath] == nil, let old = placeOfFile[question.contentPath], before.of(old) == after.of(place) {
                continue
            }
            guard let body = bodies[question.contentPath] ?? render(question, links: nextLinks) else {
                return .needsFullBuild("\(question.location.path) could not be read again")
            }
            files.append(nextPages.question(question, in: category, at: place - category.members.lowerBound, body: body, theme))
        }

        // Listings that show a changed question's card, before or after, and the pages that count
        // or sample every question.
        var categories: Set<String> = [], tags: Set<String> = []
        for contentPath in touched {
            for question in [placeOfFile[contentPath].map { site.questions[$0] }, nextPlaces[contentPath].map { next.questions[$0] }] {
                guard let question else { continue }
                categories.insert(question.category)
                tags.formUnion(question.tags)
            }
        }
        var listings = nextPages.fixedPages(theme)
        for category in next.categories where categories.contains(category.category.slug) {
            listings.append { nextPages.category(category, self.theme) }
        }
        for tag in next.tags where tags.contains(tag.name) { listings.append { nextPages.tag(tag, self.theme) } }
        files += parallelMap(listings) { $0() }

        // Only a changed question's page, or the page of a tag it had, can be gone.
        var gone: Set<PagePath> = []
        let nextTags = Set(next.tags.lazy.map(\.name))
        for contentPath in touched {
            guard let old = placeOfFile[contentPath].map({ site.questions[$0] }) else { continue }
            if nextPages.questionsBySlug[old.slug].map({ next.questions[$0].path }) != old.path { gone.insert(old.path) }
            for tag in old.tags where !nextTags.contains(tag) { gone.insert(.tag(tag)) }
        }
        guard Self.write(files, into: output) else { return .needsFullBuild("cannot write the changed pages") }
        for page in gone { unlink(output.appendingPathComponent(page.path).path) }

        site = next
        links = nextLinks
        pages = nextPages
        placeOfFile = nextPlaces
        linkTargets.formUnion(LinkTargets.of(bodies))
        return .written((files.map(\.path.path) + gone.map(\.path)).sorted())
    }

    /// The site a build would resolve from what this one holds, without the files `removed`
    /// and with the questions `added`.
    private func resolve(removing removed: Set<String>, adding added: [Question]) -> (Site, [Diagnostic]) {
        var documents: [ContentDocument] = site.categories.map { .category($0.category) } + site.guides.map { .guide($0) }
        if let intro = site.homeIntro { documents.append(.homeIntro(intro)) }
        if let intro = site.guidesIntro { documents.append(.guidesIntro(intro)) }
        for question in site.questions where !removed.contains(question.contentPath) { documents.append(.question(question)) }
        documents += added.map { .question($0) }
        var (resolved, problems) = SiteResolver.resolve(config: site.config, documents: documents, includeDrafts: options.includeDrafts)
        resolved.assets = site.assets
        return (resolved, problems)
    }

    #if DEBUG
    /// Tests run in debug: every patched site is checked against the resolver's.
    private static func expectSameOrder(_ patched: Site, _ resolved: Site) {
        assert(patched.questions.map(\.contentPath) == resolved.questions.map(\.contentPath), "patched questions differ")
        assert(patched.categories.map(\.members) == resolved.categories.map(\.members), "patched categories differ")
        assert(patched.tags.map(\.name) == resolved.tags.map(\.name), "patched tags differ")
        assert(patched.tags.map(\.members) == resolved.tags.map(\.members), "patched tag lists differ")
    }
    #endif
}

/// What a question page shows of other pages: its category, its neighbours in it, and the
/// pages its `related` entries name. A page whose own file is unchanged needs writing again
/// only when these differ.
private struct Surroundings {
    let site: Site
    /// The page builder's, made from the same site.
    let placeOfSlug: QuestionPlaces
    let guideOfSlug: [String: Guide]

    init(site: Site, pages: PageBuilder) {
        self.site = site
        placeOfSlug = pages.questionsBySlug
        guideOfSlug = Dictionary(site.guides.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func of(_ place: Int) -> [String] {
        let question = site.questions[place]
        var parts = [question.path.path]
        if let category = site.categories.first(where: { $0.members.contains(place) }) {
            parts += [category.category.slug, category.category.title]
            for neighbour in [place - 1, place + 1] {
                let shown = category.members.contains(neighbour)
                parts += shown ? [site.questions[neighbour].path.path, site.questions[neighbour].title] : ["", ""]
            }
        }
        for entry in question.related {
            if let other = placeOfSlug[entry] {
                let related = site.questions[other]
                parts += [related.path.path, related.title, related.difficulty.rawValue]
            } else if let guide = guideOfSlug[entry] {
                parts += [guide.path.path, guide.title]
            } else {
                parts.append("")
            }
        }
        return parts
    }
}
