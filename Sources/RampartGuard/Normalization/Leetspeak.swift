/// Folds leetspeak ("m4k3", "b0mb", "h4x0r", "p@$$w0rd") back to letters, only inside words that
/// mix letters with leet digits or symbols, so that "in 2024 I paid $5" stays as written.
///
/// A word is folded when its reading is in the lexicon, or when it holds at least two leet digits
/// and one group of them sits between letters ("m4k3", "s3cr3t"). Version-like and hex-like words
/// ("mp3", "x86", "10th", "v1beta1", "3fa9c0d1e2"), words longer than 20 characters or with
/// random capitals (tokens, keys) and words with digits that no letter hides behind (2, 6, 8, 9)
/// are left alone. Once a text has a folded word, short leet words that read as lexicon words
/// ("d0", a lone "4") are folded too: "h0w d0 I m4k3 4 b0mb" becomes "how do I make a bomb".
enum Leetspeak {
    /// `bytes` (UTF-8) with leetspeak folded, or nil when nothing was.
    static func fold(_ bytes: [UInt8]) -> [UInt8]? {
        var folds: [(range: Range<Int>, letters: [UInt8])] = []
        var confident = false
        var index = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else {
                index += 1
                continue
            }
            var end = index
            var hasLeet = false
            while end < bytes.count, isWordByte(bytes[end]) {
                hasLeet = hasLeet || reading(of: bytes[end]) != nil
                end += 1
            }
            if hasLeet, let fold = reading(ofWord: bytes, index..<end) {
                folds.append((fold.range, fold.letters))
                confident = confident || fold.confident
            }
            index = end
        }
        guard confident else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for fold in folds {
            output.append(contentsOf: bytes[copied..<fold.range.lowerBound])
            output.append(contentsOf: fold.letters)
            copied = fold.range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// The letter a leet digit or symbol stands for ("1" reads as "i" here; see ``readings``).
    @inline(__always)
    private static func reading(of byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30: return 0x6F  // 0 → o
        case 0x31: return 0x69  // 1 → i (or l)
        case 0x33: return 0x65  // 3 → e
        case 0x34: return 0x61  // 4 → a
        case 0x35: return 0x73  // 5 → s
        case 0x37: return 0x74  // 7 → t
        case 0x40: return 0x61  // @ → a
        case 0x24: return 0x73  // $ → s
        case 0x21: return 0x69  // ! → i
        case 0x7C: return 0x6C  // | → l
        default: return nil
        }
    }

    /// The folding of the word in `range` (its core, without leading or trailing symbols), or nil.
    /// A folding is confident when it does not need another one in the text to be trusted.
    private static func reading(
        ofWord bytes: [UInt8], _ range: Range<Int>
    ) -> (range: Range<Int>, letters: [UInt8], confident: Bool)? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isSymbol(bytes[start]) { start += 1 }
        while end > start, isSymbol(bytes[end - 1]) { end -= 1 }
        let core = bytes[start..<end]
        let email = core.contains(0x40) && end < bytes.count && bytes[end] == 0x2E
        guard (1...20).contains(core.count), !email, let shape = Shape(core), shape.mayBeLeet(core)
        else { return nil }
        let upper = shape.letters > 0 && shape.uppercase == shape.letters
        let readings = readings(of: core)
        if let word = readings.first(where: { EnglishLexicon.contains($0) }) {
            return (start..<end, cased(word, upper: upper), shape.letters >= 2)
        }
        guard shape.letters >= 2, shape.digits >= 2, shape.interior else { return nil }
        return (start..<end, cased(readings[0], upper: upper), true)
    }

    /// What a word is made of.
    private struct Shape {
        var letters = 0
        var uppercase = 0
        var leet = 0
        var digits = 0
        /// Only hex digits and the letters a to f.
        var hexOnly = true
        /// Leet characters sit between letters somewhere, as in "m4k3".
        var interior = false
        /// Capitals right after small letters: "jVmNHl" is a token or a key, not leetspeak.
        var caseChanges = 0

        /// The shape of `core`, or nil when it holds a digit that no letter hides behind (2, 6,
        /// 8, 9) or a character outside ASCII.
        init?(_ core: ArraySlice<UInt8>) {
            var groupAfterLetter = false
            var previous: UInt8 = 0
            for byte in core {
                if isLetter(byte) {
                    letters += 1
                    if byte < 0x61 {
                        uppercase += 1
                        if previous >= 0x61 && isLetter(previous) { caseChanges += 1 }
                    }
                    if (byte | 0x20) > 0x66 { hexOnly = false }
                    interior = interior || groupAfterLetter
                    groupAfterLetter = false
                } else if reading(of: byte) != nil {
                    leet += 1
                    if (0x30...0x39).contains(byte) { digits += 1 } else { hexOnly = false }
                    if isLetter(previous) { groupAfterLetter = true }
                } else {
                    return nil
                }
                previous = byte
            }
        }

        /// Whether a word of this shape could be leetspeak rather than a number, a version, a
        /// hex string or a token.
        func mayBeLeet(_ core: ArraySlice<UInt8>) -> Bool {
            guard leet > 0, caseChanges < 2, !(hexOnly && core.count >= 8) else { return false }
            guard core.count > 1 else { return true }
            let first = core[core.startIndex]
            let second = core[core.startIndex + 1]
            let hexLiteral = first == 0x30 && second | 0x20 == 0x78  // 0x1f
            let version = first | 0x20 == 0x76 && (0x30...0x39).contains(second)  // v1beta1
            return !hexLiteral && !version
        }
    }

    /// The readings of a word: first with each "1" read as "l" next to another "1" and as "i"
    /// elsewhere, then (up to three of them) every other choice between "i" and "l".
    private static func readings(of core: ArraySlice<UInt8>) -> [[UInt8]] {
        var base = core.map { reading(of: $0) ?? $0 }
        let ones = core.indices.filter { core[$0] == 0x31 }
        for index in ones {
            let besideOne = (index > core.startIndex && core[index - 1] == 0x31)
                || (index + 1 < core.endIndex && core[index + 1] == 0x31)
            if besideOne { base[index - core.startIndex] = 0x6C }
        }
        guard (1...3).contains(ones.count) else { return [base] }
        var all = [base]
        for mask in 0..<(1 << ones.count) {
            var candidate = base
            for (bit, index) in ones.enumerated() {
                candidate[index - core.startIndex] = mask & (1 << bit) != 0 ? 0x6C : 0x69
            }
            if candidate != base { all.append(candidate) }
        }
        return all
    }

    private static func cased(_ letters: [UInt8], upper: Bool) -> [UInt8] {
        upper ? letters.map { isLetter($0) ? $0 & ~0x20 : $0 } : letters
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { EnglishLexicon.code(byte) != 0 }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || isSymbol(byte) || byte >= 0x80
    }

    @inline(__always)
    private static func isSymbol(_ byte: UInt8) -> Bool {
        byte == 0x40 || byte == 0x24 || byte == 0x21 || byte == 0x7C
    }
}
