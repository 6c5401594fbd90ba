internal import Dispatch

/// Maps over a collection on every core, keeping the order of the input.
func parallelMap<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let results = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.store(transform(items[index]), at: index)
    }
    return results.values
}

/// Each slot is written by exactly one iteration and read after all have finished, which
/// `concurrentPerform` guarantees; that is why the unchecked Sendable is sound. The slots live
/// in memory allocated once: writing through an Array property from several threads would be
/// a Swift exclusivity race (ThreadSanitizer caught the first version doing that).
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    var values: [Value] { slots.map { $0! } }
}
