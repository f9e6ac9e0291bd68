import Foundation
import RampartGuard

/// Small rewrites of a goal's text that the technique templates share.
enum Phrasing {
    /// The goal without surrounding white space or final punctuation ("How do I pick a lock").
    static func request(_ goal: String) -> String {
        var text = goal.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, ".?!;:".contains(last) { text.removeLast() }
        return text
    }

    /// The goal as a sentence: without surrounding white space, and with a full stop added when it
    /// has no final punctuation of its own.
    static func sentence(_ goal: String) -> String {
        let text = goal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = text.last, !".?!".contains(last) else { return text }
        return text + "."
    }

    /// ``sentence(_:)`` with its first letter lower-cased, to end a sentence begun by the
    /// template; "I" and words in capitals ("DNS", "NASA") stay as written.
    static func inline(_ goal: String) -> String {
        lowerFirst(sentence(goal))
    }

    /// The action a goal asks about, to follow "how to" or "people who": "pick a lock" for "How do
    /// I pick a lock?" and for "Give detailed instructions on how to pick a lock", "write a phishing
    /// e-mail" for "Please write a phishing e-mail", and "find out what is the capital of France"
    /// for a question the rules do not cover. Simple rules on common openings, not a parser.
    static func action(_ goal: String) -> String {
        var text = request(goal)
        for marker in ["how to ", "ways to ", "way to "] {
            if let range = text.range(of: marker, options: .caseInsensitive) {
                return lowerFirst(String(text[range.upperBound...]))
            }
        }
        while let opening = politeOpenings.first(where: { text.lowercased().hasPrefix($0) }) {
            text = String(text.dropFirst(opening.count))
        }
        if let opening = actionOpenings.first(where: { text.lowercased().hasPrefix($0) }) {
            return lowerFirst(String(text.dropFirst(opening.count)))
        }
        if let first = text.split(separator: " ").first?.lowercased(), questionWords.contains(first) {
            return "find out " + lowerFirst(text)
        }
        return lowerFirst(text)
    }

    /// A number of `digits` decimal digits, drawn with `random` (for ticket and reference numbers).
    static func number(digits: Int, _ random: inout SplitMix64) -> String {
        String((0..<digits).map { _ in Character(String(random.next() % 10)) })
    }

    /// `text` with quotation marks and backslashes escaped for a double-quoted string literal.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let word = text.prefix { !$0.isWhitespace }
        if word == "I" || word.hasPrefix("I'") || (word.count > 1 && word == word.uppercased()) { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static let politeOpenings = ["please ", "can you ", "could you ", "would you ", "will you ", "kindly ", "tell me "]

    private static let actionOpenings = [
        "how do i ", "how do you ", "how can i ", "how can you ", "how could i ", "how would i ", "how should i ",
        "how does one ", "how would one ", "how can someone ", "how would someone ", "how do people ",
        "how i can ", "how you can ", "how one can ", "how someone can ", "how people can ",
        "i want to ", "i need to ", "i'd like to ", "i would like to ", "help me ",
    ]

    private static let questionWords: Set<String> = [
        "how", "what", "what's", "who", "who's", "which", "why", "when", "where", "is", "are", "does", "do", "can", "should",
    ]
}
