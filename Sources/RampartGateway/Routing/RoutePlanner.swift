import Foundation
import Logging

/// Why a request was routed away from its alias's own targets; sent as `x-rampart-route-reason`.
public enum RouteReason: String, Sendable, Hashable {
    /// The input guard marked the request high risk: it went to the alias's `high_risk_target`.
    case highRisk = "high_risk"
    /// The target was past its sunset: its successor alias served.
    case sunset
}

/// A target to try, and why it is in the plan.
struct Candidate: Sendable {
    var target: Target
    var routeReason: RouteReason?
}

/// The targets one request may try, in order, and those passed over before any attempt.
struct RoutePlan: Sendable {
    var alias: ModelAlias
    var candidates: [Candidate]
    var passedOver: [PassedOver]
    /// A target was dropped for being past its sunset with nothing to take its place.
    var sunsetWithoutSuccessor: Bool
    /// Where a content-policy refusal may fail over to (`content_policy_fallbacks`, minus those
    /// kill switches rule out).
    var contentFallbacks: [Candidate] = []
}

/// A target routing did not use, and why.
struct PassedOver: Sendable {
    var target: String
    /// An ``ErrorClass`` or ``SkipReason`` raw value.
    var reason: String
    /// A sentence for the `rampart_no_healthy_route` message.
    var detail: String
    /// When the target may be tried again, if that is known.
    var retryAt: ContinuousClock.Instant?
}

/// Orders an alias's targets by its strategy and removes those that kill switches or sunsets
/// rule out. Breakers are consulted later, when each target's turn comes.
struct RoutePlanner: Sendable {
    let aliases: [String: ModelAlias]
    let monitors: [String: TargetMonitor]
    let logger: Logger

    /// How many successor hops a sunset may take (a successor that is itself past its sunset…).
    static let maxSuccessorDepth = 3

    func plan(_ alias: ModelAlias, principal: Principal, highRisk: Bool, switches: [KillSwitch], now: Date) -> RoutePlan {
        var plan = RoutePlan(alias: alias, candidates: [], passedOver: [], sunsetWithoutSuccessor: false)
        if highRisk, let target = alias.highRiskTarget {
            add([Candidate(target: target, routeReason: .highRisk)], to: &plan, principal: principal, switches: switches, now: now, depth: 0)
        } else {
            add(ordered(alias).map { Candidate(target: $0, routeReason: nil) }, to: &plan, principal: principal, switches: switches, now: now, depth: 0)
        }
        var fallbacks = RoutePlan(alias: alias, candidates: [], passedOver: [], sunsetWithoutSuccessor: false)
        add(alias.contentPolicyFallbacks.map { Candidate(target: $0, routeReason: nil) }, to: &fallbacks, principal: principal,
            switches: switches, now: now, depth: Self.maxSuccessorDepth)
        plan.contentFallbacks = fallbacks.candidates
        return plan
    }

    private func add(_ candidates: [Candidate], to plan: inout RoutePlan, principal: Principal, switches: [KillSwitch], now: Date, depth: Int) {
        for candidate in candidates {
            let target = candidate.target
            if let killSwitch = switches.first(where: { $0.disables(target) && $0.covers(principal) && $0.applies(toAlias: plan.alias.alias) }) {
                plan.passedOver.append(PassedOver(target: target.description, reason: SkipReason.killSwitch.rawValue,
                                                  detail: "disabled by \(killSwitch.summary)", retryAt: nil))
                continue
            }
            if let deprecation = target.deprecation, now >= deprecation.sunset {
                plan.passedOver.append(PassedOver(target: target.description, reason: SkipReason.sunset.rawValue,
                                                  detail: "past its sunset \(Timestamps.format(deprecation.sunset))", retryAt: nil))
                let mode = plan.alias.afterSunset ?? (deprecation.successor == nil ? .error : .successor)
                if mode == .successor, depth < Self.maxSuccessorDepth, let name = deprecation.successor, let successor = aliases[name],
                   successor.access.denial(for: principal, alias: name) == nil,
                   !switches.contains(where: { $0.scope == .alias && $0.target == name && $0.covers(principal) }) {
                    logger.notice("target past its sunset; routing to its successor", metadata: [
                        "alias": "\(plan.alias.alias)", "target": "\(target)", "successor": "\(name)",
                    ])
                    add(ordered(successor).map { Candidate(target: $0, routeReason: .sunset) }, to: &plan, principal: principal,
                        switches: switches, now: now, depth: depth + 1)
                } else {
                    logger.notice("target past its sunset; not used", metadata: ["alias": "\(plan.alias.alias)", "target": "\(target)"])
                    plan.sunsetWithoutSuccessor = true
                }
                continue
            }
            if !plan.candidates.contains(where: { $0.target.description == target.description }) {
                plan.candidates.append(candidate)
            }
        }
    }

    /// The alias's targets in the order its strategy prefers.
    func ordered(_ alias: ModelAlias) -> [Target] {
        switch alias.strategy {
        case .fallback:
            return alias.targets
        case .weighted:
            var pool = alias.targets.filter { $0.weight > 0 }
            var order: [Target] = []
            while !pool.isEmpty {
                var draw = Int.random(in: 0..<pool.reduce(0) { $0 + $1.weight })
                let index = pool.firstIndex { target in
                    draw -= target.weight
                    return draw < 0
                } ?? 0
                order.append(pool.remove(at: index))
            }
            return order + alias.targets.filter { $0.weight == 0 }
        case .leastLatency:
            // Unmeasured targets first, so that every target gets measured; ties keep the listed order.
            let latencies = alias.targets.map { monitors[$0.description]?.latencyMilliseconds ?? -1 }
            return alias.targets.indices.sorted { (latencies[$0], $0) < (latencies[$1], $1) }.map { alias.targets[$0] }
        }
    }
}

extension KillSwitch {
    /// Whether this switch takes `target` out of routing (for the principals it covers).
    func disables(_ target: Target) -> Bool {
        switch scope {
        case .provider: self.target == target.provider
        case .target: self.target == target.description
        case .alias, .key: false
        }
    }
}
