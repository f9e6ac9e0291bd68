/// Finds hex-encoded segments of at least eight bytes that decode to readable text: contiguous
/// digits ("686f77…"), escaped or prefixed pairs ("\x68\x6f…", "0x68, 0x6f, …", "0x686f77…") and
/// pairs separated by one space, comma, colon or hyphen ("68 6f 77 …").
enum HexSegments {
    /// The readable decodings of the hex segments in `bytes`, at most `limit` of them.
    static func segments(in bytes: [UInt8], limit: Int) -> [String] {
        var found: [String] = []
        var index = 0
        while index < bytes.count, found.count < limit {
            let startsToken = index == 0 || !SpacedLetters.isAlnum(bytes[index - 1])
            if startsToken, let (decoded, end) = parse(bytes, at: index), decoded.count >= 8 {
                if let text = DecodedText.readable(decoded) { found.append(text) }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The value of a hex digit, or nil.
    @inline(__always)
    static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// The hex sequence that starts at `index`, as bytes, and where it ends; nil when none does.
    private static func parse(_ bytes: [UInt8], at index: Int) -> ([UInt8], Int)? {
        if let digits = prefix(bytes, at: index) {
            return contiguous(bytes, from: digits) ?? prefixedPairs(bytes, from: index)
        }
        return contiguous(bytes, from: index) ?? separatedPairs(bytes, from: index)
    }

    /// Sixteen or more digits, an even number of them, ending a word.
    private static func contiguous(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int)? {
        var end = start
        while end < bytes.count, nibble(bytes[end]) != nil { end += 1 }
        guard end - start >= 16, (end - start) % 2 == 0,
            end == bytes.count || !SpacedLetters.isAlnum(bytes[end])
        else { return nil }
        return (stride(from: start, to: end, by: 2).compactMap { pair(bytes, at: $0) }, end)
    }

    /// "\xHH" or "0xHH" again and again, with nothing, a space, a comma or both between them.
    private static func prefixedPairs(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int) {
        var output: [UInt8] = []
        var position = start
        while let digits = prefix(bytes, at: position), let value = pair(bytes, at: digits) {
            output.append(value)
            position = digits + 2
            var next = position
            if next < bytes.count, bytes[next] == 0x2C { next += 1 }
            if next < bytes.count, bytes[next] == 0x20 { next += 1 }
            guard prefix(bytes, at: next) != nil else { break }
            position = next
        }
        return (output, position)
    }

    /// Pairs of digits separated by one and the same space, comma, colon or hyphen.
    private static func separatedPairs(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int)? {
        guard start + 4 < bytes.count, pair(bytes, at: start) != nil,
            nibble(bytes[start + 2]) == nil
        else { return nil }
        let separator = bytes[start + 2]
        guard separator == 0x20 || separator == 0x2C || separator == 0x3A || separator == 0x2D
        else { return nil }
        var output: [UInt8] = []
        var position = start
        while let value = pair(bytes, at: position),
            position + 2 == bytes.count || nibble(bytes[position + 2]) == nil
        {
            output.append(value)
            position += 2
            guard position + 1 < bytes.count, bytes[position] == separator,
                pair(bytes, at: position + 1) != nil
            else { break }
            position += 1
        }
        return (output, position)
    }

    /// The byte written by the two digits at `position`, or nil.
    private static func pair(_ bytes: [UInt8], at position: Int) -> UInt8? {
        guard position + 1 < bytes.count, let high = nibble(bytes[position]),
            let low = nibble(bytes[position + 1])
        else { return nil }
        return high << 4 | low
    }

    /// Where the digits start after a "\x" or "0x" at `position`, or nil.
    private static func prefix(_ bytes: [UInt8], at position: Int) -> Int? {
        guard position + 1 < bytes.count, bytes[position] == 0x5C || bytes[position] == 0x30,
            bytes[position + 1] | 0x20 == 0x78
        else { return nil }
        return position + 2
    }
}
