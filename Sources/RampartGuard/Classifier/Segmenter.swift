/// Splits a long text into passages that are scored on their own as well as whole, so that one
/// instruction hidden in a long document or table is not drowned out by the rest of it.
///
/// Passages are runs of lines (or, for long lines, sentences) of at most ``maxWords`` words.
/// Texts of ``minCharacters`` or fewer are not split.
enum Segmenter {
    static let minCharacters = 280
    static let maxWords = 48
    /// Passages per text at most (the first ones), to bound the work on huge inputs.
    static let maxPassages = 64

    static func passages(of text: String) -> [Substring] {
        guard text.utf8.count > minCharacters else { return [] }
        var pieces: [Substring] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
            if wordCount(line) <= maxWords {
                pieces.append(line)
            } else {
                pieces += sentences(of: line)
            }
            if pieces.count >= maxPassages * 4 { break }
        }
        var passages: [Substring] = []
        var start: Substring.Index?
        var end: Substring.Index?
        var words = 0
        for piece in pieces {
            let count = wordCount(piece)
            if let first = start, let last = end, words + count > maxWords {
                passages.append(text[first..<last])
                start = nil
                words = 0
            }
            if start == nil { start = piece.startIndex }
            end = piece.endIndex
            words += count
            if passages.count >= maxPassages { break }
        }
        if let first = start, let last = end, passages.count < maxPassages { passages.append(text[first..<last]) }
        return passages.count > 1 ? passages : []
    }

    private static func sentences(of line: Substring) -> [Substring] {
        var result: [Substring] = []
        var sentenceStart = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let next = line.index(after: index)
            if ".!?|".contains(line[index]), next == line.endIndex || line[next] == " " {
                result.append(line[sentenceStart..<next])
                sentenceStart = next
            }
            index = next
        }
        if sentenceStart < line.endIndex { result.append(line[sentenceStart...]) }
        return result
    }

    private static func wordCount(_ text: Substring) -> Int {
        text.split(separator: " ", omittingEmptySubsequences: true).count
    }
}
