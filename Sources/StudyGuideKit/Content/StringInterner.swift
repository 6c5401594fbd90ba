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
}
