/// Splits a long text into passages that are scored on their own as well as whole, so that one
/// instruction hidden in a long document or table is not drowned out by the rest of it.
///
/// Passages are runs of lines (or, for long lines, sentences) of at most ``maxWords`` words.
/// Texts of ``minCharacters`` UTF-8 bytes or fewer are not split. The scan works on UTF-8 bytes
/// and cuts only at ASCII separators, so it is linear and allocates only the result.
enum Segmenter {
    static let minCharacters = 280
    static let maxWords = 48
    /// Passages per text at most (the first ones), to bound the work on huge inputs.
    static let maxPassages = 64

    static func passages(of text: String) -> [Substring] {
        guard text.utf8.count > minCharacters else { return [] }
        var ranges: [Range<Int>] = []
        var text = text
        text.withUTF8 { bytes in ranges = passageRanges(bytes) }
        guard ranges.count > 1 else { return [] }
        let utf8 = text.utf8
        return ranges.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            return text[start..<end]
        }
    }

    /// Byte ranges of the passages: pieces (lines, or sentences of long lines) joined while they fit.
    private static func passageRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var passages: [Range<Int>] = []
        var passageStart = -1
        var passageEnd = 0
        var passageWords = 0
        func take(_ piece: Range<Int>, words: Int) {
            guard words > 0, passages.count < maxPassages else { return }
            if passageStart >= 0, passageWords + words > maxWords {
                passages.append(passageStart..<passageEnd)
                passageStart = -1
                passageWords = 0
            }
            if passageStart < 0 { passageStart = piece.lowerBound }
            passageEnd = piece.upperBound
            passageWords += words
        }
        var lineStart = 0
        var index = 0
        while index <= bytes.count, passages.count < maxPassages {
            if index == bytes.count || bytes[index] == 0x0A {
                let line = lineStart..<index
                let words = wordCount(bytes, line)
                if words <= maxWords {
                    take(line, words: words)
                } else {
                    for sentence in sentenceRanges(bytes, line) { take(sentence, words: wordCount(bytes, sentence)) }
                }
                lineStart = index + 1
            }
            index += 1
        }
        if passageStart >= 0, passages.count < maxPassages { passages.append(passageStart..<passageEnd) }
        return passages
    }

    /// Sentences of a line: cut after `.`, `!`, `?` or `|` followed by a space or the line's end.
    private static func sentenceRanges(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = line.lowerBound
        for index in line where Self.endsSentence(bytes[index]) {
            let next = index + 1
            if next == line.upperBound || bytes[next] == 0x20 {
                result.append(start..<next)
                start = next
            }
        }
        if start < line.upperBound { result.append(start..<line.upperBound) }
        return result
    }

    /// `.`, `!`, `?` or `|`.
    @inline(__always) private static func endsSentence(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x7C
    }

    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var words = 0
        var inWord = false
        for index in range {
            let isSpace = bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D
            if !isSpace && !inWord { words += 1 }
            inWord = !isSpace
        }
        return words
    }
}
