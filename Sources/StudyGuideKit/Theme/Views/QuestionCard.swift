/// A question as it appears in lists: category pages, tag pages, related questions.
final class QuestionCard: Sendable {
    let title: String
    let href: String
    let summary: String
    let difficulty: String
    let difficultyLabel: String
    let kind: String
    let kindLabel: String
    let category: String
    let categoryHref: String
    let updated: String?
    let updatedLong: String?

    init(_ question: Question, from page: PagePath, site: Site, strings: ThemeStrings) {
        let headline = question.headline
        title = headline.title
        href = page.link(to: question.path)
        summary = headline.summary
        difficulty = question.difficulty.rawValue
        difficultyLabel = strings.label(question.difficulty)
        kind = question.kind.rawValue
        kindLabel = strings.label(question.kind)
        category = site.categoryTitle(named: question.category) ?? question.category
        categoryHref = page.link(to: .category(question.category))
        updated = question.updated?.description
        updatedLong = question.updated.map(strings.longDate)
    }
}

/// The cards of a listing (a category's or a tag's questions), each made when the template
/// reaches it (`MadeList`).
struct QuestionCards: TemplateRepresentable, Sendable {
    let list: MadeList

    /// `places`: the questions' places in the site's list, in the listing's order.
    init(_ places: some RandomAccessCollection<Int> & Sendable, from page: PagePath, site: Site, strings: ThemeStrings) {
        list = MadeList(count: places.count) { index in
            .view(QuestionCard(site.questions[places[places.index(places.startIndex, offsetBy: index)]], from: page, site: site,
                               strings: strings))
        }
    }

    var templateValue: TemplateValue? { .madeList(list) }
}

/// A link with a label, for tags, breadcrumbs and previous/next.
final class LinkView: Sendable {
    let title: String
    let href: String

    init(title: String, href: String) {
        self.title = title
        self.href = href
    }
}

/// Rendered Markdown for a template: the HTML and its table of contents.
final class ArticleView: Sendable {
    final class TOCEntry: Sendable {
        let text: String
        let href: String
        let nested: Bool

        init(text: String, href: String, nested: Bool) {
            self.text = text
            self.href = href
            self.nested = nested
        }
    }

    let html: String
    let toc: [TOCEntry]
    let hasTOC: Bool

    /// Answers with three or more headings get a table of contents of their h2 and h3.
    init(_ rendered: RenderedBody?) {
        html = rendered?.html ?? ""
        let headings = (rendered?.headings ?? []).filter { $0.level == 2 || $0.level == 3 }
        toc = headings.map { TOCEntry(text: $0.text, href: "#" + $0.id, nested: $0.level == 3) }
        hasTOC = headings.count >= 3
    }
}
