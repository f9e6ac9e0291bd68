/// Replaces secrets and personal data in a text with placeholders before a provider sees it: the
/// `redact` action of the input guard.
///
/// Detected: e-mail addresses; phone numbers; payment card numbers (Luhn and issuer prefix);
/// IBANs (country length and mod-97); API keys and tokens (OpenAI, Anthropic, AWS, GitHub,
/// Slack, Google, Stripe, `Bearer …` and `Basic …` credentials, passwords in URLs, and
/// high-entropy values of labels such as `api_key=`, `token:` or `password=`); JWTs; PEM and
/// OpenSSH private key blocks. Detection is one pass
/// over the UTF-8 bytes with cheap triggers, so text without secrets costs little.
///
/// Placeholders are `[KIND_n]`, numbered per kind in order of appearance (`[EMAIL_1]`,
/// `[EMAIL_2]`, `[CARD_1]`); the same value twice in one text gets the same placeholder (numbers
/// compared without their separators, e-mail addresses without case). Where matches overlap, the
/// longest wins, then the most specific (a JWT over a `Bearer` token, a card over a phone
/// number). Placeholders themselves are never detected, so redacting twice changes nothing.
public struct Redactor: Sendable {
    /// The kinds this redactor detects.
    public let kinds: Set<RedactionFinding.Kind>

    /// A redactor for `kinds`, all of them by default.
    public init(kinds: Set<RedactionFinding.Kind> = Set(RedactionFinding.Kind.allCases)) {
        self.kinds = kinds
    }

    /// `text` with every detected value replaced by its placeholder, and one finding per
    /// distinct value. Text around the values, non-ASCII included, is kept byte for byte.
    public func redact(_ text: String) -> Redaction {
        guard !kinds.isEmpty, !text.isEmpty else { return Redaction(text: text, findings: []) }
        var contiguous = text
        let redacted: Redaction? = contiguous.withUTF8 { bytes in
            let candidates = RedactionScanner(text: bytes, kinds: kinds).candidates()
            guard !candidates.isEmpty else { return nil }
            return Self.replace(Self.disjoint(candidates), in: bytes)
        }
        return redacted ?? Redaction(text: text, findings: [])
    }

    /// The candidates that survive overlap resolution, in text order: longest first, then highest
    /// rank, then earliest; each is kept unless it overlaps one already kept.
    static func disjoint(_ candidates: [RedactionCandidate]) -> [RedactionCandidate] {
        let preferred = candidates.sorted {
            ($0.length, $0.rank, -$0.start) > ($1.length, $1.rank, -$1.start)
        }
        var kept: [RedactionCandidate] = []
        for candidate in preferred {
            // `kept` is sorted by start and disjoint, so only the neighbours can overlap.
            var low = 0, high = kept.count
            while low < high {
                let mid = (low + high) / 2
                if kept[mid].start < candidate.start { low = mid + 1 } else { high = mid }
            }
            if low > 0, kept[low - 1].end > candidate.start { continue }
            if low < kept.count, kept[low].start < candidate.end { continue }
            kept.insert(candidate, at: low)
        }
        return kept
    }

    /// The text with `matches` (disjoint, in order) replaced by placeholders.
    private static func replace(_ matches: [RedactionCandidate], in bytes: UnsafeBufferPointer<UInt8>) -> Redaction {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var placeholders: [String: String] = [:]
        var counts: [RedactionFinding.Kind: Int] = [:]
        var findings: [RedactionFinding] = []
        var position = 0
        for match in matches {
            output.append(contentsOf: bytes[position..<match.start])
            let key = "\(match.kind.rawValue):\(identity(of: bytes[match.start..<match.end], kind: match.kind))"
            let placeholder: String
            if let known = placeholders[key] {
                placeholder = known
            } else {
                let number = counts[match.kind, default: 0] + 1
                counts[match.kind] = number
                placeholder = "[\(match.kind.placeholderName)_\(number)]"
                placeholders[key] = placeholder
                findings.append(RedactionFinding(kind: match.kind, placeholder: placeholder))
            }
            output.append(contentsOf: placeholder.utf8)
            position = match.end
        }
        output.append(contentsOf: bytes[position...])
        return Redaction(text: String(decoding: output, as: UTF8.self), findings: findings)
    }

    /// What makes two matches the same value: numbers without separators, e-mail addresses
    /// without case, everything else as written.
    private static func identity(of value: Slice<UnsafeBufferPointer<UInt8>>, kind: RedactionFinding.Kind) -> String {
        switch kind {
        case .phone, .card, .iban:
            String(decoding: value.filter { RedactionByte.isAlnum($0) || $0 == UInt8(ascii: "+") }, as: UTF8.self)
        case .email:
            String(decoding: value.map(RedactionByte.lowercased), as: UTF8.self)
        case .apiKey, .privateKey, .jwt:
            String(decoding: value, as: UTF8.self)
        }
    }
}
