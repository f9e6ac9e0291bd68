/// Request, token and concurrency limits for a key (`keys[].limits`) or a tenant (`tenants[].limits`).
/// Requests and tokens are counted per window of `limits.window_s` seconds (default 60, the
/// per-minute figures scaled to it); concurrency is counted per replica.
public struct Limits: Sendable, Hashable {
    public var requestsPerMinute: Int?
    public var tokensPerMinute: Int?
    /// Requests in flight at once, on each replica.
    public var concurrency: Int?

    public init(requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil, concurrency: Int? = nil) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.concurrency = concurrency
    }

    public var isEmpty: Bool { requestsPerMinute == nil && tokensPerMinute == nil && concurrency == nil }
}

/// `tenants[]`: limits shared by every key of a tenant.
public struct TenantConfig: Sendable, Hashable {
    public var id: String
    public var limits: Limits

    public init(id: String, limits: Limits) {
        self.id = id
        self.limits = limits
    }
}
