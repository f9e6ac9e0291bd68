/// Joins letters that were spaced out to slip past word-based filters: "h o w  t o  m a k e" (a
/// single space inside words, two or more between them), "b.o.m.b", "b-o-m-b", "b_o_m_b".
///
/// A region is joined only when it holds a run of at least three single characters separated by
/// one and the same separator, and at least half of its characters are letters, so "e.g.",
/// "1 2 3" or "a + b" stay as written. A region without visible word gaps ("h o w t o m a k e …")
/// is split back into words with the built-in lexicon where that explains most of its letters.
enum SpacedLetters {
    /// `bytes` (UTF-8) with spaced-out regions joined, or nil when there were none.
    static func join(_ bytes: [UInt8]) -> [UInt8]? {
        let runs = findRuns(bytes)
        guard runs.contains(where: { $0.count >= 3 }) else { return nil }
        var output: [UInt8] = []
        var copied = 0
        var first = 0
        while first < runs.count {
            var last = first
            while last + 1 < runs.count, continues(runs[last], with: runs[last + 1], in: bytes) {
                last += 1
            }
            let region = runs[first...last]
            let characters = region.reduce(0) { $0 + $1.count }
            let letters = region.reduce(0) { $0 + $1.letters }
            if region.contains(where: { $0.count >= 3 }), letters * 2 >= characters {
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output.append(contentsOf: bytes[copied..<region.first!.start])
                emit(region, from: bytes, into: &output)
                copied = region.last!.end
            }
            first = last + 1
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// Single ASCII letters or digits separated by one separator: [start, end) in the bytes.
    private struct Run {
        var start: Int
        var end: Int
        var separator: UInt8?
        var count: Int
        var letters: Int
    }

    private static func findRuns(_ bytes: [UInt8]) -> [Run] {
        var runs: [Run] = []
        var index = 0
        while index < bytes.count {
            guard isSingle(bytes, index) else {
                index += 1
                continue
            }
            var run = extendRun(from: index, in: bytes)
            let end = run.end
            if run.count == 2, end + 3 < bytes.count, isSeparator(bytes[end]),
                bytes[end] != run.separator, bytes[end + 2] == bytes[end],
                isSingle(bytes, end + 1), isSingle(bytes, end + 3)
            {
                // "I m.a.k.e": the second character starts a longer run with another separator.
                run = extendRun(from: index, in: bytes, upTo: 1)
            }
            runs.append(run)
            index = run.end
        }
        return runs
    }

    /// The run of at most `limit` characters that starts with the single character at `start`.
    private static func extendRun(
        from start: Int, in bytes: [UInt8], upTo limit: Int = .max
    ) -> Run {
        var run = Run(start: start, end: start + 1, separator: nil, count: 1, letters: 0)
        if isLetter(bytes[start]) { run.letters = 1 }
        while run.count < limit, run.end + 1 < bytes.count, isSeparator(bytes[run.end]),
            run.separator == nil || run.separator == bytes[run.end], isSingle(bytes, run.end + 1)
        {
            run.separator = bytes[run.end]
            run.count += 1
            if isLetter(bytes[run.end + 1]) { run.letters += 1 }
            run.end += 2
        }
        return run
    }

    /// Whether the byte at `index` is a letter or digit standing alone between non-alphanumerics.
    @inline(__always)
    private static func isSingle(_ bytes: [UInt8], _ index: Int) -> Bool {
        isAlnum(bytes[index]) && (index == 0 || !isAlnum(bytes[index - 1]))
            && (index + 1 == bytes.count || !isAlnum(bytes[index + 1]))
    }

    /// Whether `next` belongs to the same region as `run`: the same separator, and only a word gap
    /// between them (two or more spaces for space-separated letters, any whitespace otherwise).
    private static func continues(_ run: Run, with next: Run, in bytes: [UInt8]) -> Bool {
        let separator = run.separator ?? next.separator
        if let other = next.separator, other != separator { return false }
        let gap = bytes[run.end..<next.start]
        guard !gap.isEmpty, gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
        return separator != 0x20 || gap.count >= 2
    }

    /// Writes a region joined: its runs without separators, one space for each word gap.
    private static func emit(
        _ region: ArraySlice<Run>, from bytes: [UInt8], into output: inout [UInt8]
    ) {
        if region.count == 1, let run = region.first, run.count >= 8, run.letters == run.count {
            let letters = stride(from: run.start, to: run.end, by: 2).map { bytes[$0] }
            if let words = split(letters) {
                output.append(contentsOf: words)
                return
            }
        }
        for (position, run) in region.enumerated() {
            if position > 0 { output.append(0x20) }
            for index in stride(from: run.start, to: run.end, by: 2) { output.append(bytes[index]) }
        }
    }

    /// `letters` split into lexicon words with spaces between them, or nil when the lexicon
    /// explains less than three quarters of the letters. Unknown letters cost four times a word.
    private static func split(_ letters: [UInt8]) -> [UInt8]? {
        guard (1...256).contains(letters.count) else { return nil }
        let count = letters.count
        var cost = [Int](repeating: Int.max, count: count + 1)
        var from = [Int](repeating: 0, count: count + 1)
        cost[0] = 0
        for end in 1...count {
            cost[end] = cost[end - 1] + 4
            from[end] = end - 1
            for start in max(0, end - EnglishLexicon.maxLength)..<end
            where cost[start] + 1 < cost[end] && EnglishLexicon.contains(letters[start..<end]) {
                cost[end] = cost[start] + 1
                from[end] = start
            }
        }
        var pieces: [Range<Int>] = []
        var end = count
        while end > 0 {
            pieces.append(from[end]..<end)
            end = from[end]
        }
        var unknown = 0
        var words = 0
        var output: [UInt8] = []
        var previousKnown = true
        for piece in pieces.reversed() {
            let known = piece.count > 1 || EnglishLexicon.contains(letters[piece])
            if known { words += 1 } else { unknown += 1 }
            if !output.isEmpty, known || previousKnown { output.append(0x20) }
            output.append(contentsOf: letters[piece])
            previousKnown = known
        }
        return unknown * 4 <= count && words >= 2 ? output : nil
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { EnglishLexicon.code(byte) != 0 }

    @inline(__always)
    static func isAlnum(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }

    /// What spaces letters out: space, full stop, hyphen, underscore.
    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2E || byte == 0x2D || byte == 0x5F
    }
}
