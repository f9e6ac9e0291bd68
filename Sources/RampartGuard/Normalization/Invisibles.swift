/// Characters that render as nothing: zero-width spaces and joiners, bidi controls, fillers,
/// invisible operators, stray variation selectors and Unicode tag characters. They are removed
/// before classification, because they split words without changing what a reader sees.
enum Invisibles {
    /// Whether `scalar` renders as nothing (zero-width joiners included; see ``keepsJoiner``).
    @inline(__always)
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F,
            0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0D, 0xFEFF,
            0xFFA0, 0xFFF9...0xFFFB, 0x1D173...0x1D17A, 0xE0000...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    /// Whether a zero-width joiner or non-joiner at `index` does real work and stays: between two
    /// characters of scripts that use joiners (Arabic, Persian, Indic) or in an emoji sequence.
    /// Next to ASCII or a lookalike it only splits a word, and goes.
    static func keepsJoiner(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[index].value == 0x200C || scalars[index].value == 0x200D,
            index > 0, index + 1 < scalars.count
        else { return false }
        func joins(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x0590 && !isInvisible(scalar) && Confusables.ascii(for: scalar) == nil
        }
        return joins(scalars[index - 1]) && joins(scalars[index + 1])
    }

    /// The ASCII character a tag character (U+E0020–U+E007E) stands for, or nil. Tag characters
    /// can carry a whole hidden instruction ("ASCII smuggling").
    @inline(__always)
    static func taggedASCII(_ scalar: Unicode.Scalar) -> UInt8? {
        (0xE0020...0xE007E).contains(scalar.value) ? UInt8(scalar.value - 0xE0000) : nil
    }

    /// The length of the emoji tag sequence that starts at `index` (a black flag, tag letters or
    /// digits, a cancel tag: the flags of England, Scotland, Wales), or 0 when there is none.
    static func flagSequenceLength(at index: Int, in scalars: [Unicode.Scalar]) -> Int {
        guard scalars[index].value == 0x1F3F4 else { return 0 }
        var end = index + 1
        while end < scalars.count, end - index <= 8 {
            switch scalars[end].value {
            case 0xE0030...0xE0039, 0xE0061...0xE007A: end += 1
            case 0xE007F: return end > index + 1 ? end + 1 - index : 0
            default: return 0
            }
        }
        return 0
    }
}
