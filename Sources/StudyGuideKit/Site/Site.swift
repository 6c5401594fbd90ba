/// The resolved site: every page in its place and order, every cross-reference checked.
/// Later stages only read it.
struct Site: Sendable {
    var config: SiteConfig
    var homeIntro: SectionIntro?
    var guidesIntro: SectionIntro?
    var categories: [CategoryPage]
    var guides: [Guide]
    var tags: [TagPage]
    /// Files of `content/` that are not Markdown: content path → absolute path.
    var assets: [String: String] = [:]
    /// The bytes of `site.yml` and of every content file, hashed as they were read: only in a
    /// build with a cache, for the pages' fingerprints (`PageFingerprints`).
    var sources: SourceHashes?

    /// A category with its questions in reading order.
    struct CategoryPage: Sendable {
        var category: Category
        /// Its questions' places in `Site.questions`, where they follow one another.
        var members: Range<Int>
        var path: PagePath { .category(category.slug) }

        var document: Document {
            Document(contentPath: category.contentPath, location: category.location, page: path, body: category.body)
        }
    }

    /// A tag and the questions that carry it, by title: their places in `questions` (a question
    /// with three tags is not copied three more times).
    struct TagPage: Sendable {
        var name: String
        var members: Places
        var path: PagePath { .tag(name) }

        init(name: String, members: some Sequence<Int>) {
            self.name = name
            self.members = Places(members)
        }
    }

    /// Places in `questions`, four bytes each instead of eight: tag lists are held for the whole
    /// build, and a site has a few times as many tagged questions as questions.
    struct Places: RandomAccessCollection, Equatable, Sendable {
        private let places: [UInt32]

        init(_ places: some Sequence<Int>) { self.places = places.map { UInt32($0) } }

        var startIndex: Int { 0 }
        var endIndex: Int { places.count }
        subscript(position: Int) -> Int { Int(places[position]) }
    }

    /// Every question in site order: category by category, each in reading order.
    internal(set) var questions: [Question]

    /// `questions` holds every question in site order: category by category, as `categories` lists them.
    init(config: SiteConfig, homeIntro: SectionIntro?, guidesIntro: SectionIntro?, categories: [CategoryPage],
         questions: [Question], guides: [Guide], tags: [TagPage]) {
        self.config = config
        self.homeIntro = homeIntro
        self.guidesIntro = guidesIntro
        self.categories = categories
        self.questions = questions
        self.guides = guides
        self.tags = tags
    }

    /// Puts an edited question in the place of the one it replaces (`LivePreview`: same slug,
    /// category, title, weight and tags, so every list stays as it was).
    mutating func replaceQuestion(at place: Int, with question: Question) {
        questions[place] = question
    }

    /// The questions of `category`, in reading order.
    func questions(of category: CategoryPage) -> ArraySlice<Question> {
        questions[category.members]
    }

    /// A content file with a Markdown body, and the page it becomes.
    struct Document: Sendable {
        let contentPath: String
        let location: SourceLocation
        let page: PagePath
        let body: MarkdownBody
    }

    /// Every Markdown body of the site, once: categories with their questions, guides, then the
    /// home and guides introductions. Rendering, link rewriting and every check read this list.
    var documents: [Document] {
        var result: [Document] = []
        for category in categories {
            result.append(category.document)
            for question in questions(of: category) { result.append(question.document) }
        }
        return result + guideDocuments
    }

    /// The bodies that are not questions' (categories, guides, introductions): few, and
    /// rendered before the questions, which a build renders a batch at a time.
    var pageDocuments: [Document] { categories.map(\.document) + guideDocuments }

    /// Guides, then the home and guides introductions.
    private var guideDocuments: [Document] {
        var result = guides.map(\.document)
        if let intro = homeIntro { result.append(Document(contentPath: "_index.md", location: intro.location, page: .home, body: intro.body)) }
        if let intro = guidesIntro {
            result.append(Document(contentPath: "guides/_index.md", location: intro.location, page: .guidesIndex, body: intro.body))
        }
        return result
    }

    /// The pages every site has, whatever its content (`PageBuilder.fixedPage` makes each).
    enum FixedPage: CaseIterable, Sendable {
        case home, tagsIndex, guidesIndex, search, notFound, practice, interview

        var path: PagePath {
            switch self {
            case .home: .home
            case .tagsIndex: .tagsIndex
            case .guidesIndex: .guidesIndex
            case .search: .search
            case .notFound: .notFound
            case .practice: .practice
            case .interview: .interview
            }
        }
    }

    static let fixedPages: [PagePath] = FixedPage.allCases.map(\.path)

    /// Every page the build writes but the questions': the fixed pages, categories, tags and
    /// guides. Links are checked against these and the questions' pages, and pages find every
    /// folder of the site here.
    var listingPages: [PagePath] { Self.fixedPages + categories.map(\.path) + tags.map(\.path) + guides.map(\.path) }

    /// How many entries `pagePaths` has, without making it.
    var pageCount: Int { Self.fixedPages.count + categories.count + questions.count + tags.count + guides.count }

    /// Every HTML page the build writes, in the order it renders them. Links are checked against
    /// this list, so `build` and `check` agree on what exists.
    var pagePaths: [PagePath] {
        var pages = Self.fixedPages
        for category in categories {
            pages.append(category.path)
            for index in category.members { pages.append(questions[index].path) }
        }
        pages += tags.map(\.path)
        pages += guides.map(\.path)
        return pages
    }

    func category(named slug: String) -> CategoryPage? { categories.first { $0.category.slug == slug } }

    /// The title of the category `slug`, without copying its page (every card in a list asks).
    func categoryTitle(named slug: String) -> String? {
        categories.firstIndex { $0.category.slug == slug }.map { categories[$0].category.title }
    }
}

extension Question {
    var path: PagePath { PagePath(pagePath) }

    var document: Site.Document { Site.Document(contentPath: contentPath, location: location, page: path, body: body) }
}

extension Guide {
    var path: PagePath { .guide(slug) }

    var document: Site.Document { Site.Document(contentPath: contentPath, location: location, page: path, body: body) }
}
