internal import Foundation

/// What a template can show, test or iterate: the values of a page view, without `Any`.
///
/// Views answer by key with one of these, so a lookup is a `switch` on the key and never a
/// dynamic cast or a `Mirror`; that was most of the time of rendering pages with swift-mustache.
enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case list([TemplateValue])
    /// A list whose items are made as a section reaches them.
    case madeList(MadeList)
    case view(any TemplateView)
}

/// A list whose items are made one at a time, as a section reaches them, and let go after: a
/// listing of thousands of questions then holds one card at a time instead of all of them (at
/// 100,000 questions, a category page's cards were 5 MB while it rendered).
final class MadeList: Sendable {
    let count: Int
    private let item: @Sendable (Int) -> TemplateValue

    init(count: Int, item: @escaping @Sendable (Int) -> TemplateValue) {
        self.count = count
        self.item = item
    }

    subscript(index: Int) -> TemplateValue { item(index) }

    /// Every item, made now: for the transforms that reorder a list.
    var items: [TemplateValue] { (0 ..< count).map(item) }
}

/// A value with named children: `{{title}}`, `{{chrome.siteTitle}}`, `{{#questions}}`.
///
/// Class-bound, so a `TemplateValue` holds a view as a reference: copying one is a retain, where
/// an open existential was copied and destroyed through its type's value witnesses on every lookup.
protocol TemplateView: AnyObject, TemplateRepresentable, Sendable {
    /// The child called `key`; nil when the view has none (Mustache then looks further out).
    func value(_ key: TemplateKey) -> TemplateValue?
}

/// Anything a view can hand to a template.
protocol TemplateRepresentable {
    /// nil for a missing value (an optional that is nil).
    var templateValue: TemplateValue? { get }
}

extension TemplateView {
    var templateValue: TemplateValue? { .view(self) }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue? { .text(self) }
}

extension Bool: TemplateRepresentable {
    var templateValue: TemplateValue? { .flag(self) }
}

extension Int: TemplateRepresentable {
    var templateValue: TemplateValue? { .number(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    var templateValue: TemplateValue? { self?.templateValue ?? nil }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue? { .list(compactMap(\.templateValue)) }
}

/// The transforms a template may apply, as swift-mustache names them: `{{^empty(tags)}}`,
/// `{{count(questions)}}`, and inside a list `{{#first()}}`, `{{index()}}`.
enum TemplateTransform: String, Sendable {
    case empty, count, first, last, reversed, sorted
    case capitalized, lowercased, uppercased
    case equalzero, plusone, minusone, even, odd
    case index

    /// The transform applied to a value; nil when it does not apply to that kind of value.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch (self, value) {
        case (.empty, .text(let text)): return .flag(text.isEmpty)
        case (.capitalized, .text(let text)): return .text(text.capitalized)
        case (.lowercased, .text(let text)): return .text(text.lowercased())
        case (.uppercased, .text(let text)): return .text(text.uppercased())
        case (.reversed, .text(let text)): return .text(String(text.reversed()))
        case (.empty, .list(let items)): return .flag(items.isEmpty)
        case (.count, .list(let items)): return .number(items.count)
        case (.first, .list(let items)): return items.first
        case (.last, .list(let items)): return items.last
        case (.reversed, .list(let items)): return .list(items.reversed())
        case (.sorted, .list(let items)): return Self.sorted(items).map(TemplateValue.list)
        case (.empty, .madeList(let list)): return .flag(list.count == 0)
        case (.count, .madeList(let list)): return .number(list.count)
        case (.first, .madeList(let list)): return list.count > 0 ? list[0] : nil
        case (.last, .madeList(let list)): return list.count > 0 ? list[list.count - 1] : nil
        case (.reversed, .madeList(let list)): return .list(list.items.reversed())
        case (.sorted, .madeList(let list)): return Self.sorted(list.items).map(TemplateValue.list)
        case (.equalzero, .number(let number)): return .flag(number == 0)
        case (.plusone, .number(let number)): return .number(number + 1)
        case (.minusone, .number(let number)): return .number(number - 1)
        case (.even, .number(let number)): return .flag(number & 1 == 0)
        case (.odd, .number(let number)): return .flag(number & 1 == 1)
        default: return nil
        }
    }

    /// The transform applied to the position inside a list (`{{#first()}}`).
    func apply(to position: ListPosition) -> TemplateValue? {
        switch self {
        case .first: return .flag(position.first)
        case .last: return .flag(position.last)
        case .index: return .number(position.index)
        case .even: return .flag(position.index & 1 == 0)
        case .odd: return .flag(position.index & 1 == 1)
        default: return nil
        }
    }

    /// Lists of texts or of numbers sort; other lists have no order.
    private static func sorted(_ items: [TemplateValue]) -> [TemplateValue]? {
        var texts: [String] = [], numbers: [Int] = []
        for item in items {
            switch item {
            case .text(let text): texts.append(text)
            case .number(let number): numbers.append(number)
            default: return nil
            }
        }
        if numbers.isEmpty { return texts.sorted().map(TemplateValue.text) }
        if texts.isEmpty { return numbers.sorted().map(TemplateValue.number) }
        return nil
    }
}

/// Where the current item sits in the list a section iterates.
struct ListPosition: Sendable {
    var first: Bool
    var last: Bool
    var index: Int
}
