/// A theme's parsed templates by name; renders a view with one of them into UTF-8 bytes.
struct TemplateLibrary: Sendable {
    let templates: [String: Template]

    func render(_ view: any TemplateView, template name: String) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(templates: templates)
        renderer.stack = [.view(view)]
        renderer.render(template.nodes, TemplateRenderer.Context())
        return renderer.out
    }
}

/// One rendering: the output buffer and the stack of values that names are looked up in,
/// innermost last. Sections push and pop in place instead of copying a context per value.
struct TemplateRenderer {
    /// What a stretch of template renders with besides the stack (swift-mustache's context).
    struct Context {
        /// The current item's place in the list being iterated, for `{{#first()}}`.
        var position: ListPosition?
        /// Written at the start of each line a standalone partial or block renders.
        var indentation: [UInt8]?
        /// Block overrides from `{{< parent}}`; the first definition of a block wins.
        var blocks: [String: [Template.Node]]?

        func entering(indentation more: [UInt8]?, blocks overrides: [String: [Template.Node]]?) -> Context {
            var inner = Context(position: nil, indentation: indentation, blocks: blocks)
            if let more { inner.indentation = (indentation ?? []) + more }
            if let overrides {
                inner.blocks = blocks.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            return inner
        }
    }

    let templates: [String: Template]
    var out: [UInt8] = []
    var stack: [TemplateValue] = []

    init(templates: [String: Template]) {
        self.templates = templates
        out.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [Template.Node], _ context: Context) {
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, context) }
            return
        }
        // A node that starts a new line of this stretch's output, and writes something, is indented.
        let start = out.count
        for node in nodes {
            let before = out.count
            let atLineStart = before > start && out[before - 1] == 0x0A && !(before - 2 >= start && out[before - 2] == 0x0D)
            render(node, context)
            if atLineStart && out.count > before { out.insert(contentsOf: indentation, at: before) }
        }
    }

    private mutating func render(_ node: Template.Node, _ context: Context) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            switch lookup(name, context) {
            case .text(let text)?:
                if escaped { Escaping.appendMarkup(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .number(let number)?: out.appendDecimal(number)
            case .flag(let flag)?: out.appendASCII(flag ? "true" : "false")
            case .list?, .view?, nil: break
            }

        case .section(let name, let inverted, let children):
            let value = lookup(name, context)
            if inverted { renderInverted(value, children, context) } else { renderSection(value, children, context) }

        case .partial(let name, let dynamic, let indentation, let blocks):
            var partial = name
            if dynamic {
                guard case .text(let named)? = lookup(Template.Name(name), context) else { return }
                partial = named
            }
            guard let template = templates[partial] else { return }
            render(template.nodes, context.entering(indentation: indentation, blocks: blocks))

        case .block(let name, let children, let indentation):
            render(context.blocks?[name] ?? children, context.entering(indentation: indentation, blocks: nil))

        case .blockDefinition:
            break  // collected into its parent's blocks by the parser
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ children: [Template.Node], _ context: Context) {
        switch value {
        case .list(let items)?:
            var inner = context
            for (index, item) in items.enumerated() {
                inner.position = ListPosition(first: index == 0, last: index == items.count - 1, index: index)
                stack.append(item)
                render(children, inner)
                stack.removeLast()
            }
        case .flag(let flag)?:
            if flag { render(children, context) }
        case let value?:
            var inner = context
            inner.position = nil
            stack.append(value)
            render(children, inner)
            stack.removeLast()
        case nil:
            break
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ children: [Template.Node], _ context: Context) {
        switch value {
        case .list(let items)?:
            guard items.isEmpty else { return }
            var inner = context
            inner.position = nil
            stack.append(.list([]))
            render(children, inner)
            stack.removeLast()
        case .flag(let flag)?:
            if !flag { render(children, context) }
        case .some:
            break
        case nil:
            render(children, context)
        }
    }

    /// Finds a name as Mustache does: its first part in the innermost value that has it, the other
    /// parts inside that; then the transforms.
    private func lookup(_ name: Template.Name, _ context: Context) -> TemplateValue? {
        var transforms = name.transforms[...]
        var value: TemplateValue?
        if name.isCurrent {
            value = stack.last
        } else if name.parts.isEmpty, let first = transforms.first {
            guard let position = context.position else { return nil }
            value = first.apply(to: position)
            transforms = transforms.dropFirst()
        } else if name.parts.isEmpty {
            value = stack.last
        } else if name.isAnchored {
            value = stack.last.flatMap { child(name.parts[...], of: $0) }
        } else {
            value = nil
            for candidate in stack.reversed() {
                guard case .view(let view) = candidate, let found = view.value(name.parts[0]) else { continue }
                value = child(name.parts.dropFirst(), of: found)
                break
            }
        }
        for transform in transforms {
            guard let current = value else { return nil }
            value = transform.apply(to: current)
        }
        return value
    }

    private func child(_ parts: ArraySlice<String>, of value: TemplateValue) -> TemplateValue? {
        var current = value
        for part in parts {
            guard case .view(let view) = current, let next = view.value(part) else { return nil }
            current = next
        }
        return current
    }
}
