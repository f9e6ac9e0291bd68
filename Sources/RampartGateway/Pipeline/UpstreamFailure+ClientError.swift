import RampartWire

extension UpstreamFailure {
    /// The typed error a client receives when this failure ends its request.
    ///
    /// Statuses follow what the client can do about it: a request the provider found invalid is
    /// the client's 400; credentials, suspensions or a vanished model are the gateway's problem
    /// (502); rate limits and overload keep their meaning (429, 503) so that client SDKs back off.
    public func clientError(provider: String) -> RampartError {
        switch self {
        case .connect(let detail):
            return RampartError(status: 502, code: "rampart_upstream_unavailable",
                                message: "Provider '\(provider)' could not be reached: \(detail).")
        case .timeout(.deadline, let detail):
            return RampartError(status: 504, code: "rampart_deadline_exceeded",
                                message: "The request's deadline passed while provider '\(provider)' was answering: \(detail). Raise x-rampart-timeout-ms or the alias's deadline_ms if the model needs longer.")
        case .timeout(_, let detail):
            return RampartError(status: 504, code: "rampart_upstream_timeout", message: "Provider '\(provider)' timed out: \(detail).")
        case .status(let answer):
            return answer.clientError(provider: provider, errorClass: errorClass)
        case .malformed(let detail):
            return RampartError(status: 502, code: "rampart_upstream_invalid_response",
                                message: "Provider '\(provider)' sent an answer Rampart cannot read: \(detail).")
        case .streamCut(let detail):
            return RampartError(status: 502, code: "rampart_upstream_stream_cut", message: "Provider '\(provider)': \(detail).")
        case .untranslatable(let error):
            return RampartError(error)
        }
    }
}

extension UpstreamStatus {
    fileprivate func clientError(provider: String, errorClass: ErrorClass) -> RampartError {
        switch errorClass {
        case .contextLengthExceeded:
            return RampartError(status: 400, code: "rampart_context_length_exceeded",
                                message: "The conversation is too long for the model behind provider '\(provider)': \(message)")
        case .contentRefused:
            return RampartError(status: 400, code: "rampart_upstream_content_refused",
                                message: "Provider '\(provider)' refused the request under its content policy: \(message)")
        case .credentialsRejected:
            return RampartError(status: 502, code: "rampart_upstream_auth_failed",
                                message: "Provider '\(provider)' refused Rampart's credentials (status \(status)): \(message) An operator must check this provider's api_key or account.")
        case .accessSuspended:
            return RampartError(status: 502, code: "rampart_upstream_access_suspended",
                                message: "Provider '\(provider)' has suspended access (status \(status)): \(message) An operator must check this provider's account or route around it.")
        case .modelNotFound:
            return RampartError(status: 502, code: "rampart_upstream_model_not_found",
                                message: "Provider '\(provider)' does not know the configured model (status \(status)): \(message)")
        case .legalBlock:
            return RampartError(status: 451, code: "rampart_upstream_legal_block",
                                message: "Provider '\(provider)' will not serve this request for legal or regulatory reasons (status \(status)): \(message)")
        case .rateLimited:
            return RampartError(status: 429, code: "rampart_upstream_rate_limited",
                                message: "Provider '\(provider)' is rate-limiting requests: \(message)", retryAfterSeconds: retryAfterSeconds ?? 1)
        case .overloaded:
            return RampartError(status: 503, code: "rampart_upstream_overloaded",
                                message: "Provider '\(provider)' is overloaded (status \(status)): \(message)", retryAfterSeconds: retryAfterSeconds)
        case .badRequest where status == 413:
            return RampartError(status: 413, code: "rampart_upstream_request_too_large",
                                message: "Provider '\(provider)' found the request too large: \(message)")
        case .badRequest:
            return RampartError(status: 400, code: "rampart_upstream_rejected_request",
                                message: "Provider '\(provider)' rejected the request: \(message)")
        default:
            return RampartError(status: 502, code: "rampart_upstream_error",
                                message: "Provider '\(provider)' failed with status \(status): \(message)")
        }
    }
}
