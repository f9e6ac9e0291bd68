/// Characters that look like ASCII letters or digits, and the ASCII they are read as.
///
/// Written for Rampart after the spirit of Unicode's confusables data (UTS #39), restricted to
/// what is used to disguise English words: Cyrillic, Greek, Armenian and Cherokee lookalikes,
/// Latin small capitals and phonetic letters, and enclosed letters that NFKC leaves alone
/// (regional indicators are left out: in pairs they are flags). Fullwidth, mathematical and
/// circled letters need no entry: NFKC folds them first. Accented Latin letters and letters that
/// an orthography uses (ı, ß, ø, ɛ, ɓ …) are deliberately absent, so that French, German or
/// Turkish stays as written.
enum Confusables {
    /// The scripts whose lookalikes are folded only where the text shows no sign of really being
    /// written in that script (see ``ScriptFolding``).
    enum Script {
        case latin, cyrillic, greek, armenian, cherokee
    }

    /// The ASCII that `scalar` is read as, or nil when it is not a lookalike.
    @inline(__always)
    static func ascii(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        switch value {
        case 0x1F130...0x1F149: return UInt8(0x41 + value - 0x1F130)  // squared A–Z
        case 0x1F150...0x1F169: return UInt8(0x41 + value - 0x1F150)  // negative circled A–Z
        case 0x1F170...0x1F189: return UInt8(0x41 + value - 0x1F170)  // negative squared A–Z
        default: return inTableRanges(value) ? table[value] : nil
        }
    }

    /// The ranges the table's lookalikes lie in, which spare every other character a lookup.
    @inline(__always)
    private static func inTableRanges(_ value: UInt32) -> Bool {
        switch value {
        case 0x250..<0x600, 0x13A0..<0x1400, 0x1D00..<0x1D80, 0xA700..<0xA800: return true
        default: return false
        }
    }

    /// The script a lookalike belongs to; scalars outside the table's scripts count as Latin.
    static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return .greek
        case 0x0530...0x058F: return .armenian
        case 0x13A0...0x13FF, 0xAB70...0xABBF: return .cherokee
        default: return .latin
        }
    }

    /// Pairs of (lookalike, ASCII), one script a line.
    private static let pairs = """
    аa вB еe оo рp сc уy хx ѕs іi јj ԁd ԛq ԝw һh ӏl ɡg з3 б6 ьb
    АA ВB ЕE КK МM НH ОO РP СC ТT ХX УY ЅS ІI ЈJ ԚQ ԜW ҺH ӀI З3 Ьb ҮY ӨO
    ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ϜF
    οo νv αa ιi κk ρp τt υu χx γy ϲc ϳj εe ωw ηn μu
    օo սu հh ոn զq ցg աw
    ᎪA ᏴB ᏟC ᎠD ᎬE ᏀG ᎻH ᎥI ᏦK ᏞL ᎷM ᏢP ᏚS ᎢT ᏙV ᏔW ᏃZ
    ᴀa ʙb ᴄc ᴅd ᴇe ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz
    ɑa ɩi ɾr ʋv ɒa ɦh ʝj ɭl ɱm ɽr ʂs ʈt ʐz
    """

    private static let table: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for pair in pairs.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let scalars = Array(pair.unicodeScalars)
            assert(scalars.count == 2 && !scalars[0].isASCII && scalars[1].isASCII, "\(pair)")
            table[scalars[0].value] = UInt8(scalars[1].value)
            assert(inTableRanges(scalars[0].value), "\(pair) lies outside the table's ranges")
        }
        return table
    }()
}
