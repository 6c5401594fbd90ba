/// Every name a view answers to. A theme's names become keys once, when its templates are
/// compiled, so a lookup is a `switch` over small integers instead of string comparisons;
/// a name no view has becomes no key, and finds nothing, as it always did.
enum TemplateKey: String, CaseIterable, Sendable {
    case advanced, aliases, allTags, anki, ankiAll, answer, areas, article, badgeClass, beginner,
        browse, canonical, categories, category, categoryHref, chrome, count, current, deck, description,
        difficulties, difficulty, difficultyLabel, documentTitle, feed, followUps, guides, guidesCurrent,
        guidesHref, hasTOC, home, href, html, intermediate, interview, interviewCurrent, intro, kind,
        kindLabel, kinds, label, language, name, nested, next, offlineScript, pageKind, practice, practiceCurrent,
        previous, printStylesheet, questionCount, questions, recent, redFlags, related, rightToLeft, root, script,
        scriptStrings, search, searchCurrent, searchManifest, searchScripts, searchUI, siteDescription, siteTitle, slug,
        storageKey, studyScript, stylesheet, summary, tags, tagsCurrent, text, title, toc, total, updated,
        updatedLong, value
}
