/// "Did you mean …?" for configuration and policy files: the candidate nearest to a mistyped
/// word, when it is near enough to be a likely typo.
public enum SpellingSuggestion {
    /// The candidate within an edit distance of max(2, a third of the word), ignoring case; `nil`
    /// when none is that close.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let word = word.lowercased()
        return candidates
            .map { ($0, editDistance(word, $0.lowercased())) }
            .filter { $0.1 <= max(2, word.count / 3) }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance between two strings, by characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
