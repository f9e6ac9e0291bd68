/// Decodes URL-encoding (%XX) in a text.
enum PercentEncoding {
    /// `bytes` with every %XX decoded, when there are at least two and the result is readable.
    static func decoded(_ bytes: [UInt8]) -> String? {
        var output: [UInt8] = []
        var escapes = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
                let high = HexSegments.nibble(bytes[index + 1]),
                let low = HexSegments.nibble(bytes[index + 2])
            {
                if escapes == 0 { output = Array(bytes[0..<index]) }
                output.append(high << 4 | low)
                escapes += 1
                index += 3
            } else {
                if escapes > 0 { output.append(bytes[index]) }
                index += 1
            }
        }
        return escapes >= 2 ? DecodedText.readable(output) : nil
    }
}
