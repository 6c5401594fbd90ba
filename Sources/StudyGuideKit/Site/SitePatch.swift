/// The resolved site after questions are added and removed, without resolving it again: what
/// `serve` does with a new, deleted or moved question. Resolving a 10,000-question site takes
/// 30 ms; putting a question in its place takes a fraction of one.
///
/// The result is the site `SiteResolver` would make from the same files, or nil when the edit is
/// one only the resolver should judge (a slug already taken, a `related` entry that names nothing,
/// a question in a category that does not exist, a slug that other questions' `related` name
/// going away): the caller then resolves the site in full, which also reports the problem.
extension Site {
    struct Patch {
        let site: Site
        /// A question's place in the patched site by its place before; nil for one removed.
        let newPlace: [Int?]
        /// The added questions' places, by content path (drafts left out are not there).
        let addedPlaces: [String: Int]
    }

    /// `removed`: places of questions taken out (an edited file's old version among them).
    /// `added`: questions parsed from the changed files, drafts included.
    func patched(removing removed: Set<Int>, adding added: [Question], includeDrafts: Bool,
                 placeOfSlug: QuestionPlaces) -> Patch? {
        let added = added.filter { includeDrafts || !$0.draft }
        let guideSlugs = Set(guides.map(\.slug))
        let removedSlugs = Set(removed.map { questions[$0].slug })

        // Every slug stays unique, and names a page a `related` entry may name.
        var addedSlugs: Set<String> = []
        for question in added {
            guard category(named: question.category) != nil, !guideSlugs.contains(question.slug),
                  placeOfSlug[question.slug] == nil || removedSlugs.contains(question.slug),
                  addedSlugs.insert(question.slug).inserted else { return nil }
        }
        func exists(_ slug: String) -> Bool {
            addedSlugs.contains(slug) || guideSlugs.contains(slug) || (placeOfSlug[slug] != nil && !removedSlugs.contains(slug))
        }
        for question in added where !question.related.allSatisfy(exists) { return nil }
        let gone = removedSlugs.subtracting(addedSlugs)
        if !gone.isEmpty {
            for (place, question) in questions.enumerated() where !removed.contains(place) {
                if question.related.contains(where: gone.contains) { return nil }
            }
        }

        // Each category's questions: those kept, in their order, merged with the added ones.
        func readingOrder(_ a: Question, _ b: Question) -> Bool {
            a.weight != b.weight ? a.weight < b.weight : (a.title, a.slug) < (b.title, b.slug)
        }
        var nextQuestions: [Question] = []
        nextQuestions.reserveCapacity(questions.count + added.count)
        var newPlace = [Int?](repeating: nil, count: questions.count)
        var addedPlaces: [String: Int] = [:]
        var nextCategories = categories
        for (number, page) in categories.enumerated() {
            let start = nextQuestions.count
            var incoming = added.filter { $0.category == page.category.slug }.sorted(by: readingOrder)[...]
            func takeIncoming(before next: Question?) {
                while let first = incoming.first, next.map({ readingOrder(first, $0) }) ?? true {
                    addedPlaces[first.contentPath] = nextQuestions.count
                    nextQuestions.append(first)
                    incoming.removeFirst()
                }
            }
            for place in page.members where !removed.contains(place) {
                takeIncoming(before: questions[place])
                newPlace[place] = nextQuestions.count
                nextQuestions.append(questions[place])
            }
            takeIncoming(before: nil)
            nextCategories[number].members = start ..< nextQuestions.count
        }

        // Tag lists by title then slug: kept members renumbered, added ones merged in.
        func byTitle(_ a: Int, _ b: Int) -> Bool {
            (nextQuestions[a].title, nextQuestions[a].slug) < (nextQuestions[b].title, nextQuestions[b].slug)
        }
        var addedTagged: [String: [Int]] = [:]
        for (place, question) in nextQuestions.enumerated() where addedSlugs.contains(question.slug) {
            for tag in Set(question.tags) { addedTagged[tag, default: []].append(place) }
        }
        var nextTags: [TagPage] = []
        for tag in tags {
            var members = tag.members.compactMap { newPlace[$0] }
            if let incoming = addedTagged.removeValue(forKey: tag.name) {
                for place in incoming {
                    let at = members.firstIndex { byTitle(place, $0) } ?? members.count
                    members.insert(place, at: at)
                }
            }
            if !members.isEmpty { nextTags.append(TagPage(name: tag.name, members: members)) }
        }
        for (name, members) in addedTagged { nextTags.append(TagPage(name: name, members: members.sorted(by: byTitle))) }
        nextTags.sort { $0.name < $1.name }

        var site = Site(config: config, homeIntro: homeIntro, guidesIntro: guidesIntro, categories: nextCategories,
                        questions: nextQuestions, guides: guides, tags: nextTags)
        site.assets = assets
        return Patch(site: site, newPlace: newPlace, addedPlaces: addedPlaces)
    }
}
