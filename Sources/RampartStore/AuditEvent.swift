import Foundation

/// One entry of the audit trail: a request Rampart answered (or refused), or an admin action.
///
/// What it never holds: API keys, bearer tokens or provider credentials — a request is known by
/// its key's id and tenant only, and prompt and response text appear only as the store's text
/// policy allows (``StoredText``). Encoded as JSON with snake_case keys; that encoding, with its
/// keys sorted, is what the hash chain covers (``AuditChain``).
public struct AuditEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case request, admin
    }

    /// How a request ended.
    public enum Outcome: String, Codable, Sendable {
        /// Answered by a model.
        case ok
        /// Stopped by the guard with a typed error, or answered with the guard's refusal.
        case blocked
        /// The output guard stopped the answer part-way.
        case halted
        /// Rejected before routing (authentication, access, a bad request).
        case rejected
        /// No model could answer (upstream errors, timeouts, no healthy route).
        case failed
        /// The client went away first.
        case cancelled
        /// An admin action (kind `admin`).
        case done
    }

    /// A guard's verdict on the request or its answer.
    public struct GuardRecord: Codable, Sendable, Hashable {
        /// `input` or `output`.
        public var direction: String
        /// `allow`, `flag` or `block`.
        public var verdict: String
        /// 1 (the local classifier) or 2 (the judge).
        public var stage: Int
        /// What the gateway did: `block`, `refuse`, `flag`, `redact`, `route_safer`, `halt`, or nil (monitor only).
        public var action: String?
        /// Categories that scored, with their scores (0–1).
        public var categories: [String: Double]
        public var explanation: String?

        public init(direction: String, verdict: String, stage: Int, action: String?, categories: [String: Double], explanation: String?) {
            self.direction = direction
            self.verdict = verdict
            self.stage = stage
            self.action = action
            self.categories = categories
            self.explanation = explanation
        }
    }

    /// Tokens used, as the provider reported them.
    public struct Usage: Codable, Sendable, Hashable {
        public var promptTokens: Int
        public var completionTokens: Int

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
        }

        public init(promptTokens: Int, completionTokens: Int) {
            self.promptTokens = promptTokens
            self.completionTokens = completionTokens
        }
    }

    public var id: String
    /// When the request arrived (or the admin action happened), to the millisecond.
    public var time: Date
    public var kind: Kind
    public var requestID: String?
    public var keyID: String?
    public var tenant: String?
    /// The model alias asked for.
    public var alias: String?
    /// `openai` or `anthropic`: the client's wire API.
    public var api: String?
    public var stream: Bool?
    /// The `provider/model` that served, or `rampart/guard` for the guard's own answers.
    public var route: String?
    /// Upstream calls made, retries included.
    public var attempts: Int?
    public var fallbackReason: String?
    public var guardRecords: [GuardRecord]
    public var outcome: Outcome
    /// The HTTP status sent.
    public var status: Int?
    /// The typed error code sent, when the answer was an error.
    public var errorCode: String?
    public var latencyMs: Double?
    public var usage: Usage?
    public var prompt: StoredText?
    public var response: StoredText?
    /// Admin events: what was done (`kill_switch.create`), by whom, and the particulars.
    public var action: String?
    public var actor: String?
    public var details: [String: String]?

    enum CodingKeys: String, CodingKey {
        case id, time, kind, alias, api, stream, route, attempts, outcome, status, usage, prompt, response, action, actor, details
        case requestID = "request_id", keyID = "key_id", tenant, fallbackReason = "fallback_reason", guardRecords = "guard"
        case errorCode = "error_code", latencyMs = "latency_ms"
    }

    public init(id: String? = nil, time: Date = Date(), kind: Kind, requestID: String? = nil,
                keyID: String? = nil, tenant: String? = nil, alias: String? = nil, api: String? = nil, stream: Bool? = nil,
                route: String? = nil, attempts: Int? = nil, fallbackReason: String? = nil, guardRecords: [GuardRecord] = [],
                outcome: Outcome, status: Int? = nil, errorCode: String? = nil, latencyMs: Double? = nil, usage: Usage? = nil,
                prompt: StoredText? = nil, response: StoredText? = nil, action: String? = nil, actor: String? = nil,
                details: [String: String]? = nil) {
        self.time = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.id = id ?? Self.timeOrderedID(self.time)
        self.kind = kind
        self.requestID = requestID
        self.keyID = keyID
        self.tenant = tenant
        self.alias = alias
        self.api = api
        self.stream = stream
        self.route = route
        self.attempts = attempts
        self.fallbackReason = fallbackReason
        self.guardRecords = guardRecords
        self.outcome = outcome
        self.status = status
        self.errorCode = errorCode
        self.latencyMs = latencyMs
        self.usage = usage
        self.prompt = prompt
        self.response = response
        self.action = action
        self.actor = actor
        self.details = details
    }
}

extension AuditEvent {
    /// A UUID version 7 (RFC 9562) for an event at `time`: the millisecond time in its first 48
    /// bits, random bits after. Ids made one after another sort in time order, so a store's index
    /// on them grows at its end instead of being written all over (random UUIDs made the SQLite
    /// store write several times as many pages per batch).
    static func timeOrderedID(_ time: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, (time.timeIntervalSince1970 * 1000).rounded()))
        let high = generator.next() as UInt64, low = generator.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * index))
            bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (8 * index))
        }
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Prompt or response text as the store's text policy keeps it.
public struct StoredText: Codable, Sendable, Hashable {
    /// SHA-256 of the original text, hex (policies `hash`, `redacted` and `full`).
    public var sha256: String
    /// The text itself (`full`), or with secrets and personal data replaced (`redacted`); nil for `hash`.
    public var text: String?
    /// Whether ``text`` had secrets or personal data replaced.
    public var redacted: Bool?

    public init(sha256: String, text: String? = nil, redacted: Bool? = nil) {
        self.sha256 = sha256
        self.text = text
        self.redacted = redacted
    }
}

/// What the audit trail keeps of prompt and response text (`store.text`).
public enum TextPolicy: String, Sendable, CaseIterable {
    /// Nothing.
    case none
    /// A SHA-256 of each text: repeats can be counted, nothing can be read.
    case hash
    /// The text with secrets and personal data replaced by placeholders, plus the hash.
    case redacted
    /// The text as sent, plus the hash.
    case full
}
