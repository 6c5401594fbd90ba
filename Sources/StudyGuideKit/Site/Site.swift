/// The resolved site: every page in its place and order, every cross-reference checked.
/// Later stages only read it.
public struct Site: Sendable {
    var config: SiteConfig
    var homeIntro: SectionIntro?
    var guidesIntro: SectionIntro?
    public var categories: [CategoryPage]
    public var guides: [Guide]
    var tags: [TagPage]
    /// Files of `content/` that are not Markdown: content path → absolute path.
    var assets: [String: String] = [:]

    /// A category with its questions in reading order.
    public struct CategoryPage: Sendable {
        public var category: Category
        public var questions: [Question]
        public var path: PagePath { .category(category.slug) }
    }

    /// A tag and the questions that carry it, by title.
    struct TagPage: Sendable {
        public var name: String
        public var questions: [Question]
        public var path: PagePath { .tag(name) }
    }

    public var questions: [Question] { categories.flatMap(\.questions) }

    /// The pages every site has, whatever its content.
    static let fixedPages: [PagePath] = [.home, .tagsIndex, .guidesIndex, .search, .notFound, .practice, .interview]

    /// Every HTML page the build writes, in the order it renders them. Links are checked against
    /// this list, so `build` and `check` agree on what exists.
    var pagePaths: [PagePath] {
        var pages = Self.fixedPages
        for category in categories {
            pages.append(category.path)
            pages += category.questions.map(\.path)
        }
        pages += tags.map(\.path)
        pages += guides.map(\.path)
        return pages
    }

    public func category(named slug: String) -> CategoryPage? { categories.first { $0.category.slug == slug } }
}

extension Question {
    public var path: PagePath { .question(slug, in: category) }
}

extension Guide {
    public var path: PagePath { .guide(slug) }
}
