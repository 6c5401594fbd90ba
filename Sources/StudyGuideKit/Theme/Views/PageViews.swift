/// One view struct per page kind, built by `PageViews`; templates see nothing else.
///
/// The small views a page holds many of (links, cards, menu entries, options) are final classes:
/// a template looks each one up again for every tag inside its section, and a struct larger than
/// three words is copied into a new heap box each time it becomes a `TemplateValue`; a class is
/// handed over as the pointer it already is.

struct HomeView: Sendable {
    final class CategorySummary: Sendable {
        let slug: String
        let title: String
        let href: String
        let description: String
        let total: Int
        let beginner: Int
        let intermediate: Int
        let advanced: Int

        init(slug: String, title: String, href: String, description: String, total: Int, beginner: Int,
             intermediate: Int, advanced: Int) {
            self.slug = slug
            self.title = title
            self.href = href
            self.description = description
            self.total = total
            self.beginner = beginner
            self.intermediate = intermediate
            self.advanced = advanced
        }
    }

    let chrome: PageChrome
    let title: String
    let intro: ArticleView
    let categories: [CategorySummary]
    let guides: [GuideLink]
    let recent: [QuestionCard]
    let questionCount: Int
}

final class GuideLink: Sendable {
    let title: String
    let href: String
    let summary: String

    init(title: String, href: String, summary: String) {
        self.title = title
        self.href = href
        self.summary = summary
    }
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
    final class Entry: Sendable {
        let name: String
        let href: String
        let count: Int

        init(name: String, href: String, count: Int) {
            self.name = name
            self.href = href
            self.count = count
        }
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
final class RelatedView: Sendable {
    let title: String
    let href: String
    let label: String
    let badgeClass: String

    init(title: String, href: String, label: String, badgeClass: String) {
        self.title = title
        self.href = href
        self.label = label
        self.badgeClass = badgeClass
    }
}

/// The search page: the query form with its filters, rendered so they also work as a plain GET form.
struct SearchView: Sendable {
    final class Option: Sendable {
        let value: String
        let label: String

        init(value: String, label: String) {
            self.value = value
            self.label = label
        }
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
