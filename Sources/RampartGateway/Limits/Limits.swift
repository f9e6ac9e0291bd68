/// Request, token and concurrency limits for a key (`keys[].limits`) or a tenant (`tenants[].limits`).
/// Requests and tokens are counted per window of `limits.window_s` seconds (default 60, the
/// per-minute figures scaled to it); concurrency is counted per replica.
public struct Limits: Codable, Sendable, Hashable {
    public var requestsPerMinute: Int?
    public var tokensPerMinute: Int?
    /// Requests in flight at once, on each replica.
    public var concurrency: Int?
    /// What it may spend, priced by `prices`.
    public var budget: Budget?

    public init(requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil, concurrency: Int? = nil, budget: Budget? = nil) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.concurrency = concurrency
        self.budget = budget
    }

    public var isEmpty: Bool { requestsPerMinute == nil && tokensPerMinute == nil && concurrency == nil && budget == nil }
}

/// A spend budget (`limits.budget`): past `usd` in a period, requests get 402; past `alertAt` of
/// it, the operator is told once (log and `rampart_budget_alerts_total`).
public struct Budget: Codable, Sendable, Hashable {
    public enum Period: String, Codable, Sendable, CaseIterable {
        case day, month
    }

    public var usd: Double
    public var period: Period
    /// The share of `usd` that raises the alert (0.8: at 80 %).
    public var alertAt: Double

    public init(usd: Double, period: Period = .month, alertAt: Double = 0.8) {
        self.usd = usd
        self.period = period
        self.alertAt = alertAt
    }
}

/// `prices`: what a target's tokens cost, in US dollars per million.
public struct Price: Sendable, Hashable {
    public var inputPerMillion: Double
    public var outputPerMillion: Double

    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    /// The cost of one request's tokens, in US dollars.
    public func cost(promptTokens: Int, completionTokens: Int) -> Double {
        (Double(promptTokens) * inputPerMillion + Double(completionTokens) * outputPerMillion) / 1_000_000
    }
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
