/// One view per page kind, built by `PageBuilder`; templates see nothing else.
///
/// Every view is a final class (`TemplateView` is class-bound): a template looks a view up again
/// for every tag inside its section, and a class is handed over as the pointer it already is,
/// where a struct was copied into a heap box, and every `TemplateValue` holding any view was
/// copied and destroyed through its type's value witnesses.

final class HomeView: Sendable {
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

    init(chrome: PageChrome, title: String, intro: ArticleView, categories: [CategorySummary], guides: [GuideLink],
         recent: [QuestionCard], questionCount: Int) {
        self.chrome = chrome
        self.title = title
        self.intro = intro
        self.categories = categories
        self.guides = guides
        self.recent = recent
        self.questionCount = questionCount
    }
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

final class CategoryView: Sendable {
    let chrome: PageChrome
    let slug: String
    let title: String
    let description: String
    let intro: ArticleView
    let questions: QuestionCards
    let count: Int
    let home: String

    init(chrome: PageChrome, slug: String, title: String, description: String, intro: ArticleView,
         questions: QuestionCards, count: Int, home: String) {
        self.chrome = chrome
        self.slug = slug
        self.title = title
        self.description = description
        self.intro = intro
        self.questions = questions
        self.count = count
        self.home = home
    }
}

final class QuestionView: Sendable {
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

    init(chrome: PageChrome, title: String, slug: String, summary: String, difficulty: String,
         difficultyLabel: String, kind: String, kindLabel: String, category: LinkView, home: String, tags: [LinkView],
         aliases: [String], answer: ArticleView, followUps: [String], areas: [String], redFlags: [String],
         related: [RelatedView], previous: LinkView?, next: LinkView?, updated: String?, updatedLong: String?) {
        self.chrome = chrome
        self.title = title
        self.slug = slug
        self.summary = summary
        self.difficulty = difficulty
        self.difficultyLabel = difficultyLabel
        self.kind = kind
        self.kindLabel = kindLabel
        self.category = category
        self.home = home
        self.tags = tags
        self.aliases = aliases
        self.answer = answer
        self.followUps = followUps
        self.areas = areas
        self.redFlags = redFlags
        self.related = related
        self.previous = previous
        self.next = next
        self.updated = updated
        self.updatedLong = updatedLong
    }
}

final class TagView: Sendable {
    let chrome: PageChrome
    let name: String
    let questions: QuestionCards
    let count: Int
    let allTags: String

    init(chrome: PageChrome, name: String, questions: QuestionCards, count: Int, allTags: String) {
        self.chrome = chrome
        self.name = name
        self.questions = questions
        self.count = count
        self.allTags = allTags
    }
}

final class TagsView: Sendable {
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

    init(chrome: PageChrome, tags: [Entry]) {
        self.chrome = chrome
        self.tags = tags
    }
}

final class GuideView: Sendable {
    let chrome: PageChrome
    let title: String
    let summary: String
    let article: ArticleView
    let guidesHref: String
    let updated: String?
    let updatedLong: String?

    init(chrome: PageChrome, title: String, summary: String, article: ArticleView, guidesHref: String,
         updated: String?, updatedLong: String?) {
        self.chrome = chrome
        self.title = title
        self.summary = summary
        self.article = article
        self.guidesHref = guidesHref
        self.updated = updated
        self.updatedLong = updatedLong
    }
}

final class GuidesView: Sendable {
    let chrome: PageChrome
    let title: String
    let intro: ArticleView
    let guides: [GuideLink]

    init(chrome: PageChrome, title: String, intro: ArticleView, guides: [GuideLink]) {
        self.chrome = chrome
        self.title = title
        self.intro = intro
        self.guides = guides
    }
}

final class SimpleView: Sendable {
    let chrome: PageChrome
    let categories: [LinkView]

    init(chrome: PageChrome, categories: [LinkView]) {
        self.chrome = chrome
        self.categories = categories
    }
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
final class SearchView: Sendable {
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

    init(chrome: PageChrome, categories: [Option], difficulties: [Option], kinds: [Option], tags: [Option],
         browse: [LinkView]) {
        self.chrome = chrome
        self.categories = categories
        self.difficulties = difficulties
        self.kinds = kinds
        self.tags = tags
        self.browse = browse
    }
}

/// The practice and mock-interview pages: the app runs in the browser and builds its filters
/// from the deck script; the page gives it that script and, without JavaScript, a way to study anyway.
final class StudyView: Sendable {
    let chrome: PageChrome
    let browse: [LinkView]
    let deck: String
    let ankiAll: String
    let anki: [LinkView]

    init(chrome: PageChrome, browse: [LinkView], deck: String, ankiAll: String, anki: [LinkView]) {
        self.chrome = chrome
        self.browse = browse
        self.deck = deck
        self.ankiAll = ankiAll
        self.anki = anki
    }
}
