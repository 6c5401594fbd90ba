/// The files that exist only for a site with a public address: sitemap, robots.txt and
/// an Atom feed of updated questions. They are the only absolute URLs the site has.
enum Syndication {
    static func files(for site: Site, pages: [PagePath], baseURL: String) -> [OutputFile] {
        [sitemap(site, pages: pages, baseURL: baseURL), robots(baseURL: baseURL), feed(site, baseURL: baseURL)]
    }

    private static func sitemap(_ site: Site, pages: [PagePath], baseURL: String) -> OutputFile {
        var updated: [PagePath: ContentDate] = [:]
        for question in site.questions { updated[question.path] = question.updated }
        for guide in site.guides { updated[guide.path] = guide.updated }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() where page != .notFound {
            let location = baseURL + (page == .home ? "" : page.path)
            xml += "  <url><loc>\(Escaping.markup(location))</loc>"
            if let date = updated[page] { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: PagePath("sitemap.xml"), text: xml, inputs: .everything)
    }

    private static func robots(baseURL: String) -> OutputFile {
        OutputFile(path: PagePath("robots.txt"), text: "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n", inputs: .init())
    }

    /// The 50 most recently updated questions, newest first.
    private static func feed(_ site: Site, baseURL: String) -> OutputFile {
        let entries = site.questions
            .compactMap { question in question.updated.map { (question, $0) } }
            .sorted { ($1.1, $0.0.slug) < ($0.1, $1.0.slug) }
            .prefix(50)
        let newest = entries.first?.1.timestamp ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escaping.markup(site.config.language))">
              <title>\(Escaping.markup(site.config.title))</title>
              <subtitle>\(Escaping.markup(site.config.description))</subtitle>
              <id>\(Escaping.markup(baseURL))</id>
              <link rel="alternate" type="text/html" href="\(Escaping.markup(baseURL))"/>
              <link rel="self" type="application/atom+xml" href="\(Escaping.markup(baseURL))feed.xml"/>
              <updated>\(newest)</updated>
              <author><name>\(Escaping.markup(site.config.author))</name></author>

            """
        for (question, date) in entries {
            let url = Escaping.markup(baseURL + question.path.path)
            xml += """
                  <entry>
                    <title>\(Escaping.markup(question.title))</title>
                    <id>\(url)</id>
                    <link rel="alternate" type="text/html" href="\(url)"/>
                    <updated>\(date.timestamp)</updated>
                    <summary>\(Escaping.markup(question.summary))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return OutputFile(path: PagePath("feed.xml"), text: xml, inputs: .everything)
    }
}
