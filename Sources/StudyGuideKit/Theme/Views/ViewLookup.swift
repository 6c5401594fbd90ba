internal import Mustache

// Mustache finds a value by name through `Mirror` unless the object answers itself. Every page
// looks up the shared chrome and lists of links and cards hundreds of times, and a Mirror is
// built for each lookup, so the views rendered most often answer directly (it halved page time).

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": return siteTitle
        case "siteDescription": return siteDescription
        case "language": return language
        case "documentTitle": return documentTitle
        case "description": return description
        case "canonical": return canonical
        case "feed": return feed
        case "pageKind": return pageKind
        case "home": return home
        case "search": return search
        case "tags": return tags
        case "guides": return guides
        case "stylesheet": return stylesheet
        case "printStylesheet": return printStylesheet
        case "script": return script
        case "root": return root
        case "searchScripts": return searchScripts
        case "searchManifest": return searchManifest
        case "searchUI": return searchUI
        case "practice": return practice
        case "interview": return interview
        case "studyScript": return studyScript
        case "storageKey": return storageKey
        case "practiceCurrent": return practiceCurrent
        case "interviewCurrent": return interviewCurrent
        case "categories": return categories
        case "guidesCurrent": return guidesCurrent
        case "tagsCurrent": return tagsCurrent
        case "searchCurrent": return searchCurrent
        default: return nil
        }
    }
}

extension PageChrome.NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "current": return current
        default: return nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        default: return nil
        }
    }
}

extension QuestionCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "summary": return summary
        case "difficulty": return difficulty
        case "difficultyLabel": return difficultyLabel
        case "kind": return kind
        case "kindLabel": return kindLabel
        case "category": return category
        case "categoryHref": return categoryHref
        case "updated": return updated
        case "updatedLong": return updatedLong
        default: return nil
        }
    }
}

extension QuestionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": return chrome
        case "title": return title
        case "slug": return slug
        case "summary": return summary
        case "difficulty": return difficulty
        case "difficultyLabel": return difficultyLabel
        case "kind": return kind
        case "kindLabel": return kindLabel
        case "category": return category
        case "home": return home
        case "tags": return tags
        case "aliases": return aliases
        case "answer": return answer
        case "followUps": return followUps
        case "areas": return areas
        case "redFlags": return redFlags
        case "related": return related
        case "previous": return previous
        case "next": return next
        case "updated": return updated
        case "updatedLong": return updatedLong
        default: return nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "html": return html
        case "toc": return toc
        case "hasTOC": return hasTOC
        default: return nil
        }
    }
}

extension ArticleView.TOCEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "href": return href
        case "nested": return nested
        default: return nil
        }
    }
}

extension RelatedView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "label": return label
        case "badgeClass": return badgeClass
        default: return nil
        }
    }
}

// The page views below hold the lists above. A name a card lacks (an optional `updated` that
// is nil, say) makes Mustache look further up the stack, into the page view, so they answer
// directly too.

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": return chrome
        case "title": return title
        case "intro": return intro
        case "categories": return categories
        case "guides": return guides
        case "recent": return recent
        case "questionCount": return questionCount
        default: return nil
        }
    }
}

extension HomeView.CategorySummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "slug": return slug
        case "title": return title
        case "href": return href
        case "description": return description
        case "total": return total
        case "beginner": return beginner
        case "intermediate": return intermediate
        case "advanced": return advanced
        default: return nil
        }
    }
}

extension GuideLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "summary": return summary
        default: return nil
        }
    }
}

extension CategoryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": return chrome
        case "slug": return slug
        case "title": return title
        case "description": return description
        case "intro": return intro
        case "questions": return questions
        case "count": return count
        case "home": return home
        default: return nil
        }
    }
}

extension TagView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": return chrome
        case "name": return self.name
        case "questions": return questions
        case "count": return count
        case "allTags": return allTags
        default: return nil
        }
    }
}

extension TagsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": return chrome
        case "tags": return tags
        default: return nil
        }
    }
}

extension TagsView.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "href": return href
        case "count": return count
        default: return nil
        }
    }
}

extension GuideView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": return chrome
        case "title": return title
        case "summary": return summary
        case "article": return article
        case "guidesHref": return guidesHref
        case "updated": return updated
        case "updatedLong": return updatedLong
        default: return nil
        }
    }
}

extension GuidesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": return chrome
        case "title": return title
        case "intro": return intro
        case "guides": return guides
        default: return nil
        }
    }
}
