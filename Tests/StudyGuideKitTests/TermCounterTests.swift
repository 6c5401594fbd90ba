// Covers: counting the words of search documents by integer term ids.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct TermCounterTests {
    func document(title: String = "", body: String) -> SearchDocument {
        var fields = Array(repeating: "", count: SearchDocument.Field.allCases.count)
        fields[SearchDocument.Field.title.rawValue] = title
        fields[SearchDocument.Field.body.rawValue] = body
        return SearchDocument(title: title, url: "a.html", category: 0, difficulty: 0, kind: 0, tags: [], summary: "",
                              excerpt: "", fields: fields)
    }

    /// A batch packed with its own term numbers, each term filed by its first byte.
    func packed(_ batch: CountedBatch) -> PackedTerms {
        PackedTerms(batch, renumberedBy: Array(0 ..< Int32(batch.terms.count)),
                    classes: (0 ..< Int32(batch.terms.count)).map { TermClass.of(batch.terms.bytes($0)) })
    }

    /// Every entry of a packed batch: document, term id, then the counts per field.
    func entries(_ packed: PackedTerms) -> [[Int]] {
        var result: [[Int]] = []
        packed.bytes.withUnsafeBufferPointer { bytes in
            PackedTerms.forEachEntry(in: bytes) { document, term, _, counts in result.append([document, Int(term)] + counts) }
        }
        return result
    }

    func counts(of batch: CountedBatch, document: Int = 0) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for entry in entries(packed(batch)) where entry[0] == document {
            result[String(decoding: batch.terms.bytes(Int32(entry[1])), as: UTF8.self)] = Array(entry[2...])
        }
        return result
    }

    @Test func wordsAreStemmedCountedPerFieldAndStopwordsLeftOut() {
        let batch = TermCounter.count([document(title: "Indexing", body: "The index, the indexes and an indexed table.")][...])
        #expect(counts(of: batch) == ["index": [1, 0, 0, 0, 0, 3], "tabl": [0, 0, 0, 0, 0, 1]])
        #expect(packed(batch).lengths == [1, 0, 0, 0, 0, 4])
    }

    @Test func aCountPastTwoBytesIsKeptExactly() {
        let body = String(repeating: "replica ", count: 70_000)
        let batch = TermCounter.count([document(body: body), document(body: "replica")][...])
        #expect(counts(of: batch)["replica"] == [0, 0, 0, 0, 0, 70_000])
        #expect(counts(of: batch, document: 1)["replica"] == [0, 0, 0, 0, 0, 1])
    }

    @Test func packedTermsAreRenumberedAndGroupedByClassInDocumentOrder() {
        var batch = CountedBatch(
            terms: TermTable(), documentTerms: [3, 0, 1],
            ends: [2, 2, 3], lengths: [1, 0, 0, 0, 0, 201, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 70_000])
        for counts: [Int32] in [[1, 0, 0, 0, 0, 200], [0, 0, 0, 0, 0, 1], [0, 2, 0, 0, 0, 70_000]] { batch.appendCounts(counts) }
        // Local terms 0 and 1 fall in class 20, term 3 in class 5.
        let packed = PackedTerms(batch, renumberedBy: [7, 300, 0, 5], classes: [20, 20, 9, 5])
        #expect(packed.documentCount == 3)
        #expect(entries(packed) == [[0, 5, 1, 0, 0, 0, 0, 200], [0, 7, 0, 0, 0, 0, 0, 1], [2, 300, 0, 2, 0, 0, 0, 70_000]])
        #expect(packed.classEnds[4] == 0 && packed.classEnds[5] == packed.classEnds[19])
        #expect(packed.frequency == [1, 1, 0, 1])
        #expect(packed.lengths[12...] == [0, 2, 0, 0, 0, 70_000])
    }

    /// A batch keeps each entry's counts packed (`FieldCounts`): they read back as written, for
    /// counts of every size, and pack as the entries did when they were six `Int32`s each.
    @Test func packedFieldCountsReadBackAndPackAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let sizes: [ClosedRange<Int32>] = [0 ... 0, 1 ... 127, 128 ... 20_000, 20_000 ... Int32.max]
        for _ in 0 ..< 50 {
            let termCount = Int.random(in: 1 ... 300, using: &generator)
            var batch = CountedBatch(terms: TermTable())
            var written: [[Int32]] = []
            for _ in 0 ..< Int.random(in: 0 ... 20, using: &generator) {
                for term in (0 ..< Int32(termCount)).shuffled(using: &generator).prefix(Int.random(in: 0 ... 40, using: &generator)) {
                    let counts = (0 ..< PackedTerms.fieldCount).map { _ in Int32.random(in: sizes.randomElement(using: &generator)!, using: &generator) }
                    batch.documentTerms.append(term)
                    batch.appendCounts(counts)
                    written.append(counts)
                }
                batch.ends.append(batch.documentTerms.count)
                batch.lengths += (0 ..< PackedTerms.fieldCount).map { _ in Int32.random(in: 0 ... 1000, using: &generator) }
            }
            var read: [[Int32]] = []
            batch.forEachEntryCounts { read.append($0) }
            #expect(read == written)
            let ids = (0 ..< Int32(termCount)).map { _ in Int32.random(in: 0 ... 3_000_000, using: &generator) }
            let classes = (0 ..< termCount).map { _ in UInt8(truncatingIfNeeded: Int.random(in: 0 ..< TermClass.count, using: &generator)) }
            let packed = PackedTerms(batch, renumberedBy: ids, classes: classes)
            // As the entries were packed from six counts each: by class, then in document order.
            var expected: [UInt8] = []
            var ends: [Int] = []
            for termClass in (0 ..< TermClass.count).map(UInt8.init) {
                var position = 0
                for (document, end) in batch.ends.enumerated() {
                    while position < end {
                        let term = Int(batch.documentTerms[position])
                        if classes[term] == termClass {
                            expected.appendVarint(document)
                            expected.appendVarint(Int(ids[term]))
                            let counts = written[position]
                            expected.append(counts.indices.reduce(UInt8(0)) { counts[$1] > 0 ? $0 | 1 << $1 : $0 })
                            for count in counts where count > 0 { expected.appendVarint(Int(count)) }
                        }
                        position += 1
                    }
                }
                ends.append(expected.count)
            }
            #expect(packed.bytes == expected)
            #expect(packed.classEnds == ends)
            #expect(packed.frequency == (0 ..< Int32(termCount)).map { term in
                Int32(batch.documentTerms.filter { $0 == term }.count)
            })
        }
    }

    /// Words an earlier batch stemmed are taken from the cache: the batch is counted exactly as
    /// without it, stopwords included, and only its own new words are left to learn.
    @Test func aWarmStemCacheCountsAsAColdOne() {
        // The cache names terms by their ids in the builder's table, which learns each batch's terms first.
        var terms = TermTable()
        func ids(_ batch: CountedBatch) -> [Int32] {
            (0 ..< Int32(batch.terms.count)).map { local in batch.terms.bytes(local).withUnsafeBufferPointer { terms.id(of: $0) } }
        }
        let first = TermCounter.count([document(title: "Indexes", body: "The indexed tables and their replicas.")][...])
        var cache = StemCache()
        cache.learn(first, renumberedBy: ids(first))
        let documents = [document(title: "Replicas", body: "The index of the tables, and a new shard."),
                         document(body: "Indexing the shards")][...]
        let warm = TermCounter.count(documents, stems: cache, vocabulary: terms)
        let cold = TermCounter.count(documents)
        #expect(entries(packed(warm)) == entries(packed(cold)))
        #expect((0 ..< Int32(warm.terms.count)).map { warm.terms.bytes($0) } == (0 ..< Int32(cold.terms.count)).map { cold.terms.bytes($0) })
        #expect(counts(of: warm) == ["replica": [1, 0, 0, 0, 0, 0], "index": [0, 0, 0, 0, 0, 1], "tabl": [0, 0, 0, 0, 0, 1],
                                     "new": [0, 0, 0, 0, 0, 1], "shard": [0, 0, 0, 0, 0, 1]])
        // Learning the warm batch adds only what the cache did not know.
        var learned = cache
        learned.learn(warm, renumberedBy: ids(warm))
        func knows(_ cache: StemCache, _ word: String) -> Bool {
            Array(word.utf8).withUnsafeBufferPointer { cache.term(of: $0, key: TermTable.Key($0)) != nil }
        }
        #expect(knows(cache, "tables") && !knows(cache, "shards") && knows(learned, "shards") && knows(learned, "of"))
        let again = TermCounter.count(documents, stems: learned, vocabulary: terms)
        #expect(entries(packed(again)) == entries(packed(cold)))
    }

    /// Batches counted at the same time share the stems they make (`SharedStems`): a batch counted
    /// with stems another batch left there counts exactly as one counted alone.
    @Test func aBatchCountedWithSharedStemsCountsAsAlone() {
        let first = [document(title: "Indexes", body: "The indexed tables and their replicas were replicated.")][...]
        let second = [document(title: "Replicas", body: "The index of the tables, and a new shard."),
                      document(body: "Indexing the shards of their replicated tables")][...]
        let shared = SharedStems()
        _ = TermCounter.count(first, shared: shared)
        let warm = TermCounter.count(second, shared: shared)
        let cold = TermCounter.count(second)
        #expect(entries(packed(warm)) == entries(packed(cold)))
        #expect(warm.termOfWord == cold.termOfWord)
        #expect((0 ..< Int32(warm.terms.count)).map { warm.terms.bytes($0) } == (0 ..< Int32(cold.terms.count)).map { cold.terms.bytes($0) })
        // Counting the same batch again finds every stem shared, stopwords included.
        #expect(entries(packed(TermCounter.count(second, shared: shared))) == entries(packed(cold)))
    }

    @Test func termClassesFollowByteOrder() {
        // Every term of one or two bytes, in byte order.
        let terms = (0 ... 255).flatMap { first in [[UInt8(first)]] + (0 ... 255).map { [UInt8(first), UInt8($0)] } }
        let classes = terms.map { TermClass.of($0[...]) }
        #expect(zip(classes, classes.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(classes).count == TermClass.count)
        // A letter's terms are in its classes, whatever follows it.
        let letter = TermClass.sharingFirstCharacter(with: Int(TermClass.of(Array("s".utf8)[...])))
        #expect(letter.count == TermClass.letterParts)
        #expect(["s", "s1", "sa", "sz", "s\u{e9}"].allSatisfy { letter.contains(Int(TermClass.of(Array($0.utf8)[...]))) })
        #expect(TermClass.sharingFirstCharacter(with: Int(TermClass.of(Array("7th".utf8)[...]))).count == 1)
        // Han, kana and Hangul are spread over classes, each holding whole characters.
        let scripts = ["数据", "索引", "缓存", "事务", "ひらがな", "カタカナ", "한국어", "日志"].map { Int(TermClass.of(Array($0.utf8)[...])) }
        #expect(Set(scripts).count >= 6)
        #expect(scripts.allSatisfy { TermClass.sharingFirstCharacter(with: $0).count == 1 })
    }

    /// One class with more postings than the budget is made in pieces, cut only where the files
    /// are cut whatever a piece holds: the files are those of the whole class.
    @Test func aClassMadeInPiecesIsFiledAsAWhole() {
        let words = ["cobalt", "code", "codec", "coder", "cognate", "coil", "cold", "collect", "column", "combine", "commit",
                     "compile", "concur", "config", "conform", "connect", "consume", "contain", "convert", "cookie", "copy",
                     "core", "cost", "count", "cover"]
        let texts = (0 ..< 60).map { n in (0 ..< 10).map { words[($0 * 7 + n) % words.count] + "\($0 % 4)" }.joined(separator: " ") + " co" }
        let index = index(texts)
        #expect(index.sorted.contains { index.terms.bytes($0) == Array("co".utf8)[...] })
        let parts = index.groups(budget: 60, bucketBytes: 300)
        let co = Int(TermClass.of(Array("co".utf8)[...]))
        #expect(parts.filter { $0.classes == co ..< co + 1 }.count > 3)
        let files = filed(index, in: parts, limit: 300)
        #expect(files.pieced == files.whole)
        #expect(files.whole.count > 8)
        // "co" itself, and the "con…" words after it, are cut as finely as the files allow.
        let counted = parts.map { $0.positions.map { Int(index.frequency[Int(index.sorted[$0])]) }.reduce(0, +) }
        #expect(counted.max()! <= 2 * 60, "pieces of \(counted)")
    }

    /// A site in Chinese or Japanese has every term in the classes of three-byte characters: they
    /// are made a few classes at a time like English letters, and filed as if made at once.
    @Test func termsOfOtherScriptsAreMadeAFewClassesAtATime() {
        let words = ["数据库", "索引", "查询", "缓存", "事务", "日志", "分片", "复制", "ひらがな", "カタカナ", "한국어", "데이터", "кэш", "δεδομένα"]
        let texts = (0 ..< 30).map { n in (0 ..< 8).map { words[($0 * 3 + n) % words.count] }.joined(separator: " ") }
        let index = index(texts)
        let parts = index.groups(budget: 1)
        let otherScripts = parts.filter { index.terms.bytes(index.sorted[$0.positions.lowerBound]).first! >= 0x80 }
        #expect(otherScripts.count >= 6)
        let files = filed(index, in: parts, limit: 60)
        #expect(files.pieced == files.whole)
    }

    /// A letter whose postings exceed the budget is made in pieces, each filed by its own call to
    /// `buckets`: the files must be those of the whole letter, which is cut by two letters.
    @Test func aLetterMadeInPiecesIsFiledAsAWhole() {
        let words = ["sable", "scar", "seal", "shore", "sink", "snow", "sorb", "spar", "strap", "surf", "swan", "sync", "tide"]
        let texts = (0 ..< 60).map { n in (0 ..< 9).map { words[($0 * 5 + n) % words.count] + "\($0 % 3)" }.joined(separator: " ") }
        let index = index(texts)
        let parts = index.groups(budget: 100, bucketBytes: 600)
        #expect(parts.filter { !$0.splitting.isEmpty }.count > 2)
        let files = filed(index, in: parts, limit: 600)
        // A piece smaller than a file would be one file, "s", were it filed on its own.
        #expect(zip(parts, files.sizes).contains { !$0.0.splitting.isEmpty && $0.1 < 600 })
        #expect(files.pieced == files.whole)
        #expect(files.whole.contains { $0.prefix == Array("sh".utf8) })
        // With files large enough to hold the letter, it is never split.
        #expect(index.groups(budget: 100, bucketBytes: 100_000).allSatisfy { $0.splitting.isEmpty })
    }

    /// The files of `index`'s postings made all at once, and made a group of `parts` at a time
    /// (each group's postings checked against those made at once), with each group's encoded size.
    func filed(_ index: InvertedIndex, in parts: [InvertedIndex.Group], limit: Int)
        -> (whole: [SearchIndexBuilder.Bucket], pieced: [SearchIndexBuilder.Bucket], sizes: [Int]) {
        let all = index.postings(of: index.groups(budget: .max)[0])
        let whole = SearchIndexBuilder.buckets(sorted: index.sorted[...], terms: index.terms, limit: limit) {
            SearchIndexBuilder.encodedSize(of: $0, in: all)
        }
        #expect(parts.map(\.positions.count).reduce(0, +) == index.terms.count)
        var pieced: [SearchIndexBuilder.Bucket] = [], sizes: [Int] = []
        for group in parts {
            let postings = index.postings(of: group)
            for position in group.positions {
                #expect(postings.documents[postings.range(at: position)] == all.documents[all.range(at: position)])
                #expect(postings.scores[postings.range(at: position)] == all.scores[all.range(at: position)])
            }
            sizes.append(group.positions.map { SearchIndexBuilder.encodedSize(of: $0, in: postings) }.reduce(0, +))
            pieced += SearchIndexBuilder.buckets(sorted: index.sorted[group.positions], terms: index.terms, limit: limit,
                                                 splitting: group.splitting) { SearchIndexBuilder.encodedSize(of: $0, in: postings) }
        }
        return (whole, pieced, sizes)
    }

    /// Counts spilled to disk in several batches, then made into postings a few classes at a time.
    func index(_ texts: [String], batch: Int = 7) -> InvertedIndex {
        var terms = TermTable()
        var spilled = SpilledTerms()
        for start in stride(from: 0, to: texts.count, by: batch) {
            let counted = TermCounter.count(texts[start ..< min(start + batch, texts.count)].map { document(title: "Replication", body: $0) }[...])
            let ids = (0 ..< Int32(counted.terms.count)).map { local in counted.terms.bytes(local).withUnsafeBufferPointer { terms.id(of: $0) } }
            let classes = (0 ..< Int32(counted.terms.count)).map { TermClass.of(counted.terms.bytes($0)) }
            spilled.append(PackedTerms(counted, renumberedBy: ids, classes: classes), renumberedBy: ids, termCount: terms.count)
        }
        return InvertedIndex(terms: terms, spilled: spilled)
    }

    let texts = (0 ..< 40).map { n in (0 ... n).map { "word\($0 % 13) shard\($0 * 7 % 11) \($0 % 5)th" }.joined(separator: " ") }

    @Test func postingsSizesAreCountedAsTheyWillBeEncoded() {
        let index = index(texts)
        #expect(index.terms.count > 20)
        for group in index.groups(budget: 1) {
            let postings = index.postings(of: group)
            for position in group.positions {
                var encoded: [UInt8] = []
                SearchIndexBuilder.encodePostings(at: position, in: postings, to: &encoded)
                #expect(SearchIndexBuilder.encodedSize(of: position, in: postings) == encoded.count)
            }
        }
    }

    @Test func postingsMadeAFewClassesAtATimeAreThoseMadeAllAtOnce() {
        let index = index(texts)
        let whole = index.groups(budget: .max)
        #expect(whole.count == 1)
        let all = index.postings(of: whole[0])
        let parts = index.groups(budget: 40)
        #expect(parts.count > 2)
        #expect(parts.map(\.positions.count).reduce(0, +) == index.terms.count)
        for group in parts {
            let postings = index.postings(of: group)
            for position in group.positions {
                #expect(postings.documents[postings.range(at: position)] == all.documents[all.range(at: position)])
                #expect(postings.scores[postings.range(at: position)] == all.scores[all.range(at: position)])
            }
        }
        // Every document holds "replic" (the title), in ascending order.
        let replic = index.sorted.firstIndex { String(decoding: index.terms.bytes($0), as: UTF8.self) == "replic" }!
        #expect(Array(all.documents[all.range(at: replic)]) == (0 ..< 40).map(Int32.init))
    }
    /// A posting's byte is its saturation on a logarithmic scale: 2^((q - 40) / 8), rounded to
    /// the nearest step, as the browser reads it back.
    @Test func saturationBytesRoundToTheNearestStep() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 20_000 {
            let saturation = exp2(Double.random(in: -4.8 ... 26.8, using: &generator))
            let byte = Saturation.quantized(saturation)
            let exact = 40 + 8 * log2(saturation)
            // Where rounding is a near tie, either neighbour will do.
            #expect(abs(Double(byte) - exact) <= 0.5 + 1e-9)
        }
        #expect(Saturation.quantized(1) == 40)
        #expect(Saturation.quantized(exp2(26.875)) == 255)
        #expect(Saturation.quantized(1e12) == 255)
        #expect(Saturation.quantized(1e-9) == 1)
        #expect(Saturation.quantized(0) == 1)
        // An answer's matches take one or two digits, and so does the highest a posting can reach.
        #expect(Saturation.quantized(2.2) < 100)
        #expect(Saturation.quantized(Saturation.weights.reduce(0, +) * (Saturation.k1 + 1)) < 100)
    }

    /// Averages round to a power of 2^(1/4), so an edit seldom moves one (and the postings of
    /// every other document stay as they were).
    @Test func averageLengthsRoundToAQuarterOctave() {
        for (total, documents) in [(0, 0), (5, 10), (1000, 10), (123_456, 789), (7, 1)] {
            let average = Saturation.roundedAverage(total: total, documents: documents)
            let mean = Double(total) / Double(max(documents, 1))
            let steps = log2(average) * 4
            #expect(abs(steps - steps.rounded()) < 1e-9)
            #expect(mean < 1 ? average == 1 : abs(log2(average) - log2(mean)) <= 0.125 + 1e-9)
        }
        // One more long document in a thousand does not move the average.
        #expect(Saturation.roundedAverage(total: 600_000, documents: 1000) == Saturation.roundedAverage(total: 601_000, documents: 1001))
    }

    /// A build with a cache keeps each document's counts apart (`CachedCounts`); a batch put back
    /// together from them, some kept and some counted now, is the batch counting them all makes.
    @Test func aBatchAssembledFromKeptDocumentsIsTheBatchCountingMakes() throws {
        let documents = [
            document(title: "Indexing tables", body: "An index makes reads fast and writes slower."),
            document(title: "Locks", body: "Writes take locks; reads of an index may not."),
            document(body: "Tables, indexes, locks and more tables."),
        ]
        let whole = TermCounter.count(documents[...])
        let kept = CachedCounts.encodeDocuments(of: whole)
        // The first and last as if kept, the middle one counted again on its own.
        let alone = TermCounter.count(documents[1 ... 1])
        let assembled = try #require(CachedCounts.assemble([kept[0], CachedCounts.encodeDocuments(of: alone)[0], kept[2]]))
        #expect(assembled.documentTerms == whole.documentTerms)
        #expect(assembled.fieldCounts == whole.fieldCounts)
        #expect(assembled.ends == whole.ends)
        #expect(assembled.lengths == whole.lengths)
        #expect((0 ..< Int32(whole.terms.count)).map { Array(assembled.terms.bytes($0)) } == (0 ..< Int32(whole.terms.count)).map { Array(whole.terms.bytes($0)) })
        var damaged = kept[1]
        damaged.removeLast()
        #expect(CachedCounts.assemble([kept[0], damaged]) == nil)
    }

    @Test func aBatchKeptWholeReadsBackAsCounted() throws {
        let documents = [
            document(title: "Indexing tables", body: "An index makes reads fast and writes slower."),
            document(body: "Tables, indexes, locks and more tables; a count past two bytes: " + String(repeating: "lock ", count: 300)),
        ]
        let whole = TermCounter.count(documents[...])
        let bytes = CachedCounts.encodeBatch(whole)
        let back = try #require(CachedCounts.decodeBatch(bytes))
        #expect(back.documentTerms == whole.documentTerms && back.fieldCounts == whole.fieldCounts)
        #expect(back.ends == whole.ends && back.lengths == whole.lengths)
        #expect((0 ..< Int32(whole.terms.count)).map { Array(back.terms.bytes($0)) } == (0 ..< Int32(whole.terms.count)).map { Array(whole.terms.bytes($0)) })
        // Cut anywhere, or with a term named that the batch does not have, it is refused.
        for length in stride(from: 0, to: bytes.count, by: 5) { #expect(CachedCounts.decodeBatch(Array(bytes[..<length])) == nil) }
        var foreign = whole
        foreign.documentTerms[0] = Int32(whole.terms.count)
        #expect(CachedCounts.decodeBatch(CachedCounts.encodeBatch(foreign)) == nil)
        // Packed counts that name a field there is not, or run on past their entries, are refused too.
        var unknownField = whole
        unknownField.fieldCounts[0] = 0xFF
        #expect(CachedCounts.decodeBatch(CachedCounts.encodeBatch(unknownField)) == nil)
        var endless = whole
        endless.fieldCounts[1] |= 0x80
        #expect(CachedCounts.decodeBatch(CachedCounts.encodeBatch(endless)) == nil)
    }

    @Test func documentsKeptOneByOneAssembleIntoTheCountedBatch() throws {
        let documents = [
            document(title: "Indexing tables", body: "An index makes reads fast and writes slower."),
            document(body: "Tables, indexes, locks and more tables; a count past two bytes: " + String(repeating: "lock ", count: 300)),
        ]
        let whole = TermCounter.count(documents[...])
        let back = try #require(CachedCounts.assemble(CachedCounts.encodeDocuments(of: whole)))
        #expect(back.documentTerms == whole.documentTerms && back.fieldCounts == whole.fieldCounts)
        #expect(back.ends == whole.ends && back.lengths == whole.lengths)
        var cut = CachedCounts.encodeDocuments(of: whole)
        cut[1].removeLast(3)
        #expect(CachedCounts.assemble(cut) == nil)
    }
}
