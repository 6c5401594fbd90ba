/// Postings as the index writes them: for each term, a JSON array of (document gap, score) pairs,
/// sized first (buckets are cut by size) and then written.
extension SearchIndexBuilder {
    /// The postings of the term at `position` of the sorted vocabulary, as a JSON array of
    /// (document gap, score) pairs.
    static func encodePostings(at position: Int, in postings: Postings, to bytes: inout [UInt8]) {
        let range = postings.range(at: position)
        // Written through a pointer into room for the longest pairs, then appended at once: a
        // million postings appended byte by byte cost a capacity check per byte.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 + 24 * range.count) { scratch in
            let start = scratch.baseAddress!
            var at = start
            at.pointee = UInt8(ascii: "[")
            at += 1
            DecimalDigits.table.withUnsafeBufferPointer { digits in
                postings.documents.withUnsafeBufferPointer { documents in
                    postings.scores.withUnsafeBufferPointer { scores in
                        var previous: Int32 = 0
                        for index in range {
                            if index > range.lowerBound {
                                at.pointee = UInt8(ascii: ",")
                                at += 1
                            }
                            at = DecimalDigits.write(Int(documents[index] &- previous), at: at, digits: digits)
                            at.pointee = UInt8(ascii: ",")
                            at = DecimalDigits.write(Int(scores[index]), at: at + 1, digits: digits)
                            previous = documents[index]
                        }
                    }
                }
            }
            at.pointee = UInt8(ascii: "]")
            at += 1
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: at - start))
        }
    }

    /// How many bytes `encodePostings` writes for the term at `position`.
    static func encodedSize(of position: Int, in postings: Postings) -> Int {
        let range = postings.range(at: position)
        // Brackets, and a comma inside each pair and between pairs.
        var size = 2 + max(0, 2 * range.count - 1)
        DecimalDigits.table.withUnsafeBufferPointer { digits in
            postings.documents.withUnsafeBufferPointer { documents in
                postings.scores.withUnsafeBufferPointer { scores in
                    var previous: Int32 = 0
                    for at in range {
                        size &+= DecimalDigits.length(of: Int(documents[at] &- previous), digits: digits)
                            &+ DecimalDigits.length(of: Int(scores[at]), digits: digits)
                        previous = documents[at]
                    }
                }
            }
        }
        return size
    }
}

/// The postings files: one per bucket of terms sharing a prefix, fingerprinted by what their
/// terms' postings hold, so a build with a cache links those that did not change.
extension SearchIndexBuilder {
    private static let postingsHead = Array("StudyGuideSearch.registerPostings(\"".utf8)
    private static let postingsOpen = Array("\",{".utf8)
    private static let postingsTail = Array("});\n".utf8)

    static func postingsPath(of bucket: Bucket) -> PagePath {
        PagePath("search/post-" + SearchShards.bucketFile(bucket.prefix) + ".js")
    }

    /// The file of `bucket`, whose positions are places in `sorted`, as in `postings`.
    static func postingsFile(_ bucket: Bucket, terms: TermTable, sorted: some RandomAccessCollection<Int32>,
                             postings: Postings) -> OutputFile {
        var out: [UInt8] = []
        out += postingsHead
        out.append(contentsOf: bucket.prefix)
        out += postingsOpen
        for position in bucket.positions {
            if position > bucket.positions.lowerBound { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: terms.bytes(sorted[sorted.index(sorted.startIndex, offsetBy: position)]))
            out.appendASCII("\":")
            encodePostings(at: position, in: postings, to: &out)
        }
        out += postingsTail
        return OutputFile(path: postingsPath(of: bucket), bytes: out)
    }

    /// What a postings file is made from: its prefix, and each of its terms' record hash (the
    /// term and its postings), with this program and `site.yml` (`basis`). `hashes` by position.
    static func fingerprint(of bucket: Bucket, hashes: [UInt64], basis: BodyCache.Key) -> OutputLedger.Fingerprint {
        var hash = StableHash()
        var bytes = Array("search postings 1".utf8)
        bytes.appendFixed(basis.high)
        bytes.appendFixed(basis.low)
        bytes.appendVarint(bucket.prefix.count)
        bytes += bucket.prefix
        for position in bucket.positions { bytes.appendFixed(hashes[position]) }
        hash.add(bytes)
        return hash.key
    }

    /// The postings of the term at `position` as the store keeps them: for each, the document's
    /// gap from the one before as a varint, then its score.
    static func storeRecord(of position: Int, in postings: Postings) -> [UInt8] {
        let range = postings.range(at: position)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        var previous: Int32 = 0
        for index in range {
            bytes.appendVarint(Int(postings.documents[index] - previous))
            bytes.append(postings.scores[index])
            previous = postings.documents[index]
        }
        return bytes
    }
}

/// Numbers that are not negative, in decimal. Scores are below 256 and most document gaps below
/// 1000: their digits come from a table, without a division per digit.
enum DecimalDigits {
    /// The digits of each number below 1000 as the bytes of a little-endian `UInt32`, with their
    /// count in the top byte.
    static let table: [UInt32] = (0 ..< 1000).map { value in
        let text = Array(String(value).utf8)
        return text.enumerated().reduce(UInt32(text.count) << 24) { $0 | UInt32($1.element) << (8 * $1.offset) }
    }

    /// How many digits `value` has, for a caller without the table at hand.
    static func length(of value: Int) -> Int {
        table.withUnsafeBufferPointer { length(of: value, digits: $0) }
    }

    @inline(__always)
    static func length(of value: Int, digits: UnsafeBufferPointer<UInt32>) -> Int {
        if value < 1000 { return Int(digits[value] &>> 24) }
        var length = 4, rest = value / 10_000
        while rest > 0 {
            rest /= 10
            length += 1
        }
        return length
    }

    /// Writes `value` at `at` and returns where the next byte goes; the four bytes from `at` on
    /// are written even for a shorter number (the next number or bracket overwrites them).
    @inline(__always)
    static func write(_ value: Int, at: UnsafeMutablePointer<UInt8>, digits: UnsafeBufferPointer<UInt32>) -> UnsafeMutablePointer<UInt8> {
        if value < 1000 {
            let entry = digits[value]
            UnsafeMutableRawPointer(at).storeBytes(of: UInt32(littleEndian: entry), as: UInt32.self)
            return at + Int(entry &>> 24)
        }
        let end = at + length(of: value, digits: digits)
        var cursor = end
        var rest = value
        repeat {
            cursor -= 1
            cursor.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        return end
    }
}
