import Foundation

/// Folds lookalike letters to ASCII word by word, and strips combining marks piled on letters.
enum Lookalikes {
    /// The folded text of `scalars` and what changed. A lookalike is folded when it is a Latin
    /// one (small capitals, phonetic letters), when its word also holds Latin letters, or when
    /// its script is not in `genuine`. Marks go when they sit on an ASCII letter (NFKC already
    /// composed every accent that a language uses) or pile up two or more on a Latin letter.
    static func fold(
        _ scalars: [Unicode.Scalar], genuine: Set<Confusables.Script>
    ) -> (text: String, foldedLookalikes: Bool, removedMarks: Bool) {
        var output = String.UnicodeScalarView()
        var foldedLookalikes = false
        var removedMarks = false
        var afterASCII = false
        var plainLetters: [Unicode.Scalar: Unicode.Scalar?] = [:]  // asciiBase(of:), remembered
        func plainLetter(_ letter: Unicode.Scalar) -> Unicode.Scalar? {
            if let known = plainLetters[letter] { return known }
            let plain = asciiBase(of: letter)
            plainLetters[letter] = plain
            return plain
        }
        var index = 0
        while index < scalars.count {
            if isMark(scalars[index]), afterASCII {
                removedMarks = true  // marks on a space or on punctuation
                index += 1
                continue
            }
            guard isWordScalar(scalars[index]) else {
                output.append(scalars[index])
                afterASCII = scalars[index].isASCII
                index += 1
                continue
            }
            var end = index
            var hasLatin = false
            while end < scalars.count, isWordScalar(scalars[end]) {
                hasLatin = hasLatin || isLatin(scalars[end])
                end += 1
            }
            while index < end {
                var base = scalars[index]
                var marksEnd = index + 1
                while marksEnd < end, isMark(scalars[marksEnd]) { marksEnd += 1 }
                if let ascii = Confusables.ascii(for: base) {
                    let script = Confusables.script(of: base)
                    if script == .latin || hasLatin || !genuine.contains(script) {
                        base = Unicode.Scalar(ascii)
                        foldedLookalikes = true
                    }
                }
                let marks = marksEnd - index - 1
                if marks > 0, !isMark(base) {
                    if base.isASCII {
                        removedMarks = true
                    } else if marks >= 2, let plain = plainLetter(base) {
                        base = plain
                        removedMarks = true
                    } else {
                        marksEnd = index + 1
                    }
                }
                output.append(base)
                afterASCII = base.isASCII
                index = marksEnd
            }
        }
        return (String(output), foldedLookalikes, removedMarks)
    }

    /// Combining marks that can be stacked on letters to disguise them.
    @inline(__always)
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x0483...0x0489, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF,
            0xFE20...0xFE2F:
            return true
        default:
            return false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return EnglishLexicon.code(byte) != 0 || (0x30...0x39).contains(byte)
        }
        return isMark(scalar) || scalar.properties.isAlphabetic
            || Confusables.ascii(for: scalar) != nil
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return true
        default:
            return Confusables.ascii(for: scalar) != nil && Confusables.script(of: scalar) == .latin
        }
    }

    /// The ASCII letter under an accented Latin letter ("á" → "a"), or nil.
    private static func asciiBase(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0xC0...0x24F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value),
            let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
            first.isASCII
        else { return nil }
        return first
    }
}
