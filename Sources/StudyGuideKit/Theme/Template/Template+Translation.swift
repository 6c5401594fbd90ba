/// Theme words are put into templates once, when the theme loads: a `{{i18n.key}}` becomes the
/// text itself, already escaped, so pages pay nothing for them; only counts are left to render.
extension Template {
    /// The translation keys the template names.
    var translationKeys: Set<String> {
        var keys: Set<String> = []
        visitTranslations(nodes) { key, _, _ in keys.insert(key) }
        return keys
    }

    /// The template with every translation replaced by the words of `strings`, and the keys it
    /// names that no table defines.
    func translated(_ strings: ThemeStrings) -> (Template, missing: [String]) {
        var missing: [String] = []
        func translate(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                switch node {
                case .translation(let key, let count, let escaped):
                    guard let entry = strings.entries[key] else {
                        missing.append(key)
                        return .text([])
                    }
                    guard let count else { return .text(Self.bytes(entry.plainText, escaped: escaped)) }
                    return .counted(count, CountedText(entry, rule: strings.pluralRule, escaped: escaped))
                case .section(let name, let inverted, let children): return .section(name, inverted: inverted, translate(children))
                case .partial(let name, let dynamic, let indentation, let blocks):
                    return .partial(name, dynamic: dynamic, indentation: indentation, blocks: blocks?.mapValues(translate))
                case .block(let name, let children, let indentation): return .block(name, translate(children), indentation: indentation)
                case .blockDefinition(let name, let children): return .blockDefinition(name, translate(children))
                case .text, .variable, .counted: return node
                }
            }
        }
        return (Template(nodes: translate(nodes)), missing)
    }

    private func visitTranslations(_ nodes: [Node], _ visit: (String, Name?, Bool) -> Void) {
        for node in nodes {
            switch node {
            case .translation(let key, let count, let escaped): visit(key, count, escaped)
            case .section(_, _, let children), .block(_, let children, _), .blockDefinition(_, let children):
                visitTranslations(children, visit)
            case .partial(_, _, _, let blocks): blocks?.values.forEach { visitTranslations($0, visit) }
            case .text, .variable, .counted: break
            }
        }
    }

    fileprivate static func bytes(_ text: String, escaped: Bool) -> [UInt8] {
        var out: [UInt8] = []
        if escaped { Escaping.appendMarkup(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        return out
    }
}

/// A counted text ready to render: each plural form as the bytes around its `{count}`s.
struct CountedText: Sendable {
    let rule: PluralRule
    let forms: [PluralCategory: [[UInt8]]]

    init(_ translation: Translation, rule: PluralRule, escaped: Bool) {
        self.rule = rule
        let texts: [PluralCategory: String] = switch translation {
        case .text(let text): [.other: text]
        case .plural(let forms): forms
        }
        forms = texts.mapValues { form in
            form.split(separator: "{count}", omittingEmptySubsequences: false).map { Template.bytes(String($0), escaped: escaped) }
        }
    }

    /// The form `count` takes, with the number written between its pieces.
    func write(_ count: Int, to out: inout TemplateOutput) {
        guard let pieces = forms[rule.category(of: count)] ?? forms[.other] else { return }
        for (index, piece) in pieces.enumerated() {
            if index > 0 { out.appendDecimal(count) }
            piece.withUnsafeBufferPointer { out.append($0) }
        }
    }
}
