/// The resolved site: every page in its place and order, every cross-reference checked.
/// Later stages only read it.
public struct Site: Sendable {
    public var config: SiteConfig
    public var homeIntro: SectionIntro?
    public var guidesIntro: SectionIntro?
    public var categories: [CategoryPage]
    public var guides: [Guide]
    public var tags: [TagPage]
    /// Files of `content/` that are not Markdown: content path → absolute path.
    public var assets: [String: String] = [:]

    /// A category with its questions in reading order.
    public struct CategoryPage: Sendable {
        public var category: Category
        public var questions: [Question]
        public var path: PagePath { .category(category.slug) }
    }

    /// A tag and the questions that carry it, by title.
    public struct TagPage: Sendable {
        public var name: String
        public var questions: [Question]
        public var path: PagePath { .tag(name) }
    }

    public var questions: [Question] { categories.flatMap(\.questions) }

    public func category(named slug: String) -> CategoryPage? { categories.first { $0.category.slug == slug } }
}

extension Question {
    public var path: PagePath { .question(slug, in: category) }
}

extension Guide {
    public var path: PagePath { .guide(slug) }
}
