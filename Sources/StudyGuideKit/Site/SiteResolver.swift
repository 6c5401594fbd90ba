/// Turns parsed documents into a `Site`: orders pages, groups tags, checks that slugs are
/// unique, that every question has a category, and that `related` names real questions.
enum SiteResolver {
    /// Folder names the generator writes itself, so no category may take them.
    static let reservedNames: Set<String> = ["tags", "guides", "assets", "anki", "search", "practice"]

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

        diagnostics += duplicateSlugs(questions: questions, guides: guides)

        var byCategory: [String: [Question]] = [:]
        var reportedMissing: Set<String> = []
        for question in questions {
            guard categories[question.category] != nil else {
                if reservedNames.contains(question.category) { continue }
                if reportedMissing.insert(question.category).inserted {
                    diagnostics.append(.error(at: question.location,
                        "category '\(question.category)' has no _index.md: add content/\(question.category)/_index.md "
                        + "with a title and a description", rule: "missing-category"))
                }
                continue
            }
            byCategory[question.category, default: []].append(question)
        }

        // `related` may name any page with a slug: a question or a guide.
        let knownSlugs = Set(questions.map(\.slug) + guides.map(\.slug))
        for question in questions {
            for entry in question.related where !knownSlugs.contains(entry.value) {
                diagnostics.append(.error(at: entry.location,
                    "related page '\(entry.value)' does not exist\(Suggestion.hint(for: entry.value, in: knownSlugs))",
                    rule: "related"))
            }
        }

        var inOrder: [Question] = []
        let orderedCategories = categories.values
            .sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }
            .map { category in
                let start = inOrder.count
                inOrder += (byCategory[category.slug] ?? []).sorted(by: readingOrder)
                return Site.CategoryPage(category: category, members: start ..< inOrder.count)
            }
        let orderedGuides = guides.sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }

        var tagged: [String: [Int]] = [:]
        for (index, question) in inOrder.enumerated() {
            for tag in Set(question.tags.map(\.value)) { tagged[tag, default: []].append(index) }
        }
        let tags = tagged.keys.sorted().map { name in
            Site.TagPage(name: name, members: tagged[name]!.sorted {
                (inOrder[$0].title, inOrder[$0].slug) < (inOrder[$1].title, inOrder[$1].slug)
            })
        }

        let site = Site(config: config, homeIntro: homeIntro, guidesIntro: guidesIntro,
                        categories: orderedCategories, questions: inOrder, guides: orderedGuides, tags: tags)
        return (site, diagnostics)
    }

    private static func readingOrder(_ a: Question, _ b: Question) -> Bool {
        (a.weight, a.title, a.slug) < (b.weight, b.title, b.slug)
    }

    /// Slugs are unique across the whole site, so a question can be named by slug alone.
    /// The clash is reported where it is declared: at the `slug:` line of a file that sets
    /// one, else at line 1 of the later file, naming the file that keeps the slug.
    private static func duplicateSlugs(questions: [Question], guides: [Guide]) -> [Diagnostic] {
        struct Claim {
            let slug: String
            let file: SourceLocation
            let declared: SourceLocation?
        }
        let claims = questions.map { Claim(slug: $0.slug, file: $0.location, declared: $0.slugLocation) }
            + guides.map { Claim(slug: $0.slug, file: $0.location, declared: $0.slugLocation) }
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
        return diagnostics
    }
}
