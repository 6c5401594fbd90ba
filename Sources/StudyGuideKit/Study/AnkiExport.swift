/// Decks for Anki's text import: `anki/<category>.tsv` and `anki/all.tsv`. The first column is
/// a stable id (`studyguide-<slug>`) declared with `#guid column:1`, so importing a newer file
/// updates the existing notes and keeps their review history.
enum AnkiExport {
    static func files(for site: Site, bodies: [String: RenderedBody]) -> [OutputFile] {
        var files = site.categories.map { category in
            OutputFile(path: PagePath("anki/\(category.category.slug).tsv"),
                       text: deck(category.questions, name: "\(site.config.title)::\(category.category.title)", site: site, bodies: bodies))
        }
        files.append(OutputFile(path: PagePath("anki/all.tsv"), text: deck(site.questions, name: site.config.title, site: site, bodies: bodies)))
        return files
    }

    static func deck(_ questions: [Question], name: String, site: Site, bodies: [String: RenderedBody]) -> String {
        var lines = [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:\(field(name))",
            "#columns:Id\tFront\tBack\tTags",
            "#guid column:1",
            "#tags column:4",
        ]
        for question in questions {
            let category = site.category(named: question.category)?.category.title ?? question.category
            let back = "<p><b>" + Escaping.markup(question.summary) + "</b></p>" + (bodies[question.contentPath]?.html ?? "")
            let tags = (["studyguide", question.category, question.difficulty.rawValue, question.kind.rawValue]
                + question.tags.map(\.value)).joined(separator: " ")
            lines.append([
                "studyguide-\(question.slug)",
                field("<p>" + Escaping.markup(question.title) + "</p><p><small>" + Escaping.markup(category) + " · "
                      + question.difficulty.rawValue + "</small></p>"),
                field(back),
                tags,
            ].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Tabs and line breaks would end the field or the note; HTML needs neither.
    static func field(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\t": out += " "
            case "\n", "\r\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
