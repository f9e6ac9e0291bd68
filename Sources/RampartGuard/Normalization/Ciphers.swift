/// ROT13 and reversed text, recognised by how much more English a reading looks than the text.
///
/// The text is cut into segments at line breaks and sentence punctuation. Counting only words of
/// two letters or more, a segment is decoded when it has at least four words, its reading holds
/// at least three lexicon words, those make up at least 40% of its words, and they outnumber the
/// lexicon words of the segment as written by two to one plus two. Ordinary English, French or
/// code never gets there; "Ubj qb V znxr n obzo?" (how, do, make, bomb) and "bmob a ekam ot woh"
/// do. One pass over the bytes scores all three readings.
enum Ciphers {
    /// The ROT13 and the reversed readings of `bytes` (UTF-8), each with the segments that read as
    /// English decoded and the rest as written; nil where no segment does.
    static func decode(_ bytes: [UInt8]) -> (rot13: String?, reversed: String?) {
        var rot13: [Range<Int>] = []
        var reversed: [Range<Int>] = []
        var score = Score()
        // The other readings' keys of the segment's words, looked up only when the segment is not
        // plainly English already (most text), since no reading could then win.
        var rotatedKeys: [UInt64] = []
        var backwardKeys: [UInt64] = []
        var segmentStart = 0
        var length = 0
        var forward: UInt64 = 0
        var rotated: UInt64 = 0
        var backward: UInt64 = 0
        let lexicon = EnglishLexicon.table
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x0A
            let code = EnglishLexicon.code(byte)
            if code != 0 {
                if length < EnglishLexicon.maxLength {
                    forward = forward << 5 | code
                    rotated = rotated << 5 | ((code + 12) % 26 + 1)
                    backward |= code << (5 * UInt64(length))
                }
                length += 1
                continue
            }
            if length >= 2 {
                score.words += 1
                if length <= EnglishLexicon.maxLength {
                    if lexicon.contains(key: forward) { score.plain += 1 }
                    rotatedKeys.append(rotated)
                    backwardKeys.append(backward)
                }
            }
            length = 0
            forward = 0
            rotated = 0
            backward = 0
            guard isSegmentEnd(byte) else { continue }
            if score.plain * 2 + 2 <= score.words {
                score.rot13 = rotatedKeys.reduce(0) { $0 + (lexicon.contains(key: $1) ? 1 : 0) }
                score.reversed = backwardKeys.reduce(0) { $0 + (lexicon.contains(key: $1) ? 1 : 0) }
            }
            rotatedKeys.removeAll(keepingCapacity: true)
            backwardKeys.removeAll(keepingCapacity: true)
            if score.favours(score.rot13) { rot13.append(segmentStart..<index) }
            if score.favours(score.reversed) { reversed.append(segmentStart..<index) }
            segmentStart = index + 1
            score = Score()
        }
        return (
            rot13.isEmpty ? nil : rewrite(bytes, rot13) { segment in segment.map(rotate) },
            reversed.isEmpty ? nil : rewrite(bytes, reversed) { segment in
                Array(String(String(decoding: segment, as: UTF8.self).reversed()).utf8)
            }
        )
    }

    /// Lexicon words among the words of a segment, as written and in each reading.
    private struct Score {
        var words = 0
        var plain = 0
        var rot13 = 0
        var reversed = 0

        func favours(_ reading: Int) -> Bool {
            words >= 4 && reading >= 3 && reading * 5 >= words * 2 && reading >= plain * 2 + 2
        }
    }

    private static func rewrite(
        _ bytes: [UInt8], _ segments: [Range<Int>], _ transform: (ArraySlice<UInt8>) -> [UInt8]
    ) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for segment in segments {
            output.append(contentsOf: bytes[copied..<segment.lowerBound])
            output.append(contentsOf: transform(bytes[segment]))
            copied = segment.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    private static func rotate(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x41...0x5A: return (byte - 0x41 + 13) % 26 + 0x41
        case 0x61...0x7A: return (byte - 0x61 + 13) % 26 + 0x61
        default: return byte
        }
    }

    @inline(__always)
    private static func isSegmentEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, 0x0D, 0x2E, 0x3A, 0x3B, 0x3F, 0x21, 0x22, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D,
            0x3C, 0x3E:
            return true
        default:
            return false
        }
    }
}
