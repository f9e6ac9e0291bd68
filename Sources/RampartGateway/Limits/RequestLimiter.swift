import Dispatch
import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers
import RampartStore
import RampartWire

/// Holds keys and tenants to their limits (`keys[].limits`, `tenants[].limits`, docs/limits.md).
///
/// Requests and tokens are counted per fixed window (`limits.window_s`) in a ``LimitCounterStore``:
/// PostgreSQL when replicas share one (exact across replicas: each add is one statement that never
/// passes the limit), or this process's memory on a single replica. A request over its request
/// limit, or arriving when its tokens for the window are spent, gets 429 with `Retry-After` (the
/// window's end). Tokens are counted when a request ends (the provider's usage), so the request
/// that crosses a token limit is served and the next ones wait. Concurrency is counted per replica.
/// Spend (tokens priced by `prices`) is counted per day or month against `budget`: past it, 402;
/// past its `alert_at` share, a warning in the log and `rampart_budget_alerts_total`.
public final class RequestLimiter: Sendable {
    private let counters: any LimitCounterStore
    private let inFlight = NIOLockedValueBox<[String: Int]>([:])
    private let queue = DispatchQueue(label: "rampart.limits", attributes: .concurrent)
    private let logger: Logger
    private let alerts = MetricHandles<Counter> { Counter(label: "rampart_budget_alerts_total", dimensions: [("budget", $0[0])]) }

    /// - Parameter counters: the shared counters (PostgreSQL), or nil to count in memory.
    public init(counters: (any LimitCounterStore)? = nil, logger: Logger = Logger(label: "rampart.limits")) {
        self.counters = counters ?? MemoryLimitCounters()
        self.logger = logger
    }

    /// What a request holds until it ends: its concurrency slots.
    public struct Ticket: Sendable {
        fileprivate var buckets: [String]
    }

    /// Admits one request of `principal` under `config`'s limits, or throws a typed 429 (503 when
    /// the shared counters cannot be reached: limits are not silently lifted).
    public func admit(_ principal: Principal, config: RampartConfig) async throws(RampartError) -> Ticket {
        let applicable = Self.limits(for: principal, in: config)
        guard !applicable.isEmpty else { return Ticket(buckets: []) }
        var ticket = Ticket(buckets: [])
        do throws(RampartError) {
            for (bucket, limits) in applicable {
                if let cap = limits.concurrency {
                    let admitted = inFlight.withLockedValue { counts in
                        guard counts[bucket, default: 0] < cap else { return false }
                        counts[bucket, default: 0] += 1
                        return true
                    }
                    guard admitted else {
                        throw RampartError(status: 429, code: "rampart_concurrency_limited",
                                           message: "\(Self.describe(bucket)) already has \(cap) requests in flight on this gateway, its limit. Retry when one ends.")
                    }
                    ticket.buckets.append(bucket)
                }
                try await count(bucket, limits, config: config)
            }
        } catch {
            release(ticket)
            throw error
        }
        return ticket
    }

    /// Ends a request that ``admit(_:config:)`` let in.
    public func release(_ ticket: Ticket) {
        guard !ticket.buckets.isEmpty else { return }
        inFlight.withLockedValue { counts in
            for bucket in ticket.buckets { counts[bucket] = max(0, counts[bucket, default: 1] - 1) }
        }
    }

    /// Counts a finished request's tokens and spend (from its audit event) against its key and tenant.
    /// - Parameter managedKeys: where a managed key's limits are found.
    public func observe(_ event: AuditEvent, config: RampartConfig, managedKeys: ManagedKeyRegistry? = nil) {
        guard let usage = event.usage, usage.promptTokens + usage.completionTokens > 0, let keyID = event.keyID else { return }
        let keyLimits = config.keys.first { $0.id == keyID }?.limits ?? managedKeys?.cachedLimits(of: keyID)
        let principal = Principal(keyID: keyID, tenant: event.tenant, attributes: [:], limits: keyLimits)
        let slot = Self.slot(config)
        let cost = event.route.flatMap { config.prices[$0] }?.cost(promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
        for (bucket, limits) in Self.limits(for: principal, in: config) {
            if limits.tokensPerMinute != nil {
                let tokens = Int64(usage.promptTokens + usage.completionTokens)
                queue.async { [counters] in _ = try? counters.add(tokens, to: bucket + ":tokens", slot: slot, limit: nil) }
            }
            if let budget = limits.budget, let cost, cost > 0 {
                queue.async { [self] in spend(Int64((cost * 1_000_000).rounded(.up)), bucket: bucket, budget: budget) }
            }
        }
    }

    /// Adds micro-dollars to a budget and tells the operator when that crossed its alert line.
    private func spend(_ micros: Int64, bucket: String, budget: Budget) {
        let (name, period) = Self.spendBucket(bucket, budget)
        do {
            let before = try counters.count(of: name, slot: period)
            _ = try counters.add(micros, to: name, slot: period, limit: nil)
            let line = Int64(budget.usd * budget.alertAt * 1_000_000)
            if before < line, before + micros >= line {
                alerts[bucket].increment()
                logger.warning("budget alert: \(Self.describe(bucket)) has spent \(Int(budget.alertAt * 100)) % of its \(budget.usd) USD a \(budget.period.rawValue)",
                               metadata: ["spent_usd": "\(Double(before + micros) / 1_000_000)", "budget_usd": "\(budget.usd)"])
            }
        } catch {
            logger.error("budget: cannot count spend; the limit store is unreachable", metadata: ["error": "\(error)"])
        }
    }

    /// The counter and period slot of `bucket`'s spend under `budget`.
    private static func spendBucket(_ bucket: String, _ budget: Budget) -> (String, Int64) {
        let now = Date()
        let period: Int64
        switch budget.period {
        case .day:
            period = Int64(now.timeIntervalSince1970) / 86_400
        case .month:
            let date = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
            period = Int64(date.year! * 12 + date.month!)
        }
        return (bucket + ":spend:" + budget.period.rawValue, period)
    }

    private func count(_ bucket: String, _ limits: Limits, config: RampartConfig) async throws(RampartError) {
        let slot = Self.slot(config)
        let scale = Double(config.limitWindowSeconds) / 60
        let requestLimit = limits.requestsPerMinute.map { Int64(max(1, (Double($0) * scale).rounded())) }
        let tokenLimit = limits.tokensPerMinute.map { Int64(max(1, (Double($0) * scale).rounded())) }
        let counters = counters
        let spend = limits.budget.map { Self.spendBucket(bucket, $0) }
        let admitted: Bool
        do {
            if let budget = limits.budget, let (name, period) = spend,
               try await OffLoop.run(on: queue, { try counters.count(of: name, slot: period) }) >= Int64(budget.usd * 1_000_000) {
                throw RampartError(status: 402, code: "rampart_budget_exceeded",
                                   message: "\(Self.describe(bucket)) has spent its budget of \(budget.usd) USD for this \(budget.period.rawValue) (UTC). Ask the gateway's operator to raise it.")
            }
            admitted = try await OffLoop.run(on: queue) {
                if let tokenLimit, try counters.count(of: bucket + ":tokens", slot: slot) >= tokenLimit { return false }
                guard let requestLimit else { return true }
                return try counters.add(1, to: bucket + ":requests", slot: slot, limit: requestLimit)
            }
        } catch let error as RampartError {
            throw error
        } catch {
            throw RampartError(status: 503, code: "rampart_store_unavailable",
                               message: "The request cannot be counted against its limits: the limit store is unreachable (\(error)). Try again shortly.")
        }
        guard admitted else {
            let retryAfter = Int(config.limitWindowSeconds) - Int(Date().timeIntervalSince1970) % config.limitWindowSeconds
            throw RampartError(status: 429, code: "rampart_rate_limited",
                               message: "\(Self.describe(bucket)) has used its limit for this \(config.limitWindowSeconds)-second window; retry in \(retryAfter) s.",
                               retryAfterSeconds: retryAfter)
        }
    }

    /// The buckets and limits that apply to `principal`: its key's, then its tenant's.
    private static func limits(for principal: Principal, in config: RampartConfig) -> [(String, Limits)] {
        var applicable: [(String, Limits)] = []
        if let limits = principal.limits, !limits.isEmpty {
            applicable.append(("key:" + principal.keyID, limits))
        }
        if let tenant = principal.tenant, let limits = config.tenants.first(where: { $0.id == tenant })?.limits, !limits.isEmpty {
            applicable.append(("tenant:" + tenant, limits))
        }
        return applicable
    }

    private static func slot(_ config: RampartConfig) -> Int64 {
        Int64(Date().timeIntervalSince1970) / Int64(config.limitWindowSeconds)
    }

    private static func describe(_ bucket: String) -> String {
        bucket.hasPrefix("key:") ? "The API key '\(bucket.dropFirst(4))'" : "The tenant '\(bucket.dropFirst(7))'"
    }
}

/// Limit counters in this process's memory: exact for one replica, and nothing to set up.
final class MemoryLimitCounters: LimitCounterStore {
    private let counts = NIOLockedValueBox<[String: (slot: Int64, count: Int64)]>([:])

    func add(_ amount: Int64, to bucket: String, slot: Int64, limit: Int64?) throws -> Bool {
        counts.withLockedValue { counts in
            let current = counts[bucket].flatMap { $0.slot == slot ? $0.count : nil } ?? 0
            if let limit, current + amount > limit { return false }
            counts[bucket] = (slot, current + amount)
            return true
        }
    }

    func count(of bucket: String, slot: Int64) throws -> Int64 {
        counts.withLockedValue { $0[bucket].flatMap { $0.slot == slot ? $0.count : nil } ?? 0 }
    }
}
