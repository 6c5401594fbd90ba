/// A parsed Mustache template: text and tags as a tree, ready to render many times.
///
/// Themes keep Mustache syntax, and a template renders exactly as swift-mustache rendered it
/// (the same standalone-line and indentation rules, the same transforms), but into UTF-8 bytes,
/// with names split once at parse time and views that answer without casts.
struct Template: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, [Node])
        /// `{{> name}}` (`dynamic`: `{{>*name}}` names a value holding the partial's name) and
        /// `{{< name}}…{{/name}}`, which also overrides the partial's blocks.
        case partial(String, dynamic: Bool, indentation: [UInt8]?, blocks: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` in a template others extend.
        case block(String, [Node], indentation: [UInt8])
        /// `{{$name}}…{{/name}}` inside `{{< parent}}`: only collected into the parent's blocks.
        case blockDefinition(String, [Node])
        /// `{{i18n.key}}`, `{{{i18n.key}}}` (its text may hold markup), or `{{i18n.key(name)}}` with
        /// the count `name` holds: replaced by the theme's words when the theme loads (`translated`).
        case translation(String, count: Name?, escaped: Bool)
        /// A translation with a count, once the theme's words are known.
        case counted(Name, CountedText)
    }

    /// A name as a tag writes it: `title`, `chrome.siteTitle`, `.`, `.title`, `empty(tags)`, `first()`.
    struct Name: Sendable, Equatable {
        /// The dotted parts; empty for `.` or for a transform of the list position.
        var parts: [String]
        /// `.` itself.
        var isCurrent: Bool
        /// A leading dot: look only at the current value, not further out.
        var isAnchored: Bool
        /// Applied innermost first, as written: `a(b(c))` applies `b`, then `a`.
        var transforms: [TemplateTransform]

        /// The name written `text` in a tag (without its transforms).
        init(_ text: String, transforms: [TemplateTransform] = []) {
            parts = text.split(separator: ".").map(String.init)
            isCurrent = text == "."
            isAnchored = text.first == "." && text != "."
            self.transforms = transforms
        }
    }

    let nodes: [Node]

    /// Partials this template names, for checking that they exist.
    var partialNames: [String] { partials.names }

    /// Whether a partial is named by a value (`{{>*name}}`): any template may then be rendered.
    var usesDynamicPartials: Bool { partials.dynamic }

    private var partials: (names: [String], dynamic: Bool) {
        var names: [String] = []
        var dynamicPartial = false
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, let dynamic, _, let blocks):
                    if dynamic { dynamicPartial = true } else { names.append(name) }
                    blocks?.values.forEach(visit)
                case .section(_, _, let children), .block(_, let children, _), .blockDefinition(_, let children): visit(children)
                case .text, .variable, .translation, .counted: break
                }
            }
        }
        visit(nodes)
        return (names, dynamicPartial)
    }
}

/// A template that cannot be parsed, with where.
struct TemplateError: Error, Sendable {
    let line: Int
    let column: Int
    let message: String
}
