import Foundation
import RampartGuard

/// Pure text transforms that hide a request from pattern matching while leaving it readable to a
/// capable model. Used by the encoding and obfuscation techniques and as mutators; the random ones
/// are deterministic given the generator.
public enum Obfuscation {
    /// The UTF-8 bytes of `text` in standard base64 with padding.
    public static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }

    /// The UTF-8 bytes of `text` as lower-case hexadecimal pairs, without separators.
    public static func hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var scalars = String.UnicodeScalarView()
        for byte in text.utf8 {
            scalars.append(digits[Int(byte >> 4)])
            scalars.append(digits[Int(byte & 0x0F)])
        }
        return String(scalars)
    }

    /// ASCII letters rotated by 13; everything else as written. Its own inverse.
    public static func rot13(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x41...0x5A: Unicode.Scalar((scalar.value - 0x41 + 13) % 26 + 0x41)!
            case 0x61...0x7A: Unicode.Scalar((scalar.value - 0x61 + 13) % 26 + 0x61)!
            default: scalar
            }
        }))
    }

    /// International Morse code: letters (either case) and digits as dots and dashes separated by
    /// single spaces, words separated by " / ". Common punctuation is encoded too; characters
    /// Morse has no code for are dropped.
    public static func morse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace)
            .map { word in word.compactMap { morseCode[$0.lowercased()] }.joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: " / ")
    }

    /// The characters of `text` in reverse order.
    public static func reversed(_ text: String) -> String {
        String(text.reversed())
    }

    /// Letters replaced by lookalike digits and symbols ("h0w d0 1 m4k3"), each replaceable letter
    /// with probability 3/4 and a lookalike drawn from its options.
    public static func leetspeak(_ text: String, random: inout SplitMix64) -> String {
        String(text.map { character -> Character in
            guard let options = leet[character.lowercased()], random.next() % 4 != 0 else { return character }
            return random.pick(options)
        })
    }

    /// Every character followed by a space except the last ("b o m b"); a space between words
    /// becomes three.
    public static func spacedLetters(_ text: String) -> String {
        text.map(String.init).joined(separator: " ")
    }

    /// Latin letters replaced by Cyrillic or Greek lookalikes ("bоmb" with a Cyrillic о), each
    /// replaceable letter with probability 1/2 and a lookalike drawn from its options.
    public static func homoglyphs(_ text: String, random: inout SplitMix64) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            guard let options = lookalikes[scalar], random.next() % 2 == 0 else { return scalar }
            return random.pick(options)
        }))
    }

    /// A zero-width character (space, non-joiner, joiner or word joiner, drawn at random) between
    /// every two adjacent letters; removing those four characters gives `text` back.
    public static func zeroWidth(_ text: String, random: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        var previousIsLetter = false
        for scalar in text.unicodeScalars {
            let isLetter = scalar.properties.isAlphabetic
            if isLetter, previousIsLetter {
                scalars.append(random.pick(invisibles))
            }
            scalars.append(scalar)
            previousIsLetter = isLetter
        }
        return String(scalars)
    }

    /// The zero-width characters ``zeroWidth(_:random:)`` inserts.
    static let invisibles: [Unicode.Scalar] = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}"]

    /// Morse code by lower-case character.
    static let morseCode: [String: String] = [
        "a": ".-", "b": "-...", "c": "-.-.", "d": "-..", "e": ".", "f": "..-.", "g": "--.", "h": "....",
        "i": "..", "j": ".---", "k": "-.-", "l": ".-..", "m": "--", "n": "-.", "o": "---", "p": ".--.",
        "q": "--.-", "r": ".-.", "s": "...", "t": "-", "u": "..-", "v": "...-", "w": ".--", "x": "-..-",
        "y": "-.--", "z": "--..",
        "0": "-----", "1": ".----", "2": "..---", "3": "...--", "4": "....-", "5": ".....", "6": "-....",
        "7": "--...", "8": "---..", "9": "----.",
        ".": ".-.-.-", ",": "--..--", "?": "..--..", "'": ".----.", "!": "-.-.--", "-": "-....-",
        "(": "-.--.", ")": "-.--.-", ":": "---...", ";": "-.-.-.", "=": "-...-", "+": ".-.-.", "\"": ".-..-.",
        "@": ".--.-.", "&": ".-...",
    ]

    private static let leet: [String: [Character]] = [
        "a": ["4", "@"], "b": ["8"], "e": ["3"], "g": ["9"], "i": ["1", "!"], "l": ["1", "|"], "o": ["0"],
        "s": ["5", "$"], "t": ["7"], "z": ["2"],
    ]

    /// Cyrillic and Greek letters that render like the Latin key.
    private static let lookalikes: [Unicode.Scalar: [Unicode.Scalar]] = [
        "a": ["\u{0430}"], "c": ["\u{0441}", "\u{03F2}"], "e": ["\u{0435}"], "h": ["\u{04BB}"],
        "i": ["\u{0456}", "\u{03B9}"], "j": ["\u{0458}"], "o": ["\u{043E}", "\u{03BF}"], "p": ["\u{0440}", "\u{03C1}"],
        "s": ["\u{0455}"], "v": ["\u{03BD}"], "x": ["\u{0445}", "\u{03C7}"], "y": ["\u{0443}"],
        "A": ["\u{0410}", "\u{0391}"], "B": ["\u{0412}", "\u{0392}"], "C": ["\u{0421}"], "E": ["\u{0415}", "\u{0395}"],
        "H": ["\u{041D}", "\u{0397}"], "I": ["\u{0406}", "\u{0399}"], "K": ["\u{041A}", "\u{039A}"],
        "M": ["\u{041C}", "\u{039C}"], "N": ["\u{039D}"], "O": ["\u{041E}", "\u{039F}"], "P": ["\u{0420}", "\u{03A1}"],
        "T": ["\u{0422}", "\u{03A4}"], "X": ["\u{0425}", "\u{03A7}"], "Y": ["\u{04AE}", "\u{03A5}"], "Z": ["\u{0396}"],
    ]
}
