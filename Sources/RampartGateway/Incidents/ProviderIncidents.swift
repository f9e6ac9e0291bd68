import NIOConcurrencyHelpers
import RampartStore

/// Opens an incident when a provider suspends access to a target (credentials rejected, access
/// suspended, model gone, legal block: high) or a target's circuit breaker opens (medium), scoped
/// to the aliases that route to it. One incident per target and kind until it is resolved; the
/// alerts in between add nothing.
public final class ProviderIncidents: Sendable {
    private let desk: IncidentDesk
    private let aliasesByTarget: [String: [String]]
    /// Alerts being turned into incidents right now, so that a burst opens one.
    private let inFlight = NIOLockedValueBox<Set<String>>([])

    /// Watches every target of `gateway`.
    public init(desk: IncidentDesk, gateway: Gateway) {
        self.desk = desk
        var aliases: [String: [String]] = [:]
        for model in gateway.config.models {
            for target in model.allTargets {
                aliases[target.description, default: []].append(model.alias)
            }
        }
        aliasesByTarget = aliases
        for monitor in gateway.monitors.values {
            monitor.watch { [weak self] alert in self?.raise(alert) }
        }
    }

    private func raise(_ alert: TargetMonitor.HealthAlert) {
        let reference = "\(alert.kind.rawValue) \(alert.target)"
        guard inFlight.withLockedValue({ $0.insert(reference).inserted }) else { return }
        Task {
            defer { _ = inFlight.withLockedValue { $0.remove(reference) } }
            let what = alert.kind == .suspension ? "refuses access (\(alert.errorClass?.rawValue ?? "suspended"))" : "circuit breaker opened"
            let incident = Incident(
                title: "Provider \(alert.provider): \(alert.target) \(what)", severity: alert.kind == .suspension ? .high : .medium,
                trigger: "provider", scope: .init(aliases: Array(Set(aliasesByTarget[alert.target] ?? [])).sorted()), actor: "rampart",
                evidence: [.init(kind: "target_health", reference: reference, summary: alert.message)])
            await desk.openUnlessOpen(incident, reference: reference)
        }
    }
}
