/// CLDR's plural categories, as translation files name the forms of a count.
enum PluralCategory: String, CaseIterable, Sendable, Hashable {
    case zero, one, two, few, many, other
}

/// Which plural form a whole number takes in a language: CLDR's rules for integers, for the
/// languages they differ in. Browsers answer the same with `Intl.PluralRules`, which the theme's
/// scripts use, so a count reads alike on the page and in what the scripts write.
enum PluralRule: Sendable {
    /// `one` for 1 (English, German, Spanish, Italian, Dutch, Swedish, Urdu…).
    case oneForOne
    /// `one` for 0 and 1 (French, Portuguese, Persian, Hindi).
    case oneForZeroAndOne
    /// No forms at all (Chinese, Japanese, Korean, Thai, Vietnamese, Indonesian).
    case none
    /// `one` / `few` / `many` by the last digits (Russian, Ukrainian, Belarusian).
    case eastSlavic
    /// `one` for 1, `few` / `many` by the last digits (Polish).
    case polish
    /// `one`, `few` for 2–4, `other` (Czech, Slovak).
    case westSlavic
    /// `one`, `two`, `other` (Hebrew).
    case hebrew
    /// `zero`, `one`, `two`, `few`, `many`, `other` (Arabic).
    case arabic

    /// The rule of a language tag such as `fr` or `pt-BR`.
    init(language: String) {
        switch LanguageTag.primary(of: language) {
        case "fr", "pt", "fa", "hi", "bn", "gu", "kn", "zu", "am": self = .oneForZeroAndOne
        case "zh", "ja", "ko", "th", "vi", "id", "ms", "lo", "my", "km": self = .none
        case "ru", "uk", "be": self = .eastSlavic
        case "pl": self = .polish
        case "cs", "sk": self = .westSlavic
        case "he", "iw": self = .hebrew
        case "ar": self = .arabic
        default: self = .oneForOne
        }
    }

    func category(of count: Int) -> PluralCategory {
        let n = abs(count), last = n % 10, lastTwo = n % 100
        switch self {
        case .oneForOne: return n == 1 ? .one : .other
        case .oneForZeroAndOne: return n <= 1 ? .one : .other
        case .none: return .other
        case .eastSlavic:
            if last == 1 && lastTwo != 11 { return .one }
            if (2 ... 4).contains(last) && !(12 ... 14).contains(lastTwo) { return .few }
            return .many
        case .polish:
            if n == 1 { return .one }
            if (2 ... 4).contains(last) && !(12 ... 14).contains(lastTwo) { return .few }
            return .many
        case .westSlavic: return n == 1 ? .one : (2 ... 4).contains(n) ? .few : .other
        case .hebrew: return n == 1 ? .one : n == 2 ? .two : .other
        case .arabic:
            switch (n, lastTwo) {
            case (0, _): return .zero
            case (1, _): return .one
            case (2, _): return .two
            case (_, 3 ... 10): return .few
            case (_, 11 ... 99): return .many
            default: return .other
            }
        }
    }
}
