/// Everything the pipeline needs from one Markdown document, copied out of cmark's memory.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML fragment.
    public var html: String
    /// Headings in document order, with the ids given to them.
    public var headings: [Heading]
    /// The visible text, whitespace collapsed: summaries, search, word counts.
    public var plainText: String
    /// Link and image destinations as written, with their source positions.
    public var links: [Link]
    /// The text of each paragraph with its first line, for duplicate detection.
    public var paragraphs: [Paragraph]

    public init(html: String, headings: [Heading], plainText: String, links: [Link], paragraphs: [Paragraph] = []) {
        self.html = html
        self.headings = headings
        self.plainText = plainText
        self.links = links
        self.paragraphs = paragraphs
    }

    /// A paragraph's visible text, whitespace collapsed.
    public struct Paragraph: Sendable, Equatable {
        public var text: String
        public var line: Int

        public init(text: String, line: Int) {
            self.text = text
            self.line = line
        }
    }

    /// A heading of the document.
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// The `id` attribute; empty when heading ids are off.
        public var id: String
        /// Line in the Markdown input, 1-based.
        public var line: Int

        public init(level: Int, text: String, id: String, line: Int) {
            self.level = level
            self.text = text
            self.id = id
            self.line = line
        }
    }

    /// A link or image destination.
    public struct Link: Sendable, Equatable {
        public var destination: String
        public var isImage: Bool
        /// Position of the link in the Markdown input, 1-based.
        public var line: Int
        public var column: Int

        public init(destination: String, isImage: Bool, line: Int, column: Int) {
            self.destination = destination
            self.isImage = isImage
            self.line = line
            self.column = column
        }
    }
}
