/// A value that one detector recognised: a byte range of the UTF-8 text, its kind, and how
/// specific the detector is (higher wins over lower when two equally long matches overlap).
struct RedactionCandidate {
    var start: Int
    var end: Int
    var kind: RedactionFinding.Kind
    var rank: Int

    var length: Int { end - start }

    /// Specificity ranks: a structured or prefixed format beats a checksum-validated number,
    /// which beats a shape-only phone number, which beats a value found only by its label.
    enum Rank {
        static let labelled = 1
        static let phone = 2
        static let validated = 3
        static let vendorKey = 4
        static let jwt = 5
        static let privateKey = 6
    }
}

/// ASCII byte classes for the detectors. Non-ASCII bytes (≥ 0x80) belong to no class, so no match
/// starts or ends inside a multi-byte UTF-8 character and text around matches is kept intact.
enum RedactionByte {
    static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    static func isUpper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
    static func isLower(_ c: UInt8) -> Bool { c &- 0x61 < 26 }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
    static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
    /// Letters, digits, `_` and `-`: the alphabet of most API keys and of base64url.
    static func isToken(_ c: UInt8) -> Bool { isAlnum(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") }
    static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\t")
    }
    static func lowercased(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }
    /// Whether `c` is one of the bytes of `set`.
    @inline(__always) static func isAny(_ c: UInt8, of set: StaticString) -> Bool {
        set.withUTF8Buffer { $0.contains(c) }
    }
}

/// One left-to-right pass over the UTF-8 bytes of a text that collects every candidate of the
/// enabled kinds. Each detector is tried only where its cheap trigger occurs (`@`, a digit at a
/// word start, `-----BEGIN `, a known prefix, `:` or `=` after a secret-like label), so ordinary
/// text costs a few byte comparisons per character.
struct RedactionScanner {
    let text: UnsafeBufferPointer<UInt8>
    private let kinds: Set<RedactionFinding.Kind>

    init(text: UnsafeBufferPointer<UInt8>, kinds: Set<RedactionFinding.Kind>) {
        self.text = text
        self.kinds = kinds
    }

    /// The byte at `i`, or 0 outside the text, so detectors can look around without bounds checks.
    subscript(i: Int) -> UInt8 { i >= 0 && i < text.count ? text[i] : 0 }

    /// The end of the run of bytes from `i` that satisfy `predicate`.
    func run(from i: Int, while predicate: (UInt8) -> Bool) -> Int {
        var j = i
        while j < text.count, predicate(text[j]) { j += 1 }
        return j
    }

    /// Whether `literal` occurs at `i`, optionally ignoring ASCII case.
    func hasPrefix(_ literal: StaticString, at i: Int, ignoringCase: Bool = false) -> Bool {
        literal.withUTF8Buffer { prefix in
            guard i >= 0, i + prefix.count <= text.count else { return false }
            for k in 0..<prefix.count {
                let c = text[i + k]
                if c != prefix[k] && !(ignoringCase && RedactionByte.lowercased(c) == prefix[k]) { return false }
            }
            return true
        }
    }

    /// The first index in `from..<limit` where `literal` starts.
    func find(_ literal: StaticString, from: Int, before limit: Int = .max) -> Int? {
        let first = literal.withUTF8Buffer { $0[0] }
        var i = from
        while i < min(text.count, limit) {
            if text[i] == first && hasPrefix(literal, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// The last index where `literal` starts.
    func findLast(_ literal: StaticString) -> Int? {
        var i = text.count - literal.utf8CodeUnitCount
        while i >= 0 {
            if hasPrefix(literal, at: i) { return i }
            i -= 1
        }
        return nil
    }

    /// All candidates of the enabled kinds, possibly overlapping, in no particular order.
    func candidates() -> [RedactionCandidate] {
        let wants = (email: kinds.contains(.email), phone: kinds.contains(.phone), card: kinds.contains(.card),
                     iban: kinds.contains(.iban), apiKey: kinds.contains(.apiKey),
                     privateKey: kinds.contains(.privateKey), jwt: kinds.contains(.jwt))
        var found: [RedactionCandidate] = []
        var lastFooter: Int??
        var i = 0
        while i < text.count {
            let c = text[i]
            var skipTo: Int?
            if RedactionByte.isLetter(c) {
                if !RedactionByte.isToken(self[i - 1]) {
                    if wants.jwt, c == UInt8(ascii: "e"), let m = jwt(at: i) {
                        found.append(m)
                        skipTo = m.end
                    } else if wants.apiKey, let m = vendorKey(at: i) {
                        found.append(m)
                        skipTo = m.end
                    } else {
                        // Not skipped: a Bearer token may itself be a JWT, found when the scan reaches it.
                        if wants.apiKey, let m = authorizationToken(at: i) { found.append(m) }
                        if wants.iban, RedactionByte.isUpper(c), let m = iban(at: i) { found.append(m) }
                    }
                }
            } else if RedactionByte.isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "(") {
                if isNumberStart(i) {
                    if wants.phone, let m = phone(at: i) { found.append(m) }
                    if wants.card, RedactionByte.isDigit(c), let m = card(at: i) { found.append(m) }
                }
            } else if c == UInt8(ascii: "@") {
                if wants.apiKey, let m = urlPassword(around: i) {
                    found.append(m)
                } else if wants.email, let m = email(around: i) {
                    found.append(m)
                }
            } else if c == UInt8(ascii: "-") {
                if wants.privateKey, hasPrefix("-----BEGIN ", at: i) {
                    if lastFooter == nil { lastFooter = findLast("-----END ") }
                    if let m = privateKey(at: i, lastFooter: lastFooter.flatMap { $0 }) {
                        found.append(m)
                        skipTo = m.end
                    }
                }
            } else if c == UInt8(ascii: ":") || c == UInt8(ascii: "=") {
                if wants.apiKey, let m = labelledSecret(at: i) { found.append(m) }
            }
            i = max(i + 1, skipTo ?? 0)
        }
        return found
    }

    /// Whether a number (phone or card) may start at `i`: at the start of the text or after
    /// whitespace, an opening bracket or quote, `:`, `=`, `,`, `;`, `>`, `*` or a non-ASCII
    /// character; never inside a word, a path, a version or an identifier like `ORD-123`, and
    /// never as the tail of a longer group sequence (`DE89 3704 0044 …`).
    func isNumberStart(_ i: Int) -> Bool {
        let p = self[i - 1]
        if p == 0 || p >= 0x80 { return true }
        if RedactionByte.isSpace(p) { return !RedactionByte.isDigit(self[i - 2]) }
        return RedactionByte.isAny(p, of: "([{<\"':=,;>*")
    }

    /// Whether a number may end before `j`: at the end of the text, before whitespace, a closing
    /// bracket or quote, or punctuation that is not followed by another digit (`12:30`, `1.5`).
    func isNumberEnd(_ j: Int) -> Bool {
        let c = self[j]
        if c == 0 || c >= 0x80 || RedactionByte.isSpace(c) { return true }
        if RedactionByte.isAny(c, of: ".,:") { return !RedactionByte.isDigit(self[j + 1]) }
        return RedactionByte.isAny(c, of: ")]}>\"';!?*")
    }
}
