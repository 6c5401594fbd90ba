/// Every word of the site whose index term differs from it, for languages the browser does not
/// stem itself (see `Stemming`): a query word is looked up here and searched as its term.
///
/// A word the site never uses has no entry. For those, `endings` lists how the stemmer changed the
/// site's own words ("datenbanken" → "datenbank" is "en" → ""), most frequent first, and the browser
/// tries them on the query word until one gives a term the index holds.
struct SurfaceForms {
    private var words = TermTable(capacity: 1 << 12)
    /// Each word's term, by word id, in the builder's term table.
    private var termOfWord: [Int32] = []

    var count: Int { words.count }

    /// Learns the words of a counted batch whose term is not the word itself. `term` gives a
    /// batch term's id in the builder's table.
    mutating func learn(_ batch: CountedBatch, term: (Int32) -> Int32) {
        for index in 0 ..< Int32(batch.words.count) {
            let local = batch.termOfWord[Int(index)]
            guard local >= 0 else { continue }
            let word = batch.words.bytes(index), stem = batch.terms.bytes(local)
            guard !word.elementsEqual(stem) else { continue }
            let known = words.count
            let id = word.withUnsafeBufferPointer { words.id(of: $0) }
            if Int(id) == known { termOfWord.append(term(local)) }
        }
    }

    /// The forms, as (word, term id), in the order they were first met.
    var all: [(word: ArraySlice<UInt8>, term: Int32)] {
        (0 ..< Int32(words.count)).map { (words.bytes($0), termOfWord[Int($0)]) }
    }

    /// How many endings the manifest lists at most; the rarest tell little and cost every query.
    static let endingLimit = 200

    /// The (word ending, term ending) pairs that turn the site's words into their terms, in the
    /// order the browser tries them: longest word ending first, then the most frequent. Pairs seen
    /// once are left out: they describe a word, not the language.
    func endings(terms: TermTable) -> [(from: String, to: String)] {
        var counts: [String: (from: String, to: String, count: Int)] = [:]
        for (word, term) in all {
            let word = Array(String(decoding: word, as: UTF8.self).unicodeScalars)
            let stem = Array(String(decoding: terms.bytes(term), as: UTF8.self).unicodeScalars)
            var shared = 0
            while shared < word.count, shared < stem.count, word[shared] == stem[shared] { shared += 1 }
            let from = String(String.UnicodeScalarView(word[shared...]))
            let to = String(String.UnicodeScalarView(stem[shared...]))
            counts[from + "\u{0}" + to, default: (from, to, 0)].count += 1
        }
        return counts.values.filter { $0.count >= 2 && !$0.from.isEmpty }
            .sorted { ($1.count, $0.from, $0.to) < ($0.count, $1.from, $1.to) }
            .prefix(Self.endingLimit)
            .sorted { a, b in
                let (lengthA, lengthB) = (a.from.unicodeScalars.count, b.from.unicodeScalars.count)
                if lengthA != lengthB { return lengthA > lengthB }
                if a.count != b.count { return a.count > b.count }
                return (a.from, a.to) < (b.from, b.to)
            }
            .map { ($0.from, $0.to) }
    }
}
