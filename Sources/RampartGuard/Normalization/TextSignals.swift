/// One cheap pass over a text's bytes that tells which of the costlier steps could change or find
/// anything, so that ordinary prose skips them. Each signal is looser than the step it guards: a
/// step that is skipped would have found nothing.
struct TextSignals {
    /// Three single letters or digits in a row, each pair split by one separator ("h o w",
    /// "b.o.m"): spacing. ("e.g." has two, so abbreviations do not count.)
    var spaced = false
    /// A word that mixes letters with leet digits or symbols ("m4k3"): leetspeak. A "!" counts only
    /// inside a word ("h!gh"): after one ("thanks!") it is punctuation.
    var leet = false
    /// Sixteen or more base64 characters in a row.
    var base64 = false
    /// Sixteen or more hex digits in a row, "\x" or "0x", or four hex pairs separated by one
    /// space, comma, colon or hyphen.
    var hex = false
    /// A "%" followed by a hex digit.
    var percent = false

    init(_ bytes: [UInt8]) {
        Self.classes.withUnsafeBufferPointer { classes in
            bytes.withUnsafeBufferPointer { scan($0, classes) }
        }
    }

    // Byte classes, one bit each.
    private static let letter: UInt8 = 1
    private static let digit: UInt8 = 2
    private static let hexLetter: UInt8 = 4
    private static let base64Symbol: UInt8 = 8  // + / - _
    private static let leetSymbol: UInt8 = 16  // @ $ ! |
    private static let spacer: UInt8 = 32  // what spaces out letters: space . - _
    private static let pairSeparator: UInt8 = 64  // what separates hex pairs: space , : -
    private static let nonASCII: UInt8 = 128

    private static let classes: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        var bits: UInt8 = 0
        if EnglishLexicon.code(byte) != 0 { bits |= letter }
        if (0x30...0x39).contains(byte) { bits |= digit }
        if (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) { bits |= hexLetter }
        if "+/-_".utf8.contains(byte) { bits |= base64Symbol }
        if "@$!|".utf8.contains(byte) { bits |= leetSymbol }
        if " .-_".utf8.contains(byte) { bits |= spacer }
        if " ,:-".utf8.contains(byte) { bits |= pairSeparator }
        if byte >= 0x80 { bits |= nonASCII }
        return bits
    }

    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, _ classes: UnsafeBufferPointer<UInt8>
    ) {
        let alnum = Self.letter | Self.digit
        let hexDigit = Self.digit | Self.hexLetter
        let leetWord = alnum | Self.leetSymbol | Self.nonASCII
        var tokenLength = 0  // letters and digits in a row
        var tokenHex = true
        var singles = 0  // single letters or digits in a row, one separator apart
        var continuing = false  // a single one and one spacer just before: the run may go on
        var bang = false  // a "!" just before, inside a word
        var wordClasses: UInt8 = 0  // the classes seen in the current leetspeak word
        var base64Run = 0
        var hexRun = 0
        var pairs = 0
        var previous: UInt8 = 0
        // The findings, in locals while scanning (kept in registers), stored at the end.
        var (spaced, leet, base64, hex, percent) = (false, false, false, false, false)
        defer { (self.spaced, self.leet, self.base64, self.hex, self.percent) = (spaced, leet, base64, hex, percent) }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            // Fast path, most of prose: a small letter right after one only lengthens the word.
            // Nothing else can change: no "!", "%", "0" or "\\" just before, and the word's
            // classes (letters, digits, leet symbols) are those the last byte was checked with.
            if byte &- 0x61 < 26, previous &- 0x61 < 26 {
                tokenLength += 1
                let isHex = byte <= 0x66
                tokenHex = tokenHex && isHex
                hexRun = isHex ? hexRun + 1 : 0
                if hexRun >= 16 { hex = true }
                wordClasses |= classes[Int(byte)]
                base64Run += 1
                if base64Run >= 16 { base64 = true }
                previous = byte
                continue
            }
            let bits = classes[Int(byte)]
            if bits & alnum != 0 {
                if bang { wordClasses |= Self.leetSymbol }
                tokenLength += 1
                let isHex = bits & hexDigit != 0
                tokenHex = tokenHex && isHex
                hexRun = isHex ? hexRun + 1 : 0
                if hexRun >= 16 { hex = true }
                if byte | 0x20 == 0x78, previous == 0x30 || previous == 0x5C { hex = true }
                if previous == 0x25, isHex { percent = true }
            } else {
                singles = tokenLength == 1 ? (continuing ? singles + 1 : 1) : 0
                if singles >= 3 { spaced = true }
                continuing = tokenLength == 1 && bits & Self.spacer != 0
                let hexPair = tokenLength == 2 && tokenHex && bits & Self.pairSeparator != 0
                pairs = hexPair ? pairs + 1 : 0
                if pairs >= 4 { hex = true }
                tokenLength = 0
                tokenHex = true
                hexRun = 0
            }
            bang = byte == 0x21 && wordClasses != 0
            wordClasses = bang ? wordClasses : (bits & leetWord != 0 ? wordClasses | bits : 0)
            if wordClasses & Self.letter != 0, wordClasses & (Self.digit | Self.leetSymbol) != 0 {
                leet = true
            }
            base64Run = bits & (alnum | Self.base64Symbol) != 0 ? base64Run + 1 : 0
            if base64Run >= 16 { base64 = true }
            previous = byte
        }
        if tokenLength == 1, continuing, singles >= 2 { spaced = true }
    }
}
