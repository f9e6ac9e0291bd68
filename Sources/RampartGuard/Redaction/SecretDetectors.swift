import Foundation

/// API keys and tokens: vendor-prefixed keys, `Bearer` and `Basic` credentials, passwords in
/// URLs, and the values of secret-like labels (`api_key=…`, `"token": "…"`, `PASSWORD: …`).
extension RedactionScanner {
    /// A vendor key format: a fixed prefix followed by a body of one alphabet and length.
    private struct VendorRule {
        enum Alphabet {
            case alnum, upperAlnum, alnumUnderscore, alnumDash, base64URL

            func contains(_ c: UInt8) -> Bool {
                switch self {
                case .alnum: RedactionByte.isAlnum(c)
                case .upperAlnum: RedactionByte.isUpper(c) || RedactionByte.isDigit(c)
                case .alnumUnderscore: RedactionByte.isAlnum(c) || c == UInt8(ascii: "_")
                case .alnumDash: RedactionByte.isAlnum(c) || c == UInt8(ascii: "-")
                case .base64URL: RedactionByte.isToken(c)
                }
            }
        }

        var prefix: StaticString
        var alphabet: Alphabet
        var bodyLength: ClosedRange<Int>
        /// Whether the body must contain a digit (keeps prose like `sk-learn-…` out).
        var needsDigit = false
    }

    private static let vendorRules: [VendorRule] = {
        var rules = [
            // OpenAI (sk-…, sk-proj-…, sk-svcacct-…) and Anthropic (sk-ant-api03-…).
            VendorRule(prefix: "sk-", alphabet: .base64URL, bodyLength: 20...400, needsDigit: true),
            VendorRule(prefix: "github_pat_", alphabet: .alnumUnderscore, bodyLength: 22...255),
            VendorRule(prefix: "AIza", alphabet: .base64URL, bodyLength: 35...35),
        ]
        for prefix: StaticString in ["AKIA", "ASIA"] {
            rules.append(VendorRule(prefix: prefix, alphabet: .upperAlnum, bodyLength: 16...16))
        }
        for prefix: StaticString in ["ghp_", "gho_", "ghs_", "ghu_", "ghr_"] {
            rules.append(VendorRule(prefix: prefix, alphabet: .alnum, bodyLength: 30...255))
        }
        for prefix: StaticString in ["xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-"] {
            rules.append(VendorRule(prefix: prefix, alphabet: .alnumDash, bodyLength: 10...255, needsDigit: true))
        }
        for prefix: StaticString in ["sk_live_", "rk_live_", "sk_test_", "rk_test_"] {
            rules.append(VendorRule(prefix: prefix, alphabet: .alnum, bodyLength: 16...255))
        }
        return rules
    }()

    /// Label endings (lower case, `-` read as `_`) that make the value after `=` or `:` a secret,
    /// with the shortest value that counts.
    private static let secretLabels: [(suffix: [UInt8], minLength: Int)] =
        ["password", "passwd", "pwd", "passphrase"].map { (Array($0.utf8), 8) }
        + ["api_key", "apikey", "secret", "secret_key", "secretkey", "access_key", "accesskey", "auth_key", "token"]
        .map { (Array($0.utf8), 12) }

    /// Lower-cased markers of example values and references rather than real secrets.
    private static let placeholderMarkers = ["your", "xxxx", "example", "placeholder", "changeme", "redacted", "dummy",
                                             "${", "{{", "<", "****"]

    /// The vendor key starting at `s`, at a word start.
    func vendorKey(at s: Int) -> RedactionCandidate? {
        // Every prefix starts with one of these pairs; most words are rejected here.
        switch (self[s], self[s + 1]) {
        case (UInt8(ascii: "s"), UInt8(ascii: "k")), (UInt8(ascii: "r"), UInt8(ascii: "k")), (UInt8(ascii: "g"), UInt8(ascii: "h")),
             (UInt8(ascii: "g"), UInt8(ascii: "i")), (UInt8(ascii: "x"), UInt8(ascii: "o")), (UInt8(ascii: "A"), UInt8(ascii: "K")),
             (UInt8(ascii: "A"), UInt8(ascii: "S")), (UInt8(ascii: "A"), UInt8(ascii: "I")): break
        default: return nil
        }
        for rule in Self.vendorRules where hasPrefix(rule.prefix, at: s) {
            let bodyStart = s + rule.prefix.utf8CodeUnitCount
            let end = run(from: bodyStart, while: rule.alphabet.contains)
            guard rule.bodyLength.contains(end - bodyStart), !RedactionByte.isToken(self[end]) else { continue }
            if rule.needsDigit, !text[bodyStart..<end].contains(where: RedactionByte.isDigit) { continue }
            return RedactionCandidate(start: s, end: end, kind: .apiKey, rank: RedactionCandidate.Rank.vendorKey)
        }
        return nil
    }

    /// The credentials of an HTTP authorization scheme starting at `s`: the token after
    /// `Bearer ` when it looks random, or the base64 after `Basic ` when it decodes to
    /// `user:password` (scheme names in any case).
    func authorizationToken(at s: Int) -> RedactionCandidate? {
        guard self[s] | 0x20 == UInt8(ascii: "b") else { return nil }
        let isBasic = hasPrefix("basic ", at: s, ignoringCase: true)
        guard isBasic || hasPrefix("bearer ", at: s, ignoringCase: true) else { return nil }
        let start = run(from: s + (isBasic ? 6 : 7)) { $0 == UInt8(ascii: " ") }
        var end = run(from: start) { RedactionByte.isToken($0) || RedactionByte.isAny($0, of: "._~+/") }
        end = run(from: end) { $0 == UInt8(ascii: "=") }
        while end > start, self[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard start - s <= 10 else { return nil }
        if isBasic {
            guard end - start >= 8, let decoded = Self.decodeBase64(text[start..<end]), decoded.contains(UInt8(ascii: ":")),
                  decoded.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        } else {
            guard looksRandom(start..<end, minLength: 16) else { return nil }
        }
        return RedactionCandidate(start: start, end: end, kind: .apiKey, rank: RedactionCandidate.Rank.labelled)
    }

    /// The value assigned at the `:` or `=` at `sep` when the label before it is secret-like
    /// (`API_KEY=…`, `"token": "…"`, `password: …`, `secret := "…"`, `--api-key=…`) and the value
    /// looks random. Only the value is replaced; the label stays for the model's context.
    func labelledSecret(at sep: Int) -> RedactionCandidate? {
        let isEquals = self[sep] == UInt8(ascii: "=")
        if isEquals, RedactionByte.isAny(self[sep - 1], of: "=!<>:") || self[sep + 1] == UInt8(ascii: "=") { return nil }
        var j = sep - 1
        while j > sep - 3, self[j] == UInt8(ascii: " ") { j -= 1 }
        if isQuote(self[j]) { j -= self[j - 1] == UInt8(ascii: "\\") ? 2 : 1 }
        let labelEnd = j + 1
        var labelStart = labelEnd
        while labelStart > 0, labelEnd - labelStart < 64, isLabelByte(self[labelStart - 1]) { labelStart -= 1 }
        guard let minLength = secretValueMinLength(label: labelStart..<labelEnd) else { return nil }

        var v = sep + 1
        if self[v] == (isEquals ? UInt8(ascii: ">") : UInt8(ascii: "=")) { v += 1 }
        while v < sep + 5, self[v] == UInt8(ascii: " ") { v += 1 }
        if self[v] == UInt8(ascii: "\\"), isQuote(self[v + 1]) { v += 1 }
        let quote = isQuote(self[v]) ? self[v] : 0
        if quote != 0 { v += 1 }
        var end: Int
        if quote != 0 {
            end = run(from: v) { $0 > 0x20 && $0 < 0x7F && $0 != quote && $0 != UInt8(ascii: "\\") }
            guard self[end] == quote || (self[end] == UInt8(ascii: "\\") && self[end + 1] == quote) else { return nil }
        } else {
            end = run(from: v) { $0 > 0x20 && $0 < 0x7F && !RedactionByte.isAny($0, of: "\"'`,;&()[]{}<>\\") }
            let next = self[end]
            guard next == 0 || next >= 0x80 || RedactionByte.isSpace(next) || RedactionByte.isAny(next, of: ",;&)]}\"'`\\") else {
                return nil  // a call, subscript, generic type or comparison: code, not a value
            }
            while end > v, self[end - 1] == UInt8(ascii: ".") { end -= 1 }
        }
        guard looksRandom(v..<end, minLength: minLength) else { return nil }
        return RedactionCandidate(start: v, end: end, kind: .apiKey, rank: RedactionCandidate.Rank.labelled)
    }

    /// The password of URL credentials (`postgres://user:password@host`) around the `@` at `at`.
    /// Any password counts, whatever its entropy, unless it is a placeholder: the shape says
    /// what it is.
    func urlPassword(around at: Int) -> RedactionCandidate? {
        var colon: Int?
        var i = at - 1
        while i > 0, at - i < 256, self[i] != UInt8(ascii: "/") {
            let c = self[i]
            if c <= 0x20 || c >= 0x7F || RedactionByte.isAny(c, of: "@\"'`<>[]") { return nil }
            if c == UInt8(ascii: ":") { colon = i }
            i -= 1
        }
        guard hasPrefix("://", at: i - 2), let colon, colon + 1 < at, RedactionByte.isAlnum(self[at + 1]) else { return nil }
        let password = String(decoding: text[(colon + 1)..<at], as: UTF8.self).lowercased()
        guard !["password", "pass", "passwd", "pwd", "secret"].contains(password), !Self.containsPlaceholderMarker(password) else {
            return nil
        }
        return RedactionCandidate(start: colon + 1, end: at, kind: .apiKey, rank: RedactionCandidate.Rank.labelled)
    }

    /// Whether `text[range]` is one of this redactor's own placeholders (`[API_KEY_1]`), so that
    /// redacting a redacted text changes nothing.
    private func isPlaceholder(_ range: Range<Int>) -> Bool {
        guard range.count >= 5, self[range.lowerBound] == UInt8(ascii: "["), self[range.upperBound - 1] == UInt8(ascii: "]")
        else { return false }
        let inner = text[(range.lowerBound + 1)..<(range.upperBound - 1)]
        guard let underscore = inner.lastIndex(of: UInt8(ascii: "_")), underscore + 1 < inner.endIndex else { return false }
        return inner[..<underscore].allSatisfy { RedactionByte.isUpper($0) || $0 == UInt8(ascii: "_") }
            && inner[(underscore + 1)...].allSatisfy(RedactionByte.isDigit)
    }

    /// Whether a lower-cased value contains one of ``placeholderMarkers``.
    private static func containsPlaceholderMarker(_ lowered: String) -> Bool {
        placeholderMarkers.contains(where: lowered.contains)
    }

    private func isQuote(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`")
    }

    private func isLabelByte(_ c: UInt8) -> Bool {
        RedactionByte.isToken(c) || c == UInt8(ascii: ".")
    }

    /// The shortest secret value for a label ending in one of ``secretLabels``, or nil.
    private func secretValueMinLength(label: Range<Int>) -> Int? {
        // Every label ending ends in one of these letters.
        guard !label.isEmpty, RedactionByte.isAny(RedactionByte.lowercased(self[label.upperBound - 1]), of: "deynt") else {
            return nil
        }
        let normalised = { (c: UInt8) in c == UInt8(ascii: "-") ? UInt8(ascii: "_") : RedactionByte.lowercased(c) }
        for entry in Self.secretLabels where entry.suffix.count <= label.count {
            let tail = text[(label.upperBound - entry.suffix.count)..<label.upperBound]
            if zip(tail, entry.suffix).allSatisfy({ normalised($0) == $1 }) { return entry.minLength }
        }
        return nil
    }

    /// Whether `text[range]` looks like a generated secret rather than a word, number, identifier
    /// or example: at least `minLength` bytes; letters with digits, or both cases with a symbol
    /// other than `._-`; no placeholder marker; and a Shannon entropy of at least 3 bits per
    /// character (less for short values, whose entropy is bounded by their length).
    func looksRandom(_ range: Range<Int>, minLength: Int) -> Bool {
        guard range.count >= minLength, range.count <= 1024, !isPlaceholder(range) else { return false }
        let value = text[range]
        var lower = false, upper = false, digit = false, symbol = false
        for c in value {
            if RedactionByte.isLower(c) { lower = true } else if RedactionByte.isUpper(c) { upper = true }
            else if RedactionByte.isDigit(c) { digit = true } else if !RedactionByte.isAny(c, of: "._-") { symbol = true }
        }
        guard (digit && (lower || upper)) || (lower && upper && symbol),
              !Self.containsPlaceholderMarker(String(decoding: value, as: UTF8.self).lowercased()) else { return false }
        let total = Double(range.count)
        let entropy = withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for c in value { counts[Int(c)] += 1 }
            return counts.reduce(0.0) { sum, n in
                guard n > 0 else { return sum }
                let p = Double(n) / total
                return sum - p * log2(p)
            }
        }
        return entropy >= min(3.0, 0.75 * log2(total))
    }
}
