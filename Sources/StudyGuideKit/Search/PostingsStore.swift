internal import Foundation

/// The search index's postings as the last build with a cache made them (`search.postings` in the
/// cache folder), so that a build after an edit changes only the postings of the edited answers
/// and writes again only the postings files that hold them (`PostingsUpdate`).
///
/// A posting holds its document's own score (`Saturation`): an answer's edit changes its postings
/// and no other, as long as the site keeps the same documents in the same order and the same
/// rounded average lengths. So the store names each document by the key of its counts
/// (`CachedCounts`) and keeps every document's fields' lengths.
///
/// One file, read whole: a magic line; the basis (this program and `site.yml`, as `CachedCounts`
/// hashes them); each document's key and lengths; one record per term, in byte order (the term,
/// how many documents hold it, the size of its postings in JSON, a hash of both, and the postings
/// as document gaps and saturation bytes); then a checksum of the whole, hashed 64 KB at a time as
/// it is written. A file that is missing, damaged, or of another basis is not used.
struct PostingsStore {
    static let fileName = "search.postings"
    fileprivate static let magic = Array("studyguide-postings-1\n".utf8)
    fileprivate static let block = 64 << 10

    let basis: BodyCache.Key
    /// Each document's counts key, in site order.
    let documents: [BodyCache.Key]
    /// `PackedTerms.fieldCount` lengths per document.
    let lengths: [Int32]
    /// The file; its records lie in `records`.
    private let bytes: [UInt8]
    private let records: Range<Int>

    /// The store in `folder`, when it is there, whole, and made on `basis`.
    init?(folder: String, basis: BodyCache.Key) {
        // Read straight into the array (through `Data` it was copied twice, 7 MB at 10,000 questions).
        let path = folder + "/" + Self.fileName
        var info = stat()
        guard stat(path, &info) == 0, let bytes = ContentLoader.readFile(path, expectedSize: Int(info.st_size)) else { return nil }
        guard bytes.count >= Self.magic.count + 8, bytes.starts(with: Self.magic) else { return nil }
        var tail = ByteReader(bytes: bytes[...], at: bytes.count - 8)
        guard tail.fixed() == Self.checksum(of: bytes[..<(bytes.count - 8)]) else { return nil }
        var reader = ByteReader(bytes: bytes[..<(bytes.count - 8)], at: Self.magic.count)
        guard let high = reader.fixed(), let low = reader.fixed(), BodyCache.Key(high: high, low: low) == basis,
              let count = reader.varint(), count <= bytes.count / 16 else { return nil }
        var documents: [BodyCache.Key] = []
        documents.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let high = reader.fixed(), let low = reader.fixed() else { return nil }
            documents.append(BodyCache.Key(high: high, low: low))
        }
        var lengths: [Int32] = []
        lengths.reserveCapacity(count * PackedTerms.fieldCount)
        for _ in 0 ..< count * PackedTerms.fieldCount {
            guard let length = reader.varint(), length <= Int(Int32.max) else { return nil }
            lengths.append(Int32(length))
        }
        self.basis = basis
        self.documents = documents
        self.lengths = lengths
        self.bytes = bytes
        records = reader.at ..< bytes.count - 8
    }

    /// Removes the store in `folder`: it may not be used.
    static func remove(in folder: String) {
        unlink(folder + "/" + fileName)
    }

    /// One term's record, as places in the bytes `forEachRecord` lends.
    struct Record {
        var term: Range<Int>
        var frequency: Int
        var encodedSize: Int
        var hash: UInt64
        var postings: Range<Int>
        /// The whole record, to be copied as it is.
        var whole: Range<Int>
    }

    /// Calls `body` with the file's bytes and each record in turn; false when a record is damaged
    /// (the checksum held, so only a bug makes one).
    func forEachRecord(_ body: (UnsafeBufferPointer<UInt8>, Record) -> Void) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var at = records.lowerBound
            while at < records.upperBound {
                guard let record = Self.record(in: buffer, at: &at, end: records.upperBound) else { return false }
                body(buffer, record)
            }
            return true
        }
    }

    /// The record at `at` of `buffer` (whose records end at `end`); `at` moves past it.
    static func record(in buffer: UnsafeBufferPointer<UInt8>, at: inout Int, end: Int) -> Record? {
        let start = at
        var reader = BlobReader(UnsafeBufferPointer(rebasing: buffer[..<end]), at: at)
        guard let termLength = reader.varint(), termLength > 0, let term = reader.skip(termLength),
              let frequency = reader.varint(), let encodedSize = reader.varint(), let hash = reader.fixed(),
              let postingsLength = reader.varint(), let postings = reader.skip(postingsLength) else { return nil }
        at = reader.at
        return Record(term: term, frequency: frequency, encodedSize: encodedSize, hash: hash, postings: postings, whole: start ..< at)
    }

    /// The hash a record keeps of its term and postings: two records with the same hash write the
    /// same JSON.
    static func hash(term: UnsafeBufferPointer<UInt8>, postings: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = StableHash()
        hash.add(term)
        hash.add(postings)
        return hash.word
    }

    /// The checksum of `bytes`, hashed a block at a time as `Writer` writes them.
    fileprivate static func checksum(of bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = StableHash()
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = min(start + block, bytes.endIndex)
            hash.add(bytes[start ..< end])
            start = end
        }
        return hash.word
    }

    /// Writes a store beside the one in `folder` (`search.postings.partial`, one build at a time
    /// holds the cache) and renames it over it once whole.
    final class Writer {
        private let folder: String
        private var descriptor: Int32
        private var pending: [UInt8] = []
        private var written = 0
        private var hash = StableHash()
        private var partial: String { folder + "/" + PostingsStore.fileName + ".partial" }

        init?(folder: String, basis: BodyCache.Key, documents: [BodyCache.Key], lengths: [Int32]) {
            self.folder = folder
            descriptor = -1
            descriptor = open(partial, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return nil }
            pending.reserveCapacity(2 * PostingsStore.block)
            pending += PostingsStore.magic
            pending.appendFixed(basis.high)
            pending.appendFixed(basis.low)
            pending.appendVarint(documents.count)
            for key in documents {
                pending.appendFixed(key.high)
                pending.appendFixed(key.low)
            }
            for length in lengths { pending.appendVarint(Int(length)) }
        }

        deinit {
            if descriptor >= 0 {
                close(descriptor)
                unlink(partial)
            }
        }

        /// Where the next record starts.
        var offset: Int { written + pending.count }

        /// Appends a record made now.
        func append(term: UnsafeBufferPointer<UInt8>, frequency: Int, encodedSize: Int, hash: UInt64, postings: UnsafeBufferPointer<UInt8>) {
            pending.appendVarint(term.count)
            pending.append(contentsOf: term)
            pending.appendVarint(frequency)
            pending.appendVarint(encodedSize)
            pending.appendFixed(hash)
            pending.appendVarint(postings.count)
            pending.append(contentsOf: postings)
            flushBlocks()
        }

        /// Appends a record of the previous store as it is.
        func append(record bytes: UnsafeBufferPointer<UInt8>) {
            pending.append(contentsOf: bytes)
            flushBlocks()
        }

        private func flushBlocks() {
            let block = PostingsStore.block
            guard pending.count >= block else { return }
            var start = 0
            while pending.count - start >= block {
                hash.add(pending[start ..< start + block])
                start += block
            }
            write(pending[..<start])
            pending.removeFirst(start)
        }

        private func write(_ bytes: ArraySlice<UInt8>) {
            guard descriptor >= 0 else { return }
            let done = bytes.withUnsafeBytes { ByteFile.write(descriptor, $0, at: written) }
            written += bytes.count
            if !done {
                close(descriptor)
                unlink(partial)
                descriptor = -1
            }
        }

        /// The bytes of the records at `range` (offsets as `offset` gave them), read back from
        /// what is written so far.
        func read(_ range: Range<Int>) -> [UInt8]? {
            guard descriptor >= 0 else { return nil }
            if range.lowerBound >= written { return Array(pending[(range.lowerBound - written) ..< (range.upperBound - written)]) }
            var bytes = [UInt8](repeating: 0, count: range.count)
            let onDisk = min(range.upperBound, written) - range.lowerBound
            let complete = bytes.withUnsafeMutableBytes { ByteFile.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<onDisk]), at: range.lowerBound) }
            guard complete else { return nil }
            if range.upperBound > written { bytes.replaceSubrange(onDisk..., with: pending[..<(range.upperBound - written)]) }
            return bytes
        }

        /// Ends the file with its checksum and puts it in place of the store; false when it could
        /// not be written (the previous store is removed then: it no longer describes the output).
        @discardableResult
        func finish() -> Bool {
            if !pending.isEmpty { hash.add(pending[...]) }
            pending.appendFixed(hash.word)
            write(pending[...])
            pending = []
            let target = folder + "/" + PostingsStore.fileName
            guard descriptor >= 0, rename(partial, target) == 0 else {
                unlink(target)
                return false
            }
            close(descriptor)
            descriptor = -1
            return true
        }
    }
}
