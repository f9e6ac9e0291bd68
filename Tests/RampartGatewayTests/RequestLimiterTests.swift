import Foundation
import Testing
import RampartStore
import RampartWire
@testable import RampartGateway

@Suite struct RequestLimiterTests {
    func config(_ limits: Limits, tenant: Limits? = nil) -> RampartConfig {
        var config = RampartConfig(server: ServerConfig(), providers: [], models: [],
                                   keys: [KeyConfig(id: "app", credential: .secret("s"), tenant: "acme", limits: limits)])
        if let tenant { config.tenants = [TenantConfig(id: "acme", limits: tenant)] }
        return config
    }

    func app(_ config: RampartConfig) -> Principal {
        Principal(keyID: "app", tenant: "acme", attributes: [:], limits: config.keys[0].limits)
    }

    /// Waits for the next counting window when the current one (aligned to the clock) has less
    /// than 15 s left, so that filling a window and being refused in it cannot straddle two
    /// windows on a slow run.
    func startOfAWindow(_ config: RampartConfig) async throws {
        let left = config.limitWindowSeconds - Int(Date().timeIntervalSince1970) % config.limitWindowSeconds
        if left < 15 { try await Task.sleep(for: .seconds(left)) }
    }

    @Test func requestsPastTheLimitGetA429WithRetryAfter() async throws {
        let limiter = RequestLimiter()
        let config = config(Limits(requestsPerMinute: 3))
        try await startOfAWindow(config)
        for _ in 0..<3 { _ = try await limiter.admit(app(config), config: config) }
        await #expect { try await limiter.admit(app(config), config: config) } throws: { error in
            let error = error as? RampartError
            return error?.status == 429 && error?.code == "rampart_rate_limited" && (error?.retryAfterSeconds ?? 0) > 0
        }
        let other = Principal(keyID: "other", tenant: nil, attributes: [:])
        _ = try await limiter.admit(other, config: config)   // no limits of its own
    }

    @Test func aTenantLimitCoversAllItsKeysAndConcurrencyIsGivenBack() async throws {
        let limiter = RequestLimiter()
        let config = config(Limits(concurrency: 1), tenant: Limits(requestsPerMinute: 100))
        let first = try await limiter.admit(app(config), config: config)
        await #expect { try await limiter.admit(app(config), config: config) } throws: { ($0 as? RampartError)?.code == "rampart_concurrency_limited" }
        limiter.release(first)
        limiter.release(try await limiter.admit(app(config), config: config))
    }

    @Test func spentTokensHoldTheNextRequests() async throws {
        let limiter = RequestLimiter()
        let config = config(Limits(tokensPerMinute: 100))
        try await startOfAWindow(config)
        _ = try await limiter.admit(app(config), config: config)
        limiter.observe(AuditEvent(kind: .request, keyID: "app", tenant: "acme", outcome: .ok,
                                   usage: .init(promptTokens: 60, completionTokens: 50)), config: config)
        try await Task.sleep(for: .milliseconds(100))   // tokens are added off the request path
        await #expect { try await limiter.admit(app(config), config: config) } throws: { ($0 as? RampartError)?.code == "rampart_rate_limited" }
    }
}

@Suite struct BudgetTests {
    @Test func spendPastTheBudgetGetsA402() async throws {
        let limiter = RequestLimiter()
        var config = RampartConfig(server: ServerConfig(), providers: [], models: [],
                                   keys: [KeyConfig(id: "app", credential: .secret("s"), limits: Limits(budget: Budget(usd: 0.01, period: .day)))])
        config.prices = ["sim/m": Price(inputPerMillion: 1_000, outputPerMillion: 2_000)]
        let app = Principal(keyID: "app", tenant: nil, attributes: [:], limits: config.keys[0].limits)
        _ = try await limiter.admit(app, config: config)
        #expect(config.prices["sim/m"]?.cost(promptTokens: 5, completionTokens: 3) == 0.011)
        limiter.observe(AuditEvent(kind: .request, keyID: "app", route: "sim/m", outcome: .ok, usage: .init(promptTokens: 5, completionTokens: 3)),
                        config: config)
        try await Task.sleep(for: .milliseconds(100))   // spend is added off the request path
        await #expect { try await limiter.admit(app, config: config) } throws: { error in
            (error as? RampartError)?.status == 402 && (error as? RampartError)?.code == "rampart_budget_exceeded"
        }
    }
}
