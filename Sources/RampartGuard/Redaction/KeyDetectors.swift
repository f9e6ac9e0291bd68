import Foundation

/// JSON Web Tokens and PEM / OpenSSH private key blocks.
extension RedactionScanner {
    /// The JWT starting at `s`: three base64url parts separated by dots (the signature may be
    /// empty for unsigned tokens), whose first part decodes to a JSON object with an `alg` member.
    func jwt(at s: Int) -> RedactionCandidate? {
        guard hasPrefix("eyJ", at: s) else { return nil }
        let headerEnd = run(from: s, while: RedactionByte.isToken)
        guard headerEnd - s >= 10, self[headerEnd] == UInt8(ascii: ".") else { return nil }
        let payloadEnd = run(from: headerEnd + 1, while: RedactionByte.isToken)
        guard payloadEnd - headerEnd > 2, self[payloadEnd] == UInt8(ascii: ".") else { return nil }
        let end = run(from: payloadEnd + 1, while: RedactionByte.isToken)
        guard self[end] != UInt8(ascii: "."), let header = Self.decodeBase64(text[s..<headerEnd]),
              let object = try? JSONSerialization.jsonObject(with: Data(header)) as? [String: Any],
              object["alg"] is String else { return nil }
        return RedactionCandidate(start: s, end: end, kind: .jwt, rank: RedactionCandidate.Rank.jwt)
    }

    /// Decodes base64 or base64url, padded or not; nil on any byte outside the alphabets.
    static func decodeBase64(_ encoded: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in encoded where c != UInt8(ascii: "=") {
            let sextet: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): sextet = UInt32(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): sextet = UInt32(c - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sextet = UInt32(c - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "-"), UInt8(ascii: "+"): sextet = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): sextet = 63
            default: return nil
            }
            buffer = buffer << 6 | sextet
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return bytes
    }

    /// The private key block starting at the `-----BEGIN ` at `s`, when its label names a private
    /// key (`PRIVATE KEY`, `RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `OPENSSH PRIVATE KEY`,
    /// `PGP PRIVATE KEY BLOCK`, …): everything up to and including the matching `-----END …-----`
    /// line. A block pasted without its end is redacted up to the last chunk that looks like key
    /// material, so a truncated key still never reaches the provider. `lastFooter` is where the
    /// text's last `-----END ` starts, so that many unterminated blocks cost one search, not one each.
    func privateKey(at s: Int, lastFooter: Int?) -> RedactionCandidate? {
        guard hasPrefix("-----BEGIN ", at: s), let headerEnd = privateKeyLabelEnd(from: s + 11) else { return nil }
        var end = headerEnd
        if let lastFooter, lastFooter >= headerEnd, let footer = find("-----END ", from: headerEnd),
           let footerEnd = privateKeyLabelEnd(from: footer + 9) {
            end = footerEnd
        } else {
            while true {
                let chunkStart = run(from: end, while: RedactionByte.isSpace)
                let chunkEnd = run(from: chunkStart, while: isBase64Byte)
                guard chunkEnd > chunkStart, self[chunkEnd] == 0 || RedactionByte.isSpace(self[chunkEnd]) else { break }
                let chunk = text[chunkStart..<chunkEnd]
                guard chunk.count >= 16 || chunk.contains(where: { !RedactionByte.isLetter($0) }) else { break }
                end = chunkEnd
            }
        }
        return RedactionCandidate(start: s, end: end, kind: .privateKey, rank: RedactionCandidate.Rank.privateKey)
    }

    /// The end of `LABEL-----` at `from` when the label (at most 40 bytes) contains `PRIVATE KEY`.
    private func privateKeyLabelEnd(from: Int) -> Int? {
        guard let dashes = find("-----", from: from, before: from + 40),
              find("PRIVATE KEY", from: from, before: dashes) != nil else { return nil }
        return dashes + 5
    }

    private func isBase64Byte(_ c: UInt8) -> Bool {
        RedactionByte.isAlnum(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") || c == UInt8(ascii: "=")
    }
}
