/// Builds the view of each page from the site model, and renders it with its template.
/// One function per page kind; escaping is left to the templates, which escape every `{{value}}`.
struct PageBuilder: Sendable {
    let site: Site
    /// The bodies of every page but the questions: category, guide and home introductions.
    let bodies: [String: RenderedBody]
    /// Each question's place in `site.questions`, by slug.
    let questionsBySlug: QuestionPlaces
    /// Whether pages say what they were made from (`OutputInputs`): only the preview and the tests
    /// ask, and a listing's inputs are a sorted set of every question it shows.
    let recordsInputs: Bool

    /// `questionsBySlug`: `QuestionPlaces(site.questions)`, when the caller has it already.
    init(site: Site, bodies: [String: RenderedBody], questionsBySlug: QuestionPlaces? = nil, recordsInputs: Bool = true) {
        self.site = site
        self.bodies = bodies
        self.recordsInputs = recordsInputs
        self.questionsBySlug = questionsBySlug ?? QuestionPlaces(site.questions)
        var folderLinks: [Substring: PageChrome.FolderLinks] = [:]
        // Questions live in their category's folder: the other pages name every folder there is.
        for page in site.listingPages where folderLinks[page.folder] == nil {
            folderLinks[page.folder] = PageChrome.FolderLinks(site: site, page: page)
        }
        self.folderLinks = folderLinks
    }

    private init(site: Site, bodies: [String: RenderedBody], questionsBySlug: QuestionPlaces,
                 folderLinks: [Substring: PageChrome.FolderLinks], recordsInputs: Bool) {
        self.site = site
        self.bodies = bodies
        self.recordsInputs = recordsInputs
        self.questionsBySlug = questionsBySlug
        self.folderLinks = folderLinks
    }

    /// The same builder over a site whose questions were edited in place (`LivePreview`): slugs,
    /// categories and tags are as they were, so the lookups made from them still hold.
    func replacing(_ site: Site) -> PageBuilder {
        PageBuilder(site: site, bodies: bodies, questionsBySlug: questionsBySlug, folderLinks: folderLinks,
                    recordsInputs: recordsInputs)
    }

    /// Keyed by `PagePath.folder`: made before pages render in parallel, read-only after.
    private let folderLinks: [Substring: PageChrome.FolderLinks]

    private func chrome(_ page: PagePath, _ theme: Theme, title: String?, description: String?, kind: String,
                        currentCategory: String? = nil) -> PageChrome {
        PageChrome(site: site, page: page, strings: theme.strings, links: folderLinks[page.folder], title: title,
                   description: description, kind: kind, currentCategory: currentCategory)
    }

    /// The pages every site has (`Site.FixedPage`), each made when called: several count or
    /// sample every question, so a build makes them after the questions and the preview after
    /// any change to what the site holds.
    func fixedPages(_ theme: Theme) -> [@Sendable () -> OutputFile] {
        Site.FixedPage.allCases.map { page in { fixedPage(page, theme) } }
    }

    func fixedPage(_ page: Site.FixedPage, _ theme: Theme) -> OutputFile {
        switch page {
        case .home: home(theme)
        case .tagsIndex: tagsIndex(theme)
        case .guidesIndex: guidesIndex(theme)
        case .search: search(theme)
        case .notFound: notFound(theme)
        case .practice: practice(theme)
        case .interview: interview(theme)
        }
    }

    func home(_ theme: Theme) -> OutputFile {
        let page = PagePath.home
        let questions = site.questions
        let categories = site.categories.map { category in
            var byDifficulty: [Difficulty: Int] = [:]
            for index in category.members { byDifficulty[questions[index].difficulty, default: 0] += 1 }
            return HomeView.CategorySummary(
                slug: category.category.slug,
                title: category.category.title,
                href: page.link(to: category.path),
                description: category.category.description,
                total: category.members.count,
                beginner: byDifficulty[.beginner] ?? 0,
                intermediate: byDifficulty[.intermediate] ?? 0,
                advanced: byDifficulty[.advanced] ?? 0
            )
        }
        // The few most recently updated, newest first, then by title: kept in order as the list is
        // read, instead of sorting every dated question to show a handful.
        var recentPlaces: [Int] = []
        let shown = site.config.recentCount
        func before(_ a: Int, _ b: Int) -> Bool {
            let dateA = questions[a].updated!, dateB = questions[b].updated!
            return dateA != dateB ? dateB < dateA : questions[a].title < questions[b].title
        }
        for place in questions.indices where shown > 0 && questions[place].updated != nil {
            if recentPlaces.count == shown {
                guard before(place, recentPlaces[shown - 1]) else { continue }
                recentPlaces.removeLast()
            }
            // After every place it does not come before, as a stable sort leaves equal ones.
            let at = recentPlaces.firstIndex { before(place, $0) } ?? recentPlaces.count
            recentPlaces.insert(place, at: at)
        }
        let recent = recentPlaces.map { QuestionCard(questions[$0], from: page, site: site, strings: theme.strings) }
        let view = HomeView(
            chrome: chrome(page, theme, title: nil, description: site.homeIntro?.description, kind: "home"),
            title: site.homeIntro?.title ?? site.config.title,
            intro: ArticleView(bodies["_index.md"]),
            categories: categories,
            guides: guideLinks(from: page),
            recent: Array(recent),
            questionCount: site.questions.count
        )
        return rendered(page, view, template: "home", theme, allContent: true)
    }

    func category(_ category: Site.CategoryPage, _ theme: Theme) -> OutputFile {
        categoryListing(category, theme).file()
    }

    /// A category's page, to be rendered where it is written (`ListingPage`).
    func categoryListing(_ category: Site.CategoryPage, _ theme: Theme) -> ListingPage {
        let page = category.path
        let c = category.category
        let view = CategoryView(
            chrome: chrome(page, theme, title: c.title, description: c.description, kind: "category",
                               currentCategory: c.slug),
            slug: c.slug,
            title: c.title,
            description: c.description,
            intro: ArticleView(bodies[c.contentPath]),
            questions: QuestionCards(category.members, from: page, site: site, strings: theme.strings),
            count: category.members.count,
            home: page.link(to: .home)
        )
        return listing(page, view, template: "category", theme, count: category.members.count,
                       content: [c.contentPath] + site.questions(of: category).map(\.contentPath))
    }

    /// A question's page; its body comes with it (question bodies are rendered a batch at a time).
    /// `notes` when the caller read them already (else the question's own, read now).
    func question(_ question: Question, in category: Site.CategoryPage, at index: Int, body: RenderedBody?,
                  notes: QuestionNotes? = nil, _ theme: Theme) -> OutputFile {
        let page = question.path
        let place = category.members.lowerBound + index
        let previous = index > 0 ? place - 1 : nil
        let next = place + 1 < category.members.upperBound ? place + 1 : nil
        func link(_ other: Int) -> LinkView {
            LinkView(title: site.questions[other].title, href: page.link(to: site.questions[other].path))
        }
        let notes = notes ?? question.notes
        let view = QuestionView(
            chrome: chrome(page, theme, title: notes.title, description: notes.summary,
                               kind: "question", currentCategory: category.category.slug),
            title: notes.title,
            slug: question.slug,
            summary: notes.summary,
            difficulty: question.difficulty.rawValue,
            difficultyLabel: theme.strings.label(question.difficulty),
            kind: question.kind.rawValue,
            kindLabel: theme.strings.label(question.kind),
            category: LinkView(title: category.category.title, href: page.link(to: category.path)),
            home: page.link(to: .home),
            tags: notes.tags.map { LinkView(title: $0, href: page.link(to: .tag($0))) },
            aliases: notes.aliases.map(\.value),
            answer: ArticleView(body),
            followUps: notes.followUps,
            areas: notes.areas,
            redFlags: notes.redFlags,
            related: notes.related.compactMap { relatedView($0, from: page, strings: theme.strings) },
            previous: previous.map(link),
            next: next.map(link),
            updated: question.updated?.description,
            updatedLong: question.updated.map(theme.strings.longDate)
        )
        // It shows its neighbours' and related pages' titles, and its category's.
        func shown() -> [String] {
            var shown = [question.contentPath, category.category.contentPath]
            if let previous { shown.append(site.questions[previous].contentPath) }
            if let next { shown.append(site.questions[next].contentPath) }
            return shown + notes.related.compactMap { relatedContentPath($0) }
        }
        return rendered(page, view, template: "question", theme, content: shown())
    }

    /// The fingerprint of a question's page (see `PageFingerprints`): its file, its neighbours' and
    /// the files its `related` names.
    func fingerprint(ofQuestion question: Question, in category: Site.CategoryPage, at index: Int,
                     _ fingerprints: PageFingerprints) -> PageFingerprints.Fingerprint {
        let place = category.members.lowerBound + index
        var shown: [Int?] = [place, index > 0 ? place - 1 : nil, place + 1 < category.members.upperBound ? place + 1 : nil]
        for slug in question.related { shown.append(questionsBySlug[slug]) }
        return fingerprints.page("question", questions: shown)
    }

    /// The fingerprint of a category's page: the files of the questions it lists.
    func fingerprint(ofCategory category: Site.CategoryPage, _ fingerprints: PageFingerprints) -> PageFingerprints.Fingerprint {
        fingerprints.page("category " + category.category.slug, questions: category.members.lazy.map(Optional.some))
    }

    /// The fingerprint of a tag's page: the files of the questions it lists.
    func fingerprint(ofTag tag: Site.TagPage, _ fingerprints: PageFingerprints) -> PageFingerprints.Fingerprint {
        fingerprints.page("tag " + tag.name, questions: tag.members.lazy.map(Optional.some))
    }

    func tag(_ tag: Site.TagPage, _ theme: Theme) -> OutputFile {
        tagListing(tag, theme).file()
    }

    /// A tag's page, to be rendered where it is written (`ListingPage`).
    func tagListing(_ tag: Site.TagPage, _ theme: Theme) -> ListingPage {
        let page = tag.path
        let view = TagView(
            chrome: chrome(page, theme, title: theme.strings.text("tag_page_title", ["tag": tag.name]),
                           description: theme.strings.text("tag_page_description", ["tag": tag.name]), kind: "tag"),
            name: tag.name,
            questions: QuestionCards(tag.members, from: page, site: site, strings: theme.strings),
            count: tag.members.count,
            allTags: page.link(to: .tagsIndex)
        )
        return listing(page, view, template: "tag", theme, count: tag.members.count,
                       content: tag.members.map { site.questions[$0].contentPath })
    }

    func tagsIndex(_ theme: Theme) -> OutputFile {
        let page = PagePath.tagsIndex
        let view = TagsView(
            chrome: chrome(page, theme, title: theme.strings.text("tags"), description: theme.strings.text("tags_page_description"),
                           kind: "tags"),
            tags: site.tags.map { .init(name: $0.name, href: page.link(to: $0.path), count: $0.members.count) }
        )
        return rendered(page, view, template: "tags", theme, allContent: true)
    }

    func guide(_ guide: Guide, _ theme: Theme) -> OutputFile {
        let page = guide.path
        let view = GuideView(
            chrome: chrome(page, theme, title: guide.title, description: guide.summary, kind: "guide"),
            title: guide.title,
            summary: guide.summary,
            article: ArticleView(bodies[guide.contentPath]),
            guidesHref: page.link(to: .guidesIndex),
            updated: guide.updated?.description,
            updatedLong: guide.updated.map(theme.strings.longDate)
        )
        return rendered(page, view, template: "guide", theme, content: [guide.contentPath])
    }

    func guidesIndex(_ theme: Theme) -> OutputFile {
        let page = PagePath.guidesIndex
        let intro = site.guidesIntro
        let title = intro?.title ?? theme.strings.text("guides")
        let view = GuidesView(
            chrome: chrome(page, theme, title: title, description: intro?.description, kind: "guides"),
            title: title,
            intro: ArticleView(bodies["guides/_index.md"]),
            guides: guideLinks(from: page)
        )
        return rendered(page, view, template: "guides", theme, content: ["guides/_index.md"] + site.guides.map(\.contentPath))
    }

    func search(_ theme: Theme) -> OutputFile {
        let page = PagePath.search
        let view = SearchView(
            chrome: chrome(page, theme, title: theme.strings.text("search"), description: theme.strings.text("search_description"),
                           kind: "search"),
            categories: site.categories.map { .init(value: $0.category.slug, label: $0.category.title) },
            difficulties: Difficulty.allCases.map { .init(value: $0.rawValue, label: theme.strings.label($0)) },
            kinds: QuestionKind.allCases.map { .init(value: $0.rawValue, label: theme.strings.label($0)) },
            tags: site.tags.map { .init(value: $0.name, label: $0.name) },
            browse: site.categories.map { LinkView(title: $0.category.title, href: page.link(to: $0.path)) }
        )
        return rendered(page, view, template: "search", theme, allContent: true)
    }

    func practice(_ theme: Theme) -> OutputFile {
        study(.practice, title: theme.strings.text("practice"), template: "practice", theme: theme)
    }

    func interview(_ theme: Theme) -> OutputFile {
        study(.interview, title: theme.strings.text("mock_interview"), template: "interview", theme: theme)
    }

    private func study(_ page: PagePath, title: String, template: String, theme: Theme) -> OutputFile {
        let view = StudyView(
            chrome: chrome(page, theme, title: title, description: theme.strings.text("study_description", ["title": title]),
                           kind: template),
            browse: site.categories.map { LinkView(title: $0.category.title, href: page.link(to: $0.path)) },
            deck: page.link(to: .studyDeck),
            ankiAll: page.link(to: PagePath("anki/all.tsv")),
            anki: site.categories.map { LinkView(title: $0.category.title, href: page.link(to: PagePath("anki/\($0.category.slug).tsv"))) }
        )
        return rendered(page, view, template: template, theme)
    }

    /// The 404 page. Its links stay relative like every other page's (a `<base>` pointing
    /// at base_url would make the copy on disk request files from the network).
    func notFound(_ theme: Theme) -> OutputFile {
        simple(.notFound, title: theme.strings.text("not_found"), template: "404", theme: theme)
    }

    private func simple(_ page: PagePath, title: String, template: String, theme: Theme) -> OutputFile {
        let view = SimpleView(
            chrome: chrome(page, theme, title: title, description: nil, kind: template),
            categories: site.categories.map { LinkView(title: $0.category.title, href: page.link(to: $0.path)) }
        )
        return rendered(page, view, template: template, theme)
    }

    /// The page rendered with `template`, with what it was made from. Every page shows the
    /// navigation, and `templatesUsed` names the partials the template pulls in.
    /// `listing`: how many questions the page lists, which sets the room it is rendered in.
    private func rendered(_ page: PagePath, _ view: some TemplateView, template: String, _ theme: Theme, listing: Int = 0,
                          content: @autoclosure () -> [String] = [], allContent: Bool = false) -> OutputFile {
        OutputFile(path: page, bytes: theme.render(view, template: template, expectedSize: listing * Self.bytesPerListedQuestion),
                   inputs: recordsInputs ? OutputInputs(content: content(), allContent: allContent, navigation: true,
                                                        templates: theme.templatesUsed(by: template)) : OutputInputs())
    }

    /// A listing page with what it was made from, not rendered yet.
    private func listing(_ page: PagePath, _ view: some TemplateView, template: String, _ theme: Theme, count: Int,
                         content: @autoclosure () -> [String]) -> ListingPage {
        ListingPage(path: page, view: view, template: template, theme: theme, listed: count,
                    inputs: recordsInputs ? OutputInputs(content: content(), navigation: true,
                                                         templates: theme.templatesUsed(by: template)) : OutputInputs())
    }

    /// Room for each question a listing shows: the built-in theme's cards take about 730 bytes (a
    /// theme with larger ones grows the page as any other).
    static let bytesPerListedQuestion = 1024

    /// The content file of the question or guide a `related` entry names.
    private func relatedContentPath(_ slug: String) -> String? {
        questionsBySlug[slug].map { site.questions[$0].contentPath } ?? site.guides.first(where: { $0.slug == slug })?.contentPath
    }

    private func relatedView(_ slug: String, from page: PagePath, strings: ThemeStrings) -> RelatedView? {
        if let index = questionsBySlug[slug] {
            let difficulty = site.questions[index].difficulty
            return RelatedView(title: site.questions[index].title, href: page.link(to: site.questions[index].path),
                               label: strings.label(difficulty), badgeClass: "difficulty-\(difficulty.rawValue)")
        }
        if let guide = site.guides.first(where: { $0.slug == slug }) {
            return RelatedView(title: guide.title, href: page.link(to: guide.path), label: strings.text("related_guide"), badgeClass: "kind-guide")
        }
        return nil
    }

    private func guideLinks(from page: PagePath) -> [GuideLink] {
        site.guides.map { GuideLink(title: $0.title, href: page.link(to: $0.path), summary: $0.summary) }
    }
}

/// A page that lists questions (a category's, a tag's), not rendered yet: a build renders it
/// straight into its file, a piece at a time (`StagingFolder.writeStreamed`), so that a list of
/// thousands of questions is never held whole (two category pages at once were 17 MB of a
/// 100,000-question build); `file()` renders it into memory, for a caller that needs the bytes.
struct ListingPage {
    let path: PagePath
    let view: any TemplateView
    let template: String
    let theme: Theme
    /// How many questions it lists, which sets the room `file()` renders it in.
    let listed: Int
    let inputs: OutputInputs

    func file() -> OutputFile {
        OutputFile(path: path, bytes: theme.render(view, template: template, expectedSize: listed * PageBuilder.bytesPerListedQuestion),
                   inputs: inputs)
    }

    /// Renders the page to `sink` a piece at a time; returns its size.
    func render(to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        theme.render(view, template: template, to: sink)
    }
}
