// Covers: helpers that write and read packed search counts as numbers, for the tests that check them.
@testable import StudyGuideKit

// Entries of packed counts written and read as six numbers: how tests make batches by hand and
// check what counting packed (a build only ever copies entries whole, or skips over them).
extension FieldCounts {
    /// Reads the entry at `entry` into `counts` (`fieldCount` of them, zero for a field without
    /// the term); returns its length.
    static func read(at entry: UnsafePointer<UInt8>, into counts: UnsafeMutablePointer<Int32>) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { wide in
            let (_, length) = read(at: entry, into: wide)
            for field in 0 ..< fieldCount { counts[field] = Int32(truncatingIfNeeded: wide[field]) }
            return length
        }
    }
}

extension CountedBatch {
    /// Appends the counts of the next entry of `documentTerms`, one per field.
    mutating func appendCounts(_ counts: [Int32]) {
        precondition(counts.count == FieldCounts.fieldCount, "a count per field")
        var counts = counts
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FieldCounts.longest) { scratch in
            let end = counts.withUnsafeMutableBufferPointer { FieldCounts.write($0.baseAddress!, at: scratch.baseAddress!) }
            fieldCounts.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<(end - scratch.baseAddress!)]))
        }
    }

    /// Calls `body` with the counts of every entry of `documentTerms` in order, one per field.
    func forEachEntryCounts(_ body: ([Int32]) -> Void) {
        var counts = [Int32](repeating: 0, count: FieldCounts.fieldCount)
        var at = 0
        for _ in documentTerms.indices {
            at += readCounts(at: at, into: &counts)
            body(counts)
        }
    }

    /// Reads the counts of the entry at `offset` of `fieldCounts` into `counts` (one per field);
    /// returns the entry's length.
    func readCounts(at offset: Int, into counts: inout [Int32]) -> Int {
        precondition(counts.count == FieldCounts.fieldCount && offset < fieldCounts.count, "an entry's counts, one per field")
        return fieldCounts.withUnsafeBufferPointer { bytes in
            counts.withUnsafeMutableBufferPointer { FieldCounts.read(at: bytes.baseAddress! + offset, into: $0.baseAddress!) }
        }
    }
}
