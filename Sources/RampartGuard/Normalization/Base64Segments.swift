/// Finds base64 (standard or URL-safe) segments of at least 16 characters that decode to readable
/// text. Lines of a wrapped block (MIME style, 40 characters or more a line) are read as one.
enum Base64Segments {
    /// The readable decodings of the base64 segments in `bytes`, at most `limit` of them.
    static func segments(in bytes: [UInt8], limit: Int) -> [String] {
        var found: [String] = []
        var index = 0
        while index < bytes.count, found.count < limit {
            let startsRun = index == 0 || value(of: bytes[index - 1]) == nil
            guard startsRun, value(of: bytes[index]) != nil else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, value(of: bytes[end]) != nil { end += 1 }
            guard end - index >= 16 else {   // a word, not a segment (nearly every run): nothing to gather
                index = end
                continue
            }
            end = index
            var lines: [Range<Int>] = []
            while end < bytes.count {
                let lineStart = end
                while end < bytes.count, value(of: bytes[end]) != nil { end += 1 }
                lines.append(lineStart..<end)
                guard end - lineStart >= 40, let next = lineBreakEnd(bytes, end),
                    next < bytes.count, value(of: bytes[next]) != nil
                else { break }
                end = next
            }
            index = end
            guard lines.reduce(0, { $0 + $1.count }) >= 16 else { continue }
            if let decoded = decode(lines.flatMap { bytes[$0] }),
                let text = DecodedText.readable(decoded)
            {
                found.append(text)
            }
        }
        return found
    }

    /// The bytes that `characters` encode, or nil when they mix the two alphabets.
    static func decode(_ characters: [UInt8]) -> [UInt8]? {
        let standard = characters.contains { $0 == 0x2B || $0 == 0x2F }
        let urlSafe = characters.contains { $0 == 0x2D || $0 == 0x5F }
        guard !(standard && urlSafe) else { return nil }
        let usable = characters.count % 4 == 1 ? characters.count - 1 : characters.count
        var output: [UInt8] = []
        output.reserveCapacity(usable * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in characters[0..<usable] {
            guard let value = value(of: character) else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    /// The 6-bit value of a base64 character of either alphabet, or nil.
    @inline(__always)
    private static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: return byte - 0x41
        case 0x61...0x7A: return byte - 0x61 + 26
        case 0x30...0x39: return byte - 0x30 + 52
        case 0x2B, 0x2D: return 62
        case 0x2F, 0x5F: return 63
        default: return nil
        }
    }

    /// Where the text continues after padding and one line break at `index`, or nil.
    private static func lineBreakEnd(_ bytes: [UInt8], _ index: Int) -> Int? {
        var index = index
        while index < bytes.count, bytes[index] == 0x3D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0D { index += 1 }
        guard index < bytes.count, bytes[index] == 0x0A else { return nil }
        return index + 1
    }
}
