import CampaignText

/// "Did you mean" suggestions for misspelt keys, ids and names.
public enum Suggestion {
    /// The closest candidate within a small edit distance, or nil when nothing is close
    /// enough to be a plausible typo (so that suggestions never look random).
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String?
    where S.Element == String {
        let limit = word.count <= 3 ? 1 : (word.count <= 6 ? 2 : 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// ` (did you mean 'x'?)` or the empty string, ready to append to a message.
    public static func hint<S: Sequence>(for word: String, among candidates: S) -> String
    where S.Element == String {
        guard let match = closest(to: word, among: candidates) else { return "" }
        return Phrase.checkDidYouMean.text(match)
    }

    /// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions,
    /// which are the most common typing slip ("budegt").
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previousPrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[y.count]
    }
}
