/// Turns parsed documents into a `Site`: orders pages, groups tags, checks that slugs are
/// unique, that every question has a category, and that `related` names real questions.
enum SiteResolver {
    /// Folder names the generator writes itself, so no category may take them.
    static let reservedNames: Set<String> = ["tags", "guides", "assets", "anki", "search", "practice"]

    /// Questions whose names one worker reads at a time: enough that handing out runs costs nothing.
    private static let namesRun = 512

    static func resolve(config: SiteConfig, documents: [ContentDocument], includeDrafts: Bool) -> (Site, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var categories: [String: Category] = [:]
        var questions: [Question] = []
        var guides: [Guide] = []
        var homeIntro: SectionIntro?
        var guidesIntro: SectionIntro?

        for document in documents {
            switch document {
            case .category(let category):
                if reservedNames.contains(category.slug) {
                    diagnostics.append(.error(at: category.location,
                        "'\(category.slug)' is reserved for generated pages; rename the folder", rule: "slug"))
                } else {
                    categories[category.slug] = category
                }
            case .question(let question):
                if includeDrafts || !question.draft { questions.append(question) }
            case .guide(let guide):
                if includeDrafts || !guide.draft { guides.append(guide) }
            case .homeIntro(let intro): homeIntro = intro
            case .guidesIntro(let intro): guidesIntro = intro
            }
        }

        // `related` may name any page with a slug: a question or a guide.
        let (clashes, knownSlugs) = duplicateSlugs(questions: questions, guides: guides)
        diagnostics += clashes

        // Places in `questions`, by category.
        var byCategory: [String: [Int]] = [:]
        var reportedMissing: Set<String> = []
        for (place, question) in questions.enumerated() {
            guard categories[question.category] != nil else {
                if reservedNames.contains(question.category) { continue }
                if reportedMissing.insert(question.category).inserted {
                    diagnostics.append(.error(at: question.location,
                        "category '\(question.category)' has no _index.md: add content/\(question.category)/_index.md "
                        + "with a title and a description", rule: "missing-category"))
                }
                continue
            }
            byCategory[question.category, default: []].append(place)
        }

        // Each question's title, tags and related slugs, read from its notes (on disk in a build)
        // once, a run of questions per worker: the related slugs are checked there, the titles
        // packed for one sort, and only the tags, short and few, are kept for the tag pages.
        let runs = stride(from: 0, to: questions.count, by: Self.namesRun).map { $0 ..< min($0 + Self.namesRun, questions.count) }
        let read = parallelMap(runs) { [questions] run -> (tags: TagLists, titles: TitleTexts, problems: [Diagnostic]) in
            var tags = TagLists(), titles = TitleTexts(), problems: [Diagnostic] = []
            tags.ends.reserveCapacity(run.count)
            for question in questions[run] {
                let names = question.names
                titles.append(title: names.title, slug: question.slug)
                for (index, slug) in names.related.enumerated() where !knownSlugs.contains(slug) {
                    problems.append(.error(at: question.relatedLocation(at: index),
                        "related page '\(slug)' does not exist\(Suggestion.hint(for: slug, in: knownSlugs))",
                        rule: "related"))
                }
                tags.append(names.tags)
            }
            return (tags, titles, problems)
        }
        diagnostics += read.flatMap(\.problems)
        let tagsByPlace = TagLists(joining: read.map(\.tags))

        // Reading order: by weight, then title, then slug.
        let rank = TitleOrder(read.map(\.titles)).rank
        let weights = questions.map(\.weight)
        var inOrder: [Question] = []
        var inOrderRank: [Int] = []
        var inOrderPlace: [Int] = []
        inOrder.reserveCapacity(questions.count)
        inOrderRank.reserveCapacity(questions.count)
        inOrderPlace.reserveCapacity(questions.count)
        let orderedCategories = categories.values
            .sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }
            .map { category in
                let start = inOrder.count
                for place in (byCategory[category.slug] ?? []).sorted(by: { (weights[$0], rank[$0]) < (weights[$1], rank[$1]) }) {
                    inOrder.append(questions[place])
                    inOrderRank.append(rank[place])
                    inOrderPlace.append(place)
                }
                return Site.CategoryPage(category: category, members: start ..< inOrder.count)
            }
        let orderedGuides = guides.sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }

        var tagged: [String: [Int]] = [:]
        for (index, place) in inOrderPlace.enumerated() {
            let tags = tagsByPlace[place]
            for (position, tag) in tags.enumerated() where !tags.prefix(position).contains(tag) {
                tagged[tag, default: []].append(index)
            }
        }
        let tags = tagged.keys.sorted().map { name in
            Site.TagPage(name: name, members: tagged[name]!.sorted { inOrderRank[$0] < inOrderRank[$1] })
        }

        let site = Site(config: config, homeIntro: homeIntro, guidesIntro: guidesIntro,
                        categories: orderedCategories, questions: inOrder, guides: orderedGuides, tags: tags)
        return (site, diagnostics)
    }

    /// Slugs are unique across the whole site, so a question can be named by slug alone.
    /// The clash is reported where it is declared: at the `slug:` line of a file that sets
    /// one, else at line 1 of the later file, naming the file that keeps the slug.
    /// Returns the clashes and every slug there is.
    private static func duplicateSlugs(questions: [Question], guides: [Guide]) -> ([Diagnostic], Set<String>) {
        struct Claim {
            let slug: String
            let file: SourceLocation
            let declared: SourceLocation?
        }
        // Most sites have no clash: find the slugs that clash first, then gather only their claims.
        var seen = Set<String>(minimumCapacity: questions.count + guides.count)
        var clashing: Set<String> = []
        for slug in questions.lazy.map(\.slug) + guides.lazy.map(\.slug) where !seen.insert(slug).inserted {
            clashing.insert(slug)
        }
        guard !clashing.isEmpty else { return ([], seen) }
        let claims = questions.filter { clashing.contains($0.slug) }.map { Claim(slug: $0.slug, file: $0.location, declared: $0.slugLocation) }
            + guides.filter { clashing.contains($0.slug) }.map { Claim(slug: $0.slug, file: $0.location, declared: $0.slugLocation) }
        var diagnostics: [Diagnostic] = []
        for group in Dictionary(grouping: claims, by: \.slug).values where group.count > 1 {
            // A slug taken from a file name wins over one written in front-matter.
            let ordered = group.sorted { ($0.declared == nil ? 0 : 1, $0.file) < ($1.declared == nil ? 0 : 1, $1.file) }
            let owner = ordered[0]
            for claim in ordered.dropFirst() {
                diagnostics.append(.error(at: claim.declared ?? claim.file,
                    "slug '\(claim.slug)' is already used by \(owner.file.path)", rule: "duplicate-slug"))
            }
        }
        return (diagnostics, seen)
    }
}

/// Each question's tags, one list after another (a list of lists was an array of its own for
/// every question, 8 MB at 100,000 questions while the site resolved).
private struct TagLists: Sendable {
    var names: [String] = []
    /// Where each question's tags end in `names`.
    var ends: [Int] = []

    init() {}

    /// The lists of `parts`, one after another.
    init(joining parts: [TagLists]) {
        names.reserveCapacity(parts.reduce(0) { $0 + $1.names.count })
        ends.reserveCapacity(parts.reduce(0) { $0 + $1.ends.count })
        for part in parts {
            let base = names.count
            names += part.names
            ends += part.ends.lazy.map { $0 + base }
        }
    }

    mutating func append(_ tags: [String]) {
        names += tags
        ends.append(names.count)
    }

    subscript(place: Int) -> ArraySlice<String> {
        names[(place == 0 ? 0 : ends[place - 1]) ..< ends[place]]
    }
}
