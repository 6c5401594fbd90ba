/// What one output of a build was made from, so that an incremental rebuild can tell which outputs
/// an edit touches and redo only those. `site.yml` is an input of every output and is not listed.
///
/// An input is whatever the output shows something of: a question page lists its own file, its
/// neighbours' and related questions' files (it shows their titles) and its category's; a listing
/// lists the questions it shows. Outputs that depend on every question (the search index, the
/// feeds, the home page's counts) say so with `allContent` rather than naming thousands of files.
struct OutputInputs: Sendable, Equatable {
    /// Content files, as paths under `content/`: sorted, each once.
    private(set) var content: [String]
    /// Made from every content file.
    private(set) var allContent: Bool
    /// Shows the site's navigation, which holds every category's title (their `_index.md`).
    private(set) var navigation: Bool
    /// Templates rendered, by name, with the partials they pull in: sorted.
    private(set) var templates: [String]
    /// The file copied, for a static file: a theme asset or an image beside a page.
    private(set) var copiedFrom: String?

    init(content: some Sequence<String> = [], allContent: Bool = false, navigation: Bool = false,
         templates: [String] = [], copiedFrom: String? = nil) {
        self.content = Array(Set(content)).sorted()
        self.allContent = allContent
        self.navigation = navigation
        self.templates = templates
        self.copiedFrom = copiedFrom
    }

    /// Made from every content file.
    static let everything = OutputInputs(allContent: true)

    /// Both sets of inputs: a file written in parts (an Anki deck) was made from all of them.
    func merging(_ other: OutputInputs) -> OutputInputs {
        OutputInputs(content: content + other.content, allContent: allContent || other.allContent,
                     navigation: navigation || other.navigation, templates: Array(Set(templates + other.templates)).sorted(),
                     copiedFrom: copiedFrom ?? other.copiedFrom)
    }
}
