/// The class of an upstream failure: what routing does next and how the breaker counts it
/// (docs/routing.md, "Error classes and actions").
public enum ErrorClass: String, Sendable, Hashable, CaseIterable {
    case connectFailed = "connect_failed"
    case connectTimeout = "connect_timeout"
    case firstByteTimeout = "first_byte_timeout"
    case idleTimeout = "idle_timeout"
    case totalTimeout = "total_timeout"
    case serverError = "server_error"
    case overloaded
    case rateLimited = "rate_limited"
    case credentialsRejected = "credentials_rejected"
    case accessSuspended = "access_suspended"
    case modelNotFound = "model_not_found"
    case legalBlock = "legal_block"
    case contextLengthExceeded = "context_length_exceeded"
    case contentRefused = "content_refused"
    case badRequest = "bad_request"
    case malformedResponse = "malformed_response"
    case streamCut = "stream_cut"
    case untranslatable

    /// What happens when an alias configures nothing else for this class.
    public var defaultAction: ErrorAction {
        switch self {
        case .serverError: .retry
        case .badRequest: .return
        default: .failOver
        }
    }

    /// How the circuit breaker counts an attempt that failed this way.
    public var breakerEffect: BreakerEffect {
        switch self {
        case .connectFailed, .connectTimeout, .firstByteTimeout, .idleTimeout, .totalTimeout, .serverError,
             .overloaded, .malformedResponse, .streamCut:
            .failure
        case .credentialsRejected, .accessSuspended, .modelNotFound, .legalBlock:
            .suspension
        case .contextLengthExceeded, .contentRefused, .badRequest:
            // The upstream is up and answering; the request was the problem.
            .healthy
        case .rateLimited, .untranslatable:
            .neutral
        }
    }
}

/// What routing does after a failed attempt.
public enum ErrorAction: String, Sendable, Hashable, CaseIterable {
    /// The same target again after a backoff, up to its `retries`; then as ``failOver``.
    case retry
    /// The next eligible target.
    case failOver = "fail_over"
    /// The client gets the error now.
    case `return`
}

/// How one attempt's outcome counts for its target's breaker.
public enum BreakerEffect: Sendable, Hashable {
    /// Counts as a failure in the window.
    case failure
    /// Opens the breaker at once for the suspension cooldown.
    case suspension
    /// The target answered: counts as a success.
    case healthy
    /// Says nothing about the target's health (it was not reached, or it is pacing us).
    case neutral
}

extension UpstreamFailure {
    /// This failure's class.
    public var errorClass: ErrorClass {
        switch self {
        case .connect: .connectFailed
        case .timeout(let kind, _):
            switch kind {
            case .connect: .connectTimeout
            case .firstByte: .firstByteTimeout
            case .idle: .idleTimeout
            case .total, .deadline: .totalTimeout
            }
        case .status(let status): status.errorClass
        case .malformed: .malformedResponse
        case .streamCut: .streamCut
        case .untranslatable: .untranslatable
        }
    }
}

extension UpstreamStatus {
    /// The class of an error answer, from its status and, for the ambiguous ones, the provider's
    /// error code, type and message.
    var errorClass: ErrorClass {
        let text = "\(code ?? "") \(type ?? "") \(message)".lowercased()
        if type == "overloaded_error" { return .overloaded }
        switch status {
        case 401: return .credentialsRejected
        case 403:
            return Self.mentionsLaw(text) ? .legalBlock : .accessSuspended
        case 404, 410: return .modelNotFound
        case 451: return .legalBlock
        case 429:
            // OpenAI's "insufficient_quota" is an account problem, not pacing: it will not pass.
            return text.contains("insufficient_quota") ? .accessSuspended : .rateLimited
        case 503, 529: return .overloaded
        case 400, 413, 422:
            if Self.mentionsContextLength(text) { return .contextLengthExceeded }
            if Self.mentionsContentPolicy(text) { return .contentRefused }
            return .badRequest
        case 500...599: return .serverError
        default: return status >= 500 ? .serverError : .badRequest
        }
    }

    private static func mentionsContextLength(_ text: String) -> Bool {
        ["context_length_exceeded", "context length", "context window", "prompt is too long", "too many tokens",
         "exceed context limit", "maximum context", "input is too long"].contains { text.contains($0) }
    }

    private static func mentionsContentPolicy(_ text: String) -> Bool {
        ["content_policy_violation", "content_filter", "content policy", "content management policy",
         "content filtering policy", "safety system", "usage policies", "responsible ai"].contains { text.contains($0) }
    }

    private static func mentionsLaw(_ text: String) -> Bool {
        ["legal", "regulat", "jurisdiction", "sanction", "not available in your country", "unsupported_country",
         "region is not supported", "territory"].contains { text.contains($0) }
    }
}
