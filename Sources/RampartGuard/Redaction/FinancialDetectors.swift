/// Payment card numbers and IBANs, both confirmed by their check digits.
extension RedactionScanner {
    /// IBAN lengths by country (ISO 13616 registry): the length must match exactly, which with
    /// the mod-97 check keeps random letter-digit strings from counting.
    private static let ibanLengths: [UInt16: Int] = {
        let table = """
            AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 \
            EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 \
            KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 \
            PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 \
            UA29 VA22 VG24 XK20 YE30
            """
        var lengths: [UInt16: Int] = [:]
        for entry in table.split(separator: " ") {
            let bytes = Array(entry.utf8)
            lengths[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = Int(String(entry.dropFirst(2)))
        }
        return lengths
    }()

    /// The payment card number starting at `s`: 13–19 digits, optionally grouped by single
    /// spaces or single dashes (one kind throughout), with a plausible issuer prefix and a valid
    /// Luhn check digit. When more digits follow (`4111 1111 1111 1111 12/26`), the longest
    /// valid prefix that ends at a group boundary is taken.
    func card(at s: Int) -> RedactionCandidate? {
        var i = s
        var digits = 0
        var value: UInt64 = 0
        var separator: UInt8 = 0
        var best: Int?
        while true {
            while RedactionByte.isDigit(self[i]) {
                digits += 1
                guard digits <= 19 else { return best.map(cardCandidate(start: s)) }
                value = value * 10 + UInt64(self[i] - UInt8(ascii: "0"))
                i += 1
            }
            if digits >= 13, isNumberEnd(i), Self.isPlausibleCard(value, digits: digits) { best = i }
            let next = self[i]
            guard next == UInt8(ascii: " ") || next == UInt8(ascii: "-"), separator == 0 || separator == next,
                  RedactionByte.isDigit(self[i + 1]) else { break }
            separator = next
            i += 1
        }
        return best.map(cardCandidate(start: s))
    }

    private func cardCandidate(start: Int) -> (Int) -> RedactionCandidate {
        { end in RedactionCandidate(start: start, end: end, kind: .card, rank: RedactionCandidate.Rank.validated) }
    }

    /// Whether `value` (of `digits` digits) has an issuer prefix and length of a real card scheme
    /// (Visa, Mastercard, American Express, Discover, Diners, JCB, UnionPay, Maestro, Mir) and
    /// passes the Luhn check.
    static func isPlausibleCard(_ value: UInt64, digits: Int) -> Bool {
        var divisor: UInt64 = 1
        for _ in 0..<(digits - 4) { divisor *= 10 }
        let prefix4 = value / divisor
        let prefix2 = prefix4 / 100
        let plausible: Bool
        switch prefix2 {
        case 40...49: plausible = [13, 16, 19].contains(digits)
        case 34, 37: plausible = digits == 15
        case 30: plausible = ((3000...3059).contains(prefix4) || prefix4 == 3095) && (14...19).contains(digits)
        case 36, 38, 39: plausible = (14...19).contains(digits)
        case 35: plausible = (3528...3589).contains(prefix4) && digits >= 16
        case 50...69: plausible = digits >= 16
        case 22...27: plausible = ((2200...2204).contains(prefix4) || (2221...2720).contains(prefix4)) && digits >= 16
        default: plausible = false
        }
        return plausible && luhn(value)
    }

    /// The Luhn (mod-10) check over the decimal digits of `value`.
    static func luhn(_ value: UInt64) -> Bool {
        var rest = value
        var sum: UInt64 = 0
        var doubled = false
        while rest > 0 {
            var d = rest % 10
            if doubled {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            doubled.toggle()
            rest /= 10
        }
        return sum % 10 == 0
    }

    /// The IBAN starting at `s`: two capital letters, two check digits and an upper-case
    /// alphanumeric BBAN, either compact or printed in groups of four separated by single
    /// spaces; its length must be the country's and the mod-97 check must give 1.
    func iban(at s: Int) -> RedactionCandidate? {
        guard RedactionByte.isUpper(self[s + 1]), RedactionByte.isDigit(self[s + 2]), RedactionByte.isDigit(self[s + 3]),
              let length = Self.ibanLengths[UInt16(self[s]) << 8 | UInt16(self[s + 1])] else { return nil }
        let isIBANByte = { (c: UInt8) in RedactionByte.isUpper(c) || RedactionByte.isDigit(c) }
        var i = s + 4
        var count = 4
        while count < length {
            if isIBANByte(self[i]) {
                count += 1
                i += 1
            } else if self[i] == UInt8(ascii: " "), count % 4 == 0, isIBANByte(self[i + 1]) {
                i += 1
            } else {
                return nil
            }
        }
        guard !RedactionByte.isAlnum(self[i]), mod97(from: s, to: i) == 1 else { return nil }
        return RedactionCandidate(start: s, end: i, kind: .iban, rank: RedactionCandidate.Rank.validated)
    }

    /// ISO 7064 mod 97-10 over `text[s..<end]` without spaces, the first four characters moved
    /// to the end and letters counted as 10–35.
    private func mod97(from s: Int, to end: Int) -> Int {
        var remainder = 0
        for i in [s + 4..<end, s..<s + 4].joined() where text[i] != UInt8(ascii: " ") {
            let c = text[i]
            if RedactionByte.isDigit(c) {
                remainder = (remainder * 10 + Int(c - UInt8(ascii: "0"))) % 97
            } else {
                remainder = (remainder * 100 + Int(c - UInt8(ascii: "A")) + 10) % 97
            }
        }
        return remainder
    }
}
