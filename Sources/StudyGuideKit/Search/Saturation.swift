/// What a posting of the index scores: BM25's saturated term frequency, summed over the fields
/// with their weights, without the term's inverse document frequency. The browser multiplies it by
/// the idf, which it works out from how many documents hold the term (`search-engine.js`).
///
/// A posting then depends on its own document alone (its counts and its fields' lengths, against
/// the site's average lengths rounded to a quarter octave): an edit to one answer changes only the
/// postings of that answer, which is what lets a build with a cache rewrite a few postings files
/// instead of all of them (`PostingsStore`). Before, every posting was scaled by the highest score
/// of the site and weighed with every term's idf, so any edit could change every file.
enum Saturation {
    static let k1 = 1.2
    static let b = 0.75

    /// The weight of each field, in field order.
    static let weights = SearchDocument.Field.allCases.map(\.weight)

    /// The average of a field's lengths over `documents` documents, rounded to the nearest power of
    /// 2^(1/4), and at least 1: one edit seldom moves it (when it does, every posting changes).
    /// Worked out with multiplications and square roots, which IEEE 754 rounds alike everywhere.
    static func roundedAverage(total: Int, documents: Int) -> Double {
        let mean = Double(total) / Double(max(documents, 1))
        var average = 1.0
        // Up one step while the mean is past the midpoint (in logarithms) to the next power.
        while mean >= average * eighthOctave { average *= quarterOctave }
        return average
    }

    private static let quarterOctave = 2.0.squareRoot().squareRoot()
    private static let eighthOctave = quarterOctave.squareRoot()

    /// BM25's length norm of a field `length` terms long, where the rounded average is `average`.
    @inline(__always)
    static func norm(length: Int32, average: Double) -> Double {
        k1 * (1 - b + b * Double(length) / average)
    }

    /// The saturated frequency of a term counted `counts[field]` times in each field set in
    /// `fields`, summed with the fields' weights in field order; `lengths` are the document's
    /// fields' lengths, `averages` the site's (each field's norm worked out here, as a build holds
    /// no norms: `InvertedIndex`).
    @inline(__always)
    static func of(fields: UInt8, counts: UnsafeBufferPointer<Int>, lengths: UnsafePointer<Int32>, averages: UnsafePointer<Double>,
                   weights: UnsafeBufferPointer<Double>) -> Double {
        var saturated = 0.0
        var present = fields
        while present != 0 {
            let field = present.trailingZeroBitCount
            present &= present &- 1
            let tf = Double(counts[field])
            saturated += weights[field] * tf * (k1 + 1) / (tf + norm(length: lengths[field], average: averages[field]))
        }
        return saturated
    }

    /// The byte a saturation is written as. Byte q stands for 2^((q − 40) / 8): steps of 9%, from
    /// 0.034, so that nearly every posting takes one or two digits in the postings' JSON (an
    /// answer's match is about 0.05 to 2.2, q 5 to 49; the sum of every weight times k1 + 1 is
    /// 61.6, q 88). q is 40 + 8·log2(s) rounded, into 1…255, found from the number's exponent and
    /// where its mantissa falls among eight thresholds (no logarithm, whose last bit may differ
    /// between C libraries).
    static func quantized(_ saturation: Double) -> UInt8 {
        thresholds.withUnsafeBufferPointer { quantized(saturation, thresholds: $0) }
    }

    /// `quantized`, with `thresholds` lent by the caller: a loop over millions of postings does
    /// not check that the static array is made at each one.
    @inline(__always)
    static func quantized(_ saturation: Double, thresholds: UnsafeBufferPointer<Double>) -> UInt8 {
        guard saturation > 0 else { return 1 }
        let bits = saturation.bitPattern
        let exponent = Int(bits >> 52 & 0x7FF) - 1023
        let mantissa = Double(bitPattern: bits & 0x000F_FFFF_FFFF_FFFF | 0x3FF0_0000_0000_0000)
        // How many thresholds the mantissa reaches: a binary search over the eight.
        var step = mantissa >= thresholds[3] ? 4 : 0
        if mantissa >= thresholds[step + 1] { step += 2 }
        if mantissa >= thresholds[step] { step += 1 }
        if step == 7, mantissa >= thresholds[7] { step = 8 }
        return UInt8(max(1, min(255, offset + 8 * exponent + step)))
    }

    /// The byte that stands for 1.
    static let offset = 40

    /// 2^((2j + 1) / 16) for j in 0..<8: where 8·log2 of a mantissa rounds up to j + 1.
    static let thresholds: [Double] = {
        var root = 2.0
        for _ in 0 ..< 4 { root = root.squareRoot() }
        var thresholds: [Double] = []
        var value = root
        for _ in 0 ..< 8 {
            thresholds.append(value)
            value *= root * root
        }
        return thresholds
    }()
}
