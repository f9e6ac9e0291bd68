import Foundation

/// One entry of the audit trail: a request Rampart answered (or refused), or an admin action.
///
/// What it never holds: API keys, bearer tokens or provider credentials — a request is known by
/// its key's id and tenant only, and prompt and response text appear only as the store's text
/// policy allows (``StoredText``). Encoded as JSON with snake_case keys; that encoding, with its
/// keys sorted, is what the hash chain covers (``AuditChain``).
public struct AuditEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// A request Rampart answered or refused.
        case request
        /// An admin action.
        case admin
        /// A candidate policy's verdict on a request, judged in shadow beside the active one.
        case shadow
        /// A canary run's measurements of one target.
        case canary
    }

    /// The policy that judged: the constitution's human version and the start of its content
    /// hash, and the stage-1 model's version.
    public struct PolicyStamp: Codable, Sendable, Hashable {
        public var version: String
        public var hash: String
        public var model: String?

        public init(version: String, hash: String, model: String? = nil) {
            self.version = version
            self.hash = hash
            self.model = model
        }
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
    /// The policy that judged the request (for a `shadow` event, the candidate).
    public var policy: PolicyStamp?
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
        case id, time, kind, alias, api, stream, route, attempts, outcome, status, usage, prompt, response, action, actor, details, policy
        case requestID = "request_id", keyID = "key_id", tenant, fallbackReason = "fallback_reason", guardRecords = "guard"
        case errorCode = "error_code", latencyMs = "latency_ms"
    }

    public init(id: String? = nil, time: Date = Date(), kind: Kind, requestID: String? = nil,
                keyID: String? = nil, tenant: String? = nil, alias: String? = nil, api: String? = nil, stream: Bool? = nil,
                route: String? = nil, attempts: Int? = nil, fallbackReason: String? = nil, guardRecords: [GuardRecord] = [],
                policy: PolicyStamp? = nil, outcome: Outcome, status: Int? = nil, errorCode: String? = nil, latencyMs: Double? = nil, usage: Usage? = nil,
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
        self.policy = policy
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
        let milliseconds = UInt64(max(0, (time.timeIntervalSince1970 * 1000).rounded()))
        let (high, low) = idRandomness.withLock { generator in (generator.next(), generator.next()) }
        // The 16 bytes as two big-endian halves: 48 bits of time, version 7, 12 random bits;
        // variant 0b10 and 62 random bits.
        let first = milliseconds << 16 | 0x7000 | (high & 0x0FFF)
        let second = 0x8000_0000_0000_0000 | (low & 0x3FFF_FFFF_FFFF_FFFF)
        return String(unsafeUninitializedCapacity: 36) { text in
            var position = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[position] = UInt8(ascii: "-")
                    position += 1
                }
                let byte = UInt8(truncatingIfNeeded: index < 8 ? first >> (8 * (7 - index)) : second >> (8 * (15 - index)))
                text[position] = CanonicalJSON.hexDigits[Int(byte >> 4)]
                text[position + 1] = CanonicalJSON.hexDigits[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
    }

    /// The random part of event ids: SplitMix64 seeded once per process from the system's
    /// generator. Ids need to be unique and spread, not secret, and a system call per event (the
    /// system generator reads the kernel's) cost more than the rest of the id.
    private static let idRandomness = Locked(SplitMix64(seed: UInt64.random(in: .min ... .max)))
}

/// A small, fast pseudo-random generator (Steele, Lea and Flood's SplitMix64). Not for secrets.
/// (The store is the bottom layer, so it cannot use RampartGuard's public one.)
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
