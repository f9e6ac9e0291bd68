import Foundation

/// The Unicode half of normalisation: NFKC, removal of invisible characters, folding of
/// lookalike letters to ASCII and removal of piled-up combining marks ("zalgo" text).
///
/// Pure ASCII text passes through untouched and without allocation. Lookalikes of a script
/// (Cyrillic, Greek, …) are folded inside words that also hold Latin letters, and everywhere when
/// the text shows no letter of that script that could not pass for Latin, so that Russian or
/// Greek prose stays readable while "рiре bоmb" in Cyrillic lookalikes becomes "pipe bomb".
struct ScriptFolding {
    /// The folded text.
    var text: String
    /// The steps that changed something, in order: "nfkc", "invisible_removed",
    /// "homoglyphs_folded", "combining_marks_removed".
    var steps: [String] = []
    /// ASCII hidden in Unicode tag characters, when there was any.
    var hidden: String?

    init(_ input: String) {
        text = input
        guard !Self.isASCII(input) else { return }
        var composed = input
        if !Self.isNFKCStable(input) {
            composed = Self.nfkc(input)
            if !composed.utf8.elementsEqual(input.utf8) { steps.append("nfkc") }
        }
        let needsFolding = composed.unicodeScalars.contains {
            Invisibles.isInvisible($0) || Confusables.ascii(for: $0) != nil || Lookalikes.isMark($0)
        }
        guard needsFolding else {
            text = composed
            return
        }
        var hiddenBytes: [UInt8] = []
        let visible = Self.removingInvisibles(Array(composed.unicodeScalars), hidden: &hiddenBytes)
        if visible.count != composed.unicodeScalars.count { steps.append("invisible_removed") }
        if hiddenBytes.count >= 4 { hidden = String(decoding: hiddenBytes, as: UTF8.self) }
        let folded = Lookalikes.fold(visible, genuine: Self.genuineScripts(in: visible))
        if folded.foldedLookalikes { steps.append("homoglyphs_folded") }
        if folded.removedMarks { steps.append("combining_marks_removed") }
        if !steps.isEmpty { text = folded.text }
    }

    /// Whether `text` is pure ASCII, checked eight bytes at a time.
    private static func isASCII(_ text: String) -> Bool {
        let contiguous = text.utf8.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var bits: UInt64 = 0
            var offset = 0
            while offset + 8 <= raw.count {
                bits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < raw.count {
                bits |= UInt64(raw[offset])
                offset += 1
            }
            return bits & 0x8080_8080_8080_8080 == 0
        }
        return contiguous ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether NFKC leaves `scalar` alone whatever surrounds it: ASCII, and the letters,
    /// punctuation and symbols of common scripts that have no compatibility mapping and never
    /// compose (every combining mark is left out). A quick check that spares ordinary French,
    /// Russian, Chinese or emoji text the cost of a full normalisation.
    @inline(__always)
    private static func isNFKCStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0xA8, 0xAA, 0xAF, 0xB2...0xB5, 0xB8...0xBA, 0xBC...0xBE, 0x132, 0x133, 0x13F,
            0x140, 0x149, 0x17F, 0x1C4...0x1CC, 0x1F1...0x1F3:
            return false
        case 0x00...0x24F,  // Latin
            0x386, 0x388...0x3CE, 0x400...0x482, 0x48A...0x4FF,  // Greek, Cyrillic
            0x5D0...0x5EA, 0x621...0x64A,  // Hebrew, Arabic letters
            0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2020...0x2022, 0x2030,
            0x20AC, 0x2190...0x222B, 0x222E, 0x2231...0x225F, 0x2264...0x22FF, 0x2500...0x27BF,
            0x3001, 0x3002, 0x3008...0x3011, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC,  // kana
            0x4E00...0x9FFF, 0xAC00...0xD7A3,  // CJK ideographs, Hangul syllables
            0x200D, 0xFE0E, 0xFE0F, 0x1F300...0x1FAFF:  // emoji
            return true
        default:
            return false
        }
    }

    /// Whether NFKC (as ``nfkc(_:)`` applies it) leaves `text` as it is, by ``isNFKCStable(_:)``.
    private static func isNFKCStable(_ text: String) -> Bool {
        var cjk = false
        var cjkPunctuation = false
        for scalar in text.unicodeScalars {
            if isCJKPunctuation(scalar) {
                cjkPunctuation = true
            } else if !isNFKCStable(scalar) {
                return false
            } else if isCJK(scalar) {
                cjk = true
            }
        }
        return cjk || !cjkPunctuation
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x2E80...0x9FFF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value)
    }

    /// Fullwidth punctuation and the ideographic space: the ordinary punctuation of CJK text.
    private static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        default: return false
        }
    }

    /// NFKC, except for fullwidth punctuation in text that holds CJK: there it is the ordinary
    /// punctuation of the language and folding it reveals nothing.
    private static func nfkc(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isCJK) else {
            return text.precomposedStringWithCompatibilityMapping
        }
        var result = ""
        var chunk = String.UnicodeScalarView()
        func flush() {
            guard !chunk.isEmpty else { return }
            result += String(chunk).precomposedStringWithCompatibilityMapping
            chunk = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isCJKPunctuation(scalar) {
                flush()
                result.unicodeScalars.append(scalar)
            } else {
                chunk.append(scalar)
            }
        }
        flush()
        return result
    }

    /// `scalars` without invisible characters; ASCII hidden in tag characters goes to `hidden`.
    private static func removingInvisibles(
        _ scalars: [Unicode.Scalar], hidden: inout [UInt8]
    ) -> [Unicode.Scalar] {
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let flag = Invisibles.flagSequenceLength(at: index, in: scalars)
            if flag > 0 {
                kept.append(contentsOf: scalars[index..<index + flag])
                index += flag
                continue
            }
            let scalar = scalars[index]
            if !Invisibles.isInvisible(scalar) || Invisibles.keepsJoiner(at: index, in: scalars) {
                kept.append(scalar)
            } else if let ascii = Invisibles.taggedASCII(scalar) {
                hidden.append(ascii)
            }
            index += 1
        }
        return kept
    }

    /// The scripts that hold a letter which is not a lookalike: the text is really written in them.
    private static func genuineScripts(in scalars: [Unicode.Scalar]) -> Set<Confusables.Script> {
        var genuine: Set<Confusables.Script> = []
        for scalar in scalars where !scalar.isASCII {
            let script = Confusables.script(of: scalar)
            if script != .latin, !genuine.contains(script), Confusables.ascii(for: scalar) == nil,
                scalar.properties.isAlphabetic, !Lookalikes.isMark(scalar)
            {
                genuine.insert(script)
            }
        }
        return genuine
    }
}
