/// Words too common to help find a question ("what", "the", "is"): left out of the index,
/// which makes it far smaller, and out of queries (the manifest ships this list to the browser).
/// They are stems, as the tokenizer produces them.
enum SearchStopwords {
    static let list: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "ani", "ar", "as", "at", "be", "becaus", "been", "befor",
        "but", "by", "can", "could", "did", "do", "doe", "each", "for", "from", "ha", "had", "have", "how", "i",
        "if", "in", "into", "is", "it", "itself", "me", "more", "most", "my", "no", "not", "of", "on", "onc", "onli",
        "or", "other", "our", "out", "over", "own", "same", "should", "so", "some", "such", "than", "that", "the",
        "thei", "their", "them", "then", "there", "these", "thi", "those", "through", "to", "too", "under", "until",
        "up", "veri", "wa", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "you", "your",
    ]

    /// The same words as bytes, for the index builder, which meets each distinct word of every
    /// batch of documents: no String made, no SipHash run.
    static let table: TermTable = {
        var table = TermTable(capacity: list.count)
        for word in list { _ = table.id(of: Array(word.utf8)) }
        return table
    }()
}
