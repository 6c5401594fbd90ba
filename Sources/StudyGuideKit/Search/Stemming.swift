internal import CStemmer

/// How the site's `language` turns words into index terms.
///
/// English keeps the Porter stemmer that `search-tokenizer.js` also runs, so queries are stemmed
/// in the browser exactly as the pages were. Other languages use Snowball's algorithms (Debian's
/// libstemmer), which the browser does not run at all: the index ships every word whose term
/// differs from it (`SurfaceForms`), and a query word maps through that list. A language Snowball
/// does not know is searched unstemmed.
enum Stemming: Sendable, Equatable {
    case porter
    case snowball(algorithm: String)
    case none

    /// The stemming for a language tag such as `en`, `de-AT` or `pt-BR`: its primary subtag decides.
    init(language: String) {
        let primary = String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
        if primary == "en" || primary.isEmpty {
            self = .porter
        } else if Self.snowballLanguages.contains(primary), SnowballStemmer(algorithm: primary) != nil {
            self = .snowball(algorithm: primary)
        } else {
            self = .none
        }
    }

    /// ISO 639-1 codes libstemmer answers to. Snowball has a few more algorithms, known only by
    /// their English names or three-letter codes; a site names its language with a tag.
    static let snowballLanguages: Set<String> = [
        "ar", "ca", "da", "de", "el", "es", "eu", "fi", "fr", "ga", "hi", "hu", "hy", "id", "it", "lt", "ne", "nl",
        "no", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi",
    ]

    /// The name the search manifest gives the browser: "porter" makes it stem queries itself,
    /// anything else makes it map them through the vocabulary's forms.
    var manifestName: String {
        switch self {
        case .porter: return "porter"
        case .snowball(let algorithm): return "snowball-" + algorithm
        case .none: return "none"
        }
    }

    /// Whether the browser finds a query word's term through the index's list of forms, because
    /// it does not run this stemmer itself.
    var mapsQueriesThroughForms: Bool {
        if case .snowball = self { return true }
        return false
    }

    /// English's stopwords are English words: in German, "was" and "die" mean something else.
    var usesStopwords: Bool { self == .porter }

    /// A stemmer for one thread (Snowball's keep state between calls).
    func makeStemmer() -> WordStemmer {
        switch self {
        case .porter: return WordStemmer(snowball: nil, porter: true)
        case .snowball(let algorithm): return WordStemmer(snowball: SnowballStemmer(algorithm: algorithm), porter: false)
        case .none: return WordStemmer(snowball: nil, porter: false)
        }
    }
}

/// Stems folded words in place, for one thread at a time.
struct WordStemmer {
    fileprivate let snowball: SnowballStemmer?
    fileprivate let porter: Bool

    func stem(_ word: inout [UInt8]) {
        if porter {
            PorterStemmer.stem(&word)
        } else if let snowball {
            snowball.stem(&word)
        }
    }
}

/// One Snowball stemmer: the only owner of its C object, freed with it.
final class SnowballStemmer {
    private let stemmer: OpaquePointer

    init?(algorithm: String) {
        guard let stemmer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    func stem(_ word: inout [UInt8]) {
        let stemmed: [UInt8]? = word.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return nil }
            return Array(UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(stemmer))))
        }
        // A stemmer that ran out of memory leaves the word as it was: unstemmed, still findable.
        if let stemmed, !stemmed.isEmpty { word = stemmed }
    }
}
