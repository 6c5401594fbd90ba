/// One entry of a translation table: a text, or a text per plural form (`one: "{count} question"`,
/// `other: "{count} questions"`), as Hugo's i18n files write them.
enum Translation: Sendable, Equatable {
    case text(String)
    case plural([PluralCategory: String])

    /// The text for `count`: its plural form (or `other`, when the table has no such form),
    /// with `{count}` replaced by the number.
    func text(count: Int, rule: PluralRule) -> String {
        switch self {
        case .text(let text):
            return text.replacingPlaceholder("count", with: String(count))
        case .plural(let forms):
            let form = forms[rule.category(of: count)] ?? forms[.other] ?? ""
            return form.replacingPlaceholder("count", with: String(count))
        }
    }

    /// The text where no count is given: a plural entry's `other` form.
    var plainText: String {
        switch self {
        case .text(let text): return text
        case .plural(let forms): return forms[.other] ?? ""
        }
    }
}

extension String {
    /// `{name}` replaced by `value`: the one placeholder syntax of translation texts.
    func replacingPlaceholder(_ name: String, with value: String) -> String {
        let placeholder = "{" + name + "}"
        guard contains(placeholder) else { return self }
        return replacing(placeholder, with: value)
    }
}
