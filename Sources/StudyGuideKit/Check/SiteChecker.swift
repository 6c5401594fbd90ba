/// `studyguide check`: everything `build` validates, plus the lint rules, without writing.
public enum SiteChecker {
    static let rules: [any CheckRule] = [
        LinkRule(), AnswerLengthRule(), HeadingLevelRule(), RepeatedParagraphRule(), NearDuplicateRule(),
    ]

    /// Every finding of every stage and rule, sorted by location.
    public static func check(_ options: BuildOptions) -> [Diagnostic] {
        var report = BuildReport()
        let loaded = SiteBuilder.load(options, report: &report)
        // Template problems are build errors, so check reports them too.
        report.diagnostics += SiteBuilder.loadTheme(named: loaded?.config.theme ?? "default", language: loaded?.config.language ?? "en",
                                                       options: options).1
        guard let site = loaded else { return report.diagnostics.sorted() }
        let (bodies, unreadable) = BodyRenderer.render(site, paragraphs: true)
        let input = CheckInput(site: site, bodies: bodies)
        let findings = parallelMap(rules) { $0.check(input) }.flatMap { $0 }
        return (report.diagnostics + unreadable + findings).sorted()
    }
}
