/// Answers must have substance: an empty body is an error, a very short one a warning.
struct AnswerLengthRule: CheckRule {
    static let id = "short-answer"
    static let minimumWords = 120

    func check(_ input: CheckInput) -> [Diagnostic] {
        input.site.questions.compactMap { question in
            let words = (input.bodies[question.contentPath]?.plainText ?? "").split(separator: " ").count
            if words == 0 { return .error(at: question.location, "the answer is empty", rule: Self.id) }
            if words < Self.minimumWords {
                return .warning(at: question.location, "the answer has only \(words) words; a useful answer explains, gives an example and names trade-offs (aim for 250+)", rule: Self.id)
            }
            return nil
        }
    }
}

/// Headings go down one level at a time and start at `##`: the page title is the only `h1`,
/// and skipped levels confuse screen-reader navigation and the table of contents.
struct HeadingLevelRule: CheckRule {
    static let id = "heading-level"

    func check(_ input: CheckInput) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in input.documents {
            var previous = 1
            for heading in input.bodies[document.contentPath]?.headings ?? [] {
                if heading.level == 1 {
                    diagnostics.append(.warning(at: heading.location, "'# \(heading.text)' is a second page title; start sections at '##'", rule: Self.id))
                } else if heading.level > previous + 1 {
                    diagnostics.append(.warning(at: heading.location,
                        "heading level jumps from h\(previous) to h\(heading.level) at '\(heading.text)'; use h\(previous + 1)", rule: Self.id))
                }
                previous = heading.level
            }
        }
        return diagnostics
    }
}

/// The same paragraph on several pages is boilerplate: each answer should say its own thing.
struct RepeatedParagraphRule: CheckRule {
    static let id = "repeated-paragraph"
    static let minimumWords = 12

    func check(_ input: CheckInput) -> [Diagnostic] {
        var seen: [String: [SourceLocation]] = [:]
        for document in input.documents {
            var onThisPage = Set<String>()
            for paragraph in input.bodies[document.contentPath]?.paragraphs ?? [] {
                let key = SearchTokenizer.normalizedWords(paragraph.value).joined(separator: " ")
                guard key.split(separator: " ").count >= Self.minimumWords, onThisPage.insert(key).inserted else { continue }
                seen[key, default: []].append(paragraph.location)
            }
        }
        var diagnostics: [Diagnostic] = []
        for locations in seen.values where locations.count > 1 {
            let sorted = locations.sorted()
            for location in sorted.dropFirst() {
                diagnostics.append(.warning(at: location, "this paragraph also appears at \(sorted[0]); write it once and link to it", rule: Self.id))
            }
        }
        return diagnostics
    }
}

/// Two pages asking the same question split the answers and confuse search: titles and
/// aliases that are (nearly) the same as another page's are reported with both places.
struct NearDuplicateRule: CheckRule {
    static let id = "near-duplicate"
    static let threshold = 0.7

    private struct Phrase {
        let text: String
        let terms: Set<String>
        let slug: String
        let location: SourceLocation
    }

    func check(_ input: CheckInput) -> [Diagnostic] {
        var phrases: [Phrase] = []
        for question in input.site.questions {
            let notes = question.notes, path = question.location.path
            phrases.append(phrase(notes.title, question.slug, notes.titlePosition.location(in: path)))
            for alias in notes.aliases { phrases.append(phrase(alias.value, question.slug, alias.location)) }
        }
        // Compare only phrases that share their rarest term, so the check stays near-linear.
        var frequency: [String: Int] = [:]
        for phrase in phrases { for term in phrase.terms { frequency[term, default: 0] += 1 } }
        var buckets: [String: [Int]] = [:]
        for (index, phrase) in phrases.enumerated() {
            let rarest = phrase.terms.sorted { (frequency[$0]!, $0) < (frequency[$1]!, $1) }.prefix(2)
            for term in rarest { buckets[term, default: []].append(index) }
        }
        var reported = Set<[Int]>()
        var diagnostics: [Diagnostic] = []
        for members in buckets.values {
            for (i, a) in members.enumerated() {
                for b in members[(i + 1)...] {
                    let first = phrases[a], second = phrases[b]
                    guard first.slug != second.slug, first.terms.count >= 3, second.terms.count >= 3 else { continue }
                    let similarity = Double(first.terms.intersection(second.terms).count) / Double(first.terms.union(second.terms).count)
                    guard similarity >= Self.threshold, reported.insert([min(a, b), max(a, b)]).inserted else { continue }
                    let (earlier, later) = first.location < second.location ? (first, second) : (second, first)
                    diagnostics.append(.warning(at: later.location,
                        "'\(later.text)' is nearly the same question as '\(earlier.text)' at \(earlier.location); merge them and keep the other wording as an alias",
                        rule: Self.id))
                }
            }
        }
        return diagnostics
    }

    private func phrase(_ text: String, _ slug: String, _ location: SourceLocation) -> Phrase {
        Phrase(text: text, terms: Set(SearchTokenizer.tokens(text).filter { $0.count > 2 || $0.first?.isNumber == true }),
               slug: slug, location: location)
    }
}
