import Foundation
import RampartGateway
import RampartStore

/// How far an incident reaches: what it exposes (from the configuration and its access rules),
/// how much traffic actually went there (from the audit trail), whether the weakness is narrow or
/// universal (from red-team evidence), and the narrowest kill switch that would isolate it, with
/// what that would cut off.
public struct BlastRadius: Sendable, Codable {
    /// An alias in scope and where it sends traffic.
    public struct ExposedAlias: Sendable, Codable {
        public var alias: String
        public var targets: [String]
        /// Keys whose access rules let them use it, and their tenants.
        public var keys: [String]
        public var tenants: [String]
        /// Requests to it in the window, and by tenant.
        public var requests: Int
        public var requestsByTenant: [String: Int]
    }

    public var window: DateInterval
    public var aliases: [ExposedAlias]
    /// `universal`, `broad`, `narrow` or `unknown`, from the red-team evidence.
    public var reach: String
    /// Requests in the window that carried a technique in scope (when text was stored), by tenant.
    public var matchedByTenant: [String: Int]
    public var matched: Int
    /// The narrowest kill switch that isolates the weakness, as the admin API takes it, and the
    /// share of the window's traffic it would have refused.
    public var isolation: [String: String]
    public var isolationCutsOff: Double

    public static func assess(_ incident: Incident, config: RampartConfig, events: [AuditEvent], window: DateInterval,
                              hunts: [HuntReport]) -> BlastRadius {
        let requests = events.filter { $0.kind == .request }
        let aliasNames = incident.scope.aliases.isEmpty ? config.models.map(\.alias) : incident.scope.aliases
        let aliases = aliasNames.compactMap { name -> ExposedAlias? in
            guard let model = config.models.first(where: { $0.alias == name }) else { return nil }
            let allowed = config.keys.filter { key in
                model.access.denial(for: Principal(keyID: key.id, tenant: key.tenant, attributes: key.attributes), alias: name) == nil
            }
            let traffic = requests.filter { $0.alias == name }
            return ExposedAlias(alias: name, targets: model.allTargets.map(\.description),
                                keys: allowed.map(\.id), tenants: Array(Set(allowed.compactMap(\.tenant))).sorted(), requests: traffic.count,
                                requestsByTenant: Dictionary(grouping: traffic, by: { $0.tenant ?? "(none)" }).mapValues(\.count))
        }
        let matchedByTenant = hunts.reduce(into: [String: Int]()) { total, hunt in total.merge(hunt.byTenant, uniquingKeysWith: +) }
        let reach = ["universal", "broad", "narrow"].first { level in
            incident.evidence.contains { $0.kind == "redteam_technique" && $0.summary.hasPrefix(level + ":") }
        } ?? "unknown"
        // Isolate by alias; when the attack came from one tenant only, by alias and tenant.
        let target = aliases.first
        let attackers = matchedByTenant.keys.filter { $0 != "(none)" }
        var isolation: [String: String] = target.map { ["scope": "alias", "target": $0.alias, "incident": incident.id] } ?? [:]
        var cut = target.map { Double($0.requests) } ?? 0
        if let target, attackers.count == 1, reach != "universal" {
            isolation["tenant"] = attackers[0]
            cut = Double(target.requestsByTenant[attackers[0]] ?? 0)
        }
        let total = Double(requests.count)
        return BlastRadius(window: window, aliases: aliases, reach: reach, matchedByTenant: matchedByTenant,
                           matched: matchedByTenant.values.reduce(0, +), isolation: isolation, isolationCutsOff: total > 0 ? cut / total : 0)
    }
}
