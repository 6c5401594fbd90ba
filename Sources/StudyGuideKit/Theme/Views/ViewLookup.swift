// Templates find a value by name: each view answers with a `switch` on the name's key, so a lookup
// never casts or reflects. A name a view lacks (or an optional that is nil) makes the template
// look further out, into the enclosing views.

extension PageChrome: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .siteTitle: return siteTitle.templateValue
        case .siteDescription: return siteDescription.templateValue
        case .language: return language.templateValue
        case .rightToLeft: return rightToLeft.templateValue
        case .scriptStrings: return scriptStrings.templateValue
        case .documentTitle: return documentTitle.templateValue
        case .description: return description.templateValue
        case .canonical: return canonical.templateValue
        case .feed: return links.feed.templateValue
        case .pageKind: return pageKind.templateValue
        case .home: return links.home.templateValue
        case .search: return links.search.templateValue
        case .tags: return links.tags.templateValue
        case .guides: return links.guides.templateValue
        case .stylesheet: return links.stylesheet.templateValue
        case .printStylesheet: return links.printStylesheet.templateValue
        case .script: return links.script.templateValue
        case .root: return links.root.templateValue
        case .searchScripts: return links.searchScripts.templateValue
        case .searchManifest: return links.searchManifest.templateValue
        case .searchUI: return links.searchUI.templateValue
        case .practice: return links.practice.templateValue
        case .interview: return links.interview.templateValue
        case .studyScript: return links.studyScript.templateValue
        case .offlineScript: return links.offlineScript.templateValue
        case .storageKey: return links.storageKey.templateValue
        case .practiceCurrent: return practiceCurrent.templateValue
        case .interviewCurrent: return interviewCurrent.templateValue
        case .categories: return categories.templateValue
        case .guidesCurrent: return guidesCurrent.templateValue
        case .tagsCurrent: return tagsCurrent.templateValue
        case .searchCurrent: return searchCurrent.templateValue
        default: return nil
        }
    }
}

extension PageChrome.NavLink: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .title: return title.templateValue
        case .href: return href.templateValue
        case .current: return current.templateValue
        default: return nil
        }
    }
}

extension LinkView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .title: return title.templateValue
        case .href: return href.templateValue
        default: return nil
        }
    }
}

extension QuestionCard: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .title: return title.templateValue
        case .href: return href.templateValue
        case .summary: return summary.templateValue
        case .difficulty: return difficulty.templateValue
        case .difficultyLabel: return difficultyLabel.templateValue
        case .kind: return kind.templateValue
        case .kindLabel: return kindLabel.templateValue
        case .category: return category.templateValue
        case .categoryHref: return categoryHref.templateValue
        case .updated: return updated.templateValue
        case .updatedLong: return updatedLong.templateValue
        default: return nil
        }
    }
}

extension QuestionView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .title: return title.templateValue
        case .slug: return slug.templateValue
        case .summary: return summary.templateValue
        case .difficulty: return difficulty.templateValue
        case .difficultyLabel: return difficultyLabel.templateValue
        case .kind: return kind.templateValue
        case .kindLabel: return kindLabel.templateValue
        case .category: return category.templateValue
        case .home: return home.templateValue
        case .tags: return tags.templateValue
        case .aliases: return aliases.templateValue
        case .answer: return answer.templateValue
        case .followUps: return followUps.templateValue
        case .areas: return areas.templateValue
        case .redFlags: return redFlags.templateValue
        case .related: return related.templateValue
        case .previous: return previous.templateValue
        case .next: return next.templateValue
        case .updated: return updated.templateValue
        case .updatedLong: return updatedLong.templateValue
        default: return nil
        }
    }
}

extension ArticleView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .html: return html.templateValue
        case .toc: return toc.templateValue
        case .hasTOC: return hasTOC.templateValue
        default: return nil
        }
    }
}

extension ArticleView.TOCEntry: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .text: return text.templateValue
        case .href: return href.templateValue
        case .nested: return nested.templateValue
        default: return nil
        }
    }
}

extension RelatedView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .title: return title.templateValue
        case .href: return href.templateValue
        case .label: return label.templateValue
        case .badgeClass: return badgeClass.templateValue
        default: return nil
        }
    }
}

// The page views below hold the lists above. A name a card lacks (an optional `updated` that
// is nil, say) makes Mustache look further up the stack, into the page view, so they answer
// directly too.

extension HomeView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .title: return title.templateValue
        case .intro: return intro.templateValue
        case .categories: return categories.templateValue
        case .guides: return guides.templateValue
        case .recent: return recent.templateValue
        case .questionCount: return questionCount.templateValue
        default: return nil
        }
    }
}

extension HomeView.CategorySummary: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .slug: return slug.templateValue
        case .title: return title.templateValue
        case .href: return href.templateValue
        case .description: return description.templateValue
        case .total: return total.templateValue
        case .beginner: return beginner.templateValue
        case .intermediate: return intermediate.templateValue
        case .advanced: return advanced.templateValue
        default: return nil
        }
    }
}

extension GuideLink: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .title: return title.templateValue
        case .href: return href.templateValue
        case .summary: return summary.templateValue
        default: return nil
        }
    }
}

extension CategoryView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .slug: return slug.templateValue
        case .title: return title.templateValue
        case .description: return description.templateValue
        case .intro: return intro.templateValue
        case .questions: return questions.templateValue
        case .count: return count.templateValue
        case .home: return home.templateValue
        default: return nil
        }
    }
}

extension TagView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .name: return self.name.templateValue
        case .questions: return questions.templateValue
        case .count: return count.templateValue
        case .allTags: return allTags.templateValue
        default: return nil
        }
    }
}

extension TagsView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .tags: return tags.templateValue
        default: return nil
        }
    }
}

extension TagsView.Entry: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: return self.name.templateValue
        case .href: return href.templateValue
        case .count: return count.templateValue
        default: return nil
        }
    }
}

extension GuideView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .title: return title.templateValue
        case .summary: return summary.templateValue
        case .article: return article.templateValue
        case .guidesHref: return guidesHref.templateValue
        case .updated: return updated.templateValue
        case .updatedLong: return updatedLong.templateValue
        default: return nil
        }
    }
}

extension GuidesView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .title: return title.templateValue
        case .intro: return intro.templateValue
        case .guides: return guides.templateValue
        default: return nil
        }
    }
}

extension SimpleView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .categories: return categories.templateValue
        default: return nil
        }
    }
}

extension SearchView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .categories: return categories.templateValue
        case .difficulties: return difficulties.templateValue
        case .kinds: return kinds.templateValue
        case .tags: return tags.templateValue
        case .browse: return browse.templateValue
        default: return nil
        }
    }
}

extension SearchView.Option: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .value: return value.templateValue
        case .label: return label.templateValue
        default: return nil
        }
    }
}

extension StudyView: TemplateView {
    func value(_ key: TemplateKey) -> TemplateValue? {
        switch key {
        case .chrome: return chrome.templateValue
        case .browse: return browse.templateValue
        case .deck: return deck.templateValue
        case .ankiAll: return ankiAll.templateValue
        case .anki: return anki.templateValue
        default: return nil
        }
    }
}
