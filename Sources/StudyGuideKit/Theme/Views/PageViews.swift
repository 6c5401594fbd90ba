/// One view struct per page kind, built by `PageViews`; templates see nothing else.

struct HomeView: Sendable {
    struct CategorySummary: Sendable {
        let slug: String
        let title: String
        let href: String
        let description: String
        let total: Int
        let beginner: Int
        let intermediate: Int
        let advanced: Int
    }

    let chrome: PageChrome
    let title: String
    let intro: ArticleView
    let categories: [CategorySummary]
    let guides: [GuideLink]
    let recent: [QuestionCard]
    let questionCount: Int
}

struct GuideLink: Sendable {
    let title: String
    let href: String
    let summary: String
}

struct CategoryView: Sendable {
    let chrome: PageChrome
    let slug: String
    let title: String
    let description: String
    let intro: ArticleView
    let questions: [QuestionCard]
    let count: Int
    let home: String
}

struct QuestionView: Sendable {
    let chrome: PageChrome
    let title: String
    let slug: String
    let summary: String
    let difficulty: String
    let difficultyLabel: String
    let kind: String
    let kindLabel: String
    let category: LinkView
    let home: String
    let tags: [LinkView]
    let aliases: [String]
    let answer: ArticleView
    let followUps: [String]
    let areas: [String]
    let redFlags: [String]
    let related: [RelatedView]
    let previous: LinkView?
    let next: LinkView?
    let updated: String?
    let updatedLong: String?
}

struct TagView: Sendable {
    let chrome: PageChrome
    let name: String
    let questions: [QuestionCard]
    let count: Int
    let allTags: String
}

struct TagsView: Sendable {
    struct Entry: Sendable {
        let name: String
        let href: String
        let count: Int
    }

    let chrome: PageChrome
    let tags: [Entry]
}

struct GuideView: Sendable {
    let chrome: PageChrome
    let title: String
    let summary: String
    let article: ArticleView
    let guidesHref: String
    let updated: String?
    let updatedLong: String?
}

struct GuidesView: Sendable {
    let chrome: PageChrome
    let title: String
    let intro: ArticleView
    let guides: [GuideLink]
}

struct SimpleView: Sendable {
    let chrome: PageChrome
    let categories: [LinkView]
}

/// A related page: a question (with its difficulty) or a guide.
struct RelatedView: Sendable {
    let title: String
    let href: String
    let label: String
    let badgeClass: String
}

/// The search page: the query form with its filters, rendered so they also work as a plain GET form.
struct SearchView: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
    }

    let chrome: PageChrome
    let categories: [Option]
    let difficulties: [Option]
    let kinds: [Option]
    let tags: [Option]
    let browse: [LinkView]
}

/// The practice and mock-interview pages: the app runs in the browser and builds its filters
/// from the deck script; the page gives it that script and, without JavaScript, a way to study anyway.
struct StudyView: Sendable {
    let chrome: PageChrome
    let browse: [LinkView]
    let deck: String
    let ankiAll: String
    let anki: [LinkView]
}
