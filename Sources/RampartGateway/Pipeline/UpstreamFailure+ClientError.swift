import RampartWire

extension UpstreamFailure {
    /// The typed error a client receives when this failure ends its request.
    ///
    /// Statuses follow what the client can do about it: a request the provider found invalid is
    /// the client's 400; credentials or a vanished model are the gateway's problem (502); rate
    /// limits and overload keep their meaning (429, 503) so that client SDKs back off.
    public func clientError(provider: String) -> RampartError {
        switch self {
        case .connect(let detail):
            return RampartError(status: 502, code: "rampart_upstream_unavailable",
                                message: "Provider '\(provider)' could not be reached: \(detail).")
        case .timeout(let detail):
            return RampartError(status: 504, code: "rampart_upstream_timeout", message: "Provider '\(provider)' timed out: \(detail).")
        case .status(let status, let message, _, let retryAfter):
            switch status {
            case 400, 422:
                return RampartError(status: 400, code: "rampart_upstream_rejected_request",
                                    message: "Provider '\(provider)' rejected the request: \(message)")
            case 401, 403:
                return RampartError(status: 502, code: "rampart_upstream_auth_failed",
                                    message: "Provider '\(provider)' refused Rampart's credentials (status \(status)): \(message) An operator must check this provider's api_key or account.")
            case 404:
                return RampartError(status: 502, code: "rampart_upstream_model_not_found",
                                    message: "Provider '\(provider)' does not know the configured model (status 404): \(message)")
            case 413:
                return RampartError(status: 413, code: "rampart_upstream_request_too_large",
                                    message: "Provider '\(provider)' found the request too large: \(message)")
            case 429:
                return RampartError(status: 429, code: "rampart_upstream_rate_limited",
                                    message: "Provider '\(provider)' is rate-limiting requests: \(message)", retryAfterSeconds: retryAfter ?? 1)
            case 503, 529:
                return RampartError(status: 503, code: "rampart_upstream_overloaded",
                                    message: "Provider '\(provider)' is overloaded (status \(status)): \(message)", retryAfterSeconds: retryAfter)
            default:
                return RampartError(status: 502, code: "rampart_upstream_error",
                                    message: "Provider '\(provider)' failed with status \(status): \(message)")
            }
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
