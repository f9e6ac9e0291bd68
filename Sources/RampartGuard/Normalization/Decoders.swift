/// A segment of a text decoded from an encoding, with the transformation that decoded it.
struct DecodedSegment {
    /// The stable name of the decoding: "base64_decoded", "hex_decoded", "url_decoded",
    /// "rot13_decoded" or "reversed".
    var transformation: String
    /// The decoded text, not yet normalised.
    var text: String
}

/// Runs every decoder over a text.
enum Decoders {
    /// The decoded segments of `bytes` (UTF-8), at most `limit` of them, in a fixed order:
    /// base64, hex, URL-encoding, ROT13, reversed. Decoders that `signals` rule out are skipped.
    static func decode(_ bytes: [UInt8], signals: TextSignals, limit: Int) -> [DecodedSegment] {
        var found: [DecodedSegment] = []
        func add(_ transformation: String, _ texts: [String]) {
            for text in texts where found.count < limit {
                found.append(DecodedSegment(transformation: transformation, text: text))
            }
        }
        if signals.base64 {
            add("base64_decoded", Base64Segments.segments(in: bytes, limit: limit))
        }
        if signals.hex {
            add("hex_decoded", HexSegments.segments(in: bytes, limit: limit - found.count))
        }
        if signals.percent, let text = PercentEncoding.decoded(bytes) { add("url_decoded", [text]) }
        guard found.count < limit else { return found }
        let ciphers = Ciphers.decode(bytes)
        add("rot13_decoded", ciphers.rot13.map { [$0] } ?? [])
        add("reversed", ciphers.reversed.map { [$0] } ?? [])
        return found
    }
}

/// Tells decoded bytes that are text from bytes that are not.
enum DecodedText {
    /// `bytes` as a string when they are valid UTF-8 of at least six characters, nine in ten of
    /// them printable and four or more of them letters; nil otherwise.
    static func readable(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 6, let text = String(validating: bytes, as: UTF8.self) else {
            return nil
        }
        var total = 0
        var unprintable = 0
        var letters = 0
        for scalar in text.unicodeScalars {
            total += 1
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFD: unprintable += 1
            default: if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        return total >= 6 && unprintable * 10 <= total && letters >= 4 ? text : nil
    }
}
