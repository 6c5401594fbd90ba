internal import Mustache

/// HTML escaping for every `{{value}}` of a theme, on UTF-8 bytes. swift-mustache's own HTML
/// content type looks up each `Character` in a dictionary, which hashed every character of
/// every title and made escaping the largest single cost of rendering pages. The output is
/// the same for text (the same five characters are escaped), and it also escapes a quote
/// that a combining mark follows, which the character-based escaper let through.
struct HTMLEscapingContentType: MustacheContentType {
    static let name = "STUDYGUIDE_HTML"

    /// The pragma that selects this content type; `Theme` puts it on a line of its own above
    /// each template, where Mustache removes the line, so the rendered output is unchanged.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the type with Mustache once, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscapingContentType(), named: name)

    func escapeText(_ text: String) -> String {
        Escaping.markup(text)
    }
}
