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

    /// Byte ranges of the passages: pieces (lines, or sentences of long lines) joined while they
    /// fit. One pass: the sentences of the current line are noted as it is read, and used only if
    /// the whole line turns out too long.
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
        var sentences: [(range: Range<Int>, words: Int)] = []
        var lineStart = 0
        var lineWords = 0
        var sentenceStart = 0
        var sentenceWords = 0
        var inWord = false
        var index = 0
        let count = bytes.count
        while index <= count, passages.count < maxPassages {
            let byte: UInt8 = index < count ? bytes[index] : 0x0A
            if byte == 0x0A {
                if lineWords <= maxWords {
                    take(lineStart..<index, words: lineWords)
                } else {
                    for sentence in sentences { take(sentence.range, words: sentence.words) }
                    if sentenceStart < index { take(sentenceStart..<index, words: sentenceWords) }
                }
                sentences.removeAll(keepingCapacity: true)
                lineStart = index + 1
                sentenceStart = index + 1
                lineWords = 0
                sentenceWords = 0
                inWord = false
                index += 1
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord {
                lineWords += 1
                sentenceWords += 1
            }
            inWord = !isSpace
            // A sentence ends after `.`, `!`, `?` or `|` followed by a space or the line's end.
            if endsSentence(byte), index + 1 == count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A {
                sentences.append((sentenceStart..<(index + 1), sentenceWords))
                sentenceStart = index + 1
                sentenceWords = 0
            }
            index += 1
        }
        if passageStart >= 0, passages.count < maxPassages { passages.append(passageStart..<passageEnd) }
        return passages
    }

    /// `.`, `!`, `?` or `|`.
    @inline(__always) private static func endsSentence(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x7C
    }
}
