/// E-mail addresses and phone numbers.
extension RedactionScanner {
    /// Words that, just before a number, say it is a phone number whatever its shape.
    private static let phoneCues: [[UInt8]] = [
        "phone", "telephone", "tel", "mobile", "mob", "cell", "call", "fax", "whatsapp", "sms", "telefon", "telefono",
    ].map { Array($0.utf8) }

    /// Image file extensions that look like top-level domains in names such as `icon@2x.png`.
    private static let fileExtensions: Set<[UInt8]> = Set(["png", "jpg", "jpeg", "gif", "svg", "webp"].map { Array($0.utf8) })

    /// The e-mail address around the `@` at `at`: an ASCII local part of letters, digits and
    /// `._%+-`, and a domain of at least two labels ending in an alphabetic top-level domain.
    func email(around at: Int) -> RedactionCandidate? {
        var start = at
        while start > 0, at - start < 64, isLocalPartByte(self[start - 1]) { start -= 1 }
        while start < at, self[start] == UInt8(ascii: ".") { start += 1 }
        // After `/` the local part is the user of a URL (`https://token@host`), not a mailbox.
        guard start < at, self[at - 1] != UInt8(ascii: "."), self[start - 1] != UInt8(ascii: "/") else { return nil }

        var end = at + 1
        var labels = 0
        var lastLabel = end..<end
        while true {
            let labelEnd = run(from: end) { RedactionByte.isAlnum($0) || $0 == UInt8(ascii: "-") }
            let length = labelEnd - end
            guard (1...63).contains(length), self[end] != UInt8(ascii: "-"), self[labelEnd - 1] != UInt8(ascii: "-") else {
                return nil
            }
            labels += 1
            lastLabel = end..<labelEnd
            end = labelEnd
            guard self[end] == UInt8(ascii: "."), RedactionByte.isAlnum(self[end + 1]) else { break }
            end += 1
        }
        let tld = text[lastLabel]
        // `git@github.com:org/repo` is an SSH remote, not a mailbox.
        let sshRemote = self[end] == UInt8(ascii: ":") && !RedactionByte.isSpace(self[end + 1]) && self[end + 1] != 0
        guard labels >= 2, tld.count >= 2, tld.allSatisfy(RedactionByte.isLetter), !sshRemote,
              !Self.fileExtensions.contains(tld.map(RedactionByte.lowercased)) else { return nil }
        return RedactionCandidate(start: start, end: end, kind: .email, rank: RedactionCandidate.Rank.validated)
    }

    private func isLocalPartByte(_ c: UInt8) -> Bool {
        RedactionByte.isAlnum(c) || RedactionByte.isAny(c, of: "._%+-")
    }

    /// The phone number starting at `s` (a digit, `+` or `(` where ``isNumberStart(_:)`` holds).
    ///
    /// Digit groups may be separated by one space, `-` or `.`, with one parenthesised group at
    /// the start (or after the country code). Which shapes count is decided by
    /// ``isPlausiblePhone(_:start:)``.
    func phone(at s: Int) -> RedactionCandidate? {
        var shape = PhoneShape(international: self[s] == UInt8(ascii: "+"))
        var i = shape.international ? s + 1 : s
        guard RedactionByte.isDigit(self[i]) || self[i] == UInt8(ascii: "(") else { return nil }
        while shape.groups < 12 {
            if self[i] == UInt8(ascii: "("), !shape.parenthesised, shape.groups <= (shape.international ? 1 : 0) {
                let close = run(from: i + 1, while: RedactionByte.isDigit)
                guard (1...5).contains(close - i - 1), self[close] == UInt8(ascii: ")") else { return nil }
                shape.add(group: close - i - 1, parenthesised: true)
                i = close + 1
                if self[i] == UInt8(ascii: " ") || self[i] == UInt8(ascii: "-") {
                    shape.note(separator: self[i])
                    i += 1
                }
                guard RedactionByte.isDigit(self[i]) else { return nil }
                continue
            }
            let end = run(from: i, while: RedactionByte.isDigit)
            guard end > i else { break }
            shape.add(group: end - i, parenthesised: false)
            guard shape.digits <= 15 else { return nil }
            i = end
            let separator = self[i]
            let next = self[i + 1]
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: "."),
                  RedactionByte.isDigit(next) || (next == UInt8(ascii: "(") && shape.international && shape.groups == 1)
            else { break }
            shape.note(separator: separator)
            i += 1
        }
        guard isNumberEnd(i), isPlausiblePhone(shape, start: s) else { return nil }
        return RedactionCandidate(start: s, end: i, kind: .phone, rank: RedactionCandidate.Rank.phone)
    }

    /// Whether a scanned number looks like a phone number rather than a date, a price, an IP or
    /// version, an ISBN or an order number:
    /// - international (`+CC …`): 8–15 digits, at least 10 when not grouped (`+4915112345678`);
    /// - `(area) …`: 9–15 digits;
    /// - `00CC …` (international prefix), separated: 10–15 digits;
    /// - national with a trunk `0`, grouped (`030 1234567`, `06 12 34 56 78`): 9–12
    ///   digits in groups of at least two;
    /// - North American `NXX-NXX-XXXX`, optionally after `1`;
    /// - any other 7–15 digit shape only right after a word like "phone", "tel" or "call".
    ///
    /// Dot-separated numbers must have at least three groups of at least two digits and must not
    /// look like an IPv4 address, so versions and IPs never count.
    private func isPlausiblePhone(_ shape: PhoneShape, start s: Int) -> Bool {
        guard (7...15).contains(shape.digits) else { return false }
        if shape.usesDots {
            guard shape.separatorKinds == 1, shape.groups >= 3, shape.shortestGroup >= 2,
                  !(shape.groups == 4 && shape.longestGroup <= 3) else { return false }
        }
        let digitsStart = shape.international ? s + 1 : s
        let first = nthDigit(0, from: digitsStart), second = nthDigit(1, from: digitsStart)
        if shape.international { return shape.digits >= (shape.groups > 1 ? 8 : 10) }
        if shape.parenthesised { return shape.digits >= 9 && shape.length(of: 0) >= 2 }
        if first == 0 && second == 0 {
            return shape.groups >= 2 && shape.length(of: 0) >= 3 && nthDigit(2, from: s) != 0 && shape.digits >= 10
        }
        if first == 0, shape.groups > 1, shape.shortestGroup >= 2, (9...12).contains(shape.digits) { return true }
        if isNorthAmerican(shape, start: s) { return true }
        return hasPhoneCue(before: s)
    }

    /// `NXX XXX XXXX` or `1 NXX XXX XXXX`, where N is 2–9 (no area code starts with 0 or 1, which
    /// keeps `123-456-7890`-style order numbers out).
    private func isNorthAmerican(_ shape: PhoneShape, start s: Int) -> Bool {
        let offset: Int
        if shape.groups == 3 {
            offset = 0
        } else if shape.groups == 4, shape.length(of: 0) == 1, nthDigit(0, from: s) == 1 {
            offset = 1
        } else {
            return false
        }
        guard shape.length(of: offset) == 3, shape.length(of: offset + 1) == 3, shape.length(of: offset + 2) == 4 else {
            return false
        }
        return nthDigit(offset, from: s) >= 2
    }

    /// The value of the `n`-th digit at or after `s`, skipping separators.
    private func nthDigit(_ n: Int, from s: Int) -> UInt8 {
        var seen = 0
        var i = s
        while i < text.count, i < s + 24 {
            if RedactionByte.isDigit(text[i]) {
                if seen == n { return text[i] - UInt8(ascii: "0") }
                seen += 1
            }
            i += 1
        }
        return 0
    }

    /// Whether one of ``phoneCues`` is among the whole words in the 32 bytes before `s`.
    private func hasPhoneCue(before s: Int) -> Bool {
        var i = max(0, s - 32)
        while i > 0, i < s, RedactionByte.isLetter(self[i - 1]) { i += 1 }
        while i < s {
            let end = min(run(from: i, while: RedactionByte.isLetter), s)
            if end > i, Self.phoneCues.contains(where: { cue in
                cue.count == end - i && zip(cue, text[i..<end]).allSatisfy { $0 == RedactionByte.lowercased($1) }
            }) {
                return true
            }
            i = end + 1
        }
        return false
    }
}

/// What ``RedactionScanner/phone(at:)`` learned about a number while scanning it.
struct PhoneShape {
    var international: Bool
    var digits = 0
    var groups = 0
    var shortestGroup = Int.max
    var longestGroup = 0
    var parenthesised = false
    /// The separators used between groups, one bit each: space, `-`, `.`.
    private var separators: UInt8 = 0
    /// Group lengths, four bits each, the first group in the lowest bits.
    private var lengths: UInt64 = 0

    init(international: Bool) {
        self.international = international
    }

    mutating func add(group length: Int, parenthesised: Bool) {
        if groups < 16 { lengths |= UInt64(min(length, 15)) << (4 * groups) }
        groups += 1
        digits += length
        shortestGroup = min(shortestGroup, length)
        longestGroup = max(longestGroup, length)
        self.parenthesised = self.parenthesised || parenthesised
    }

    mutating func note(separator: UInt8) {
        switch separator {
        case UInt8(ascii: " "): separators |= 1
        case UInt8(ascii: "-"): separators |= 2
        default: separators |= 4
        }
    }

    var usesDots: Bool { separators & 4 != 0 }
    var separatorKinds: Int { separators.nonzeroBitCount }

    /// The number of digits in group `index` (0-based).
    func length(of index: Int) -> Int { index < 16 ? Int((lengths >> (4 * index)) & 0xF) : 0 }
}
