internal import Foundation

/// One copy of each distinct string a build keeps many times: a tag is named by thousands of
/// questions and a slug by every question that relates to it, and each parse makes its own copy
/// (a heap allocation for any string over 15 bytes). Parsing workers intern at once, hence the lock.
final class StringInterner: @unchecked Sendable {
    private let lock = NSLock()
    private var strings: Set<String> = []

    func intern(_ string: String) -> String {
        // Short strings live inside the value: nothing to share.
        guard string.utf8.count > 15 else { return string }
        return lock.withLock { strings.insert(string).memberAfterInsert }
    }

    /// Each of `list` interned, under one lock: a worker decoding a question's dozen strings
    /// takes it once, not a dozen times while the other worker waits on it.
    func intern(_ list: inout [String]) {
        lock.withLock {
            for index in list.indices where list[index].utf8.count > 15 {
                list[index] = strings.insert(list[index]).memberAfterInsert
            }
        }
    }
}
