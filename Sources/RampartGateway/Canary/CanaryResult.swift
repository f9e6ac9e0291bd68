import Foundation
import RampartStore

/// What one canary run measured on one target.
public struct CanaryResult: Codable, Sendable, Hashable {
    /// Of `total` probes, how many behaved as counted (answered, or refused for harmful ones).
    public struct Tally: Codable, Sendable, Hashable {
        public var hits: Int
        public var total: Int

        public var rate: Double { total == 0 ? 0 : Double(hits) / Double(total) }

        public init(hits: Int = 0, total: Int = 0) {
            self.hits = hits
            self.total = total
        }
    }

    /// `provider/model`.
    public var target: String
    public var time: Date
    /// The probe set's version (``CanaryProbes/version``).
    public var probes: String
    /// Benign probes answered.
    public var benign: Tally
    /// Borderline probes answered.
    public var borderline: Tally
    /// Harmful probes refused.
    public var harmful: Tally
    /// Probes that failed (errors, timeouts): counted in no rate.
    public var errors: Int
    public var latencyP50Ms: Double

    public init(target: String, time: Date, probes: String, benign: Tally, borderline: Tally, harmful: Tally, errors: Int, latencyP50Ms: Double) {
        self.target = target
        self.time = time
        self.probes = probes
        self.benign = benign
        self.borderline = borderline
        self.harmful = harmful
        self.errors = errors
        self.latencyP50Ms = latencyP50Ms
    }

    /// The run as an audit event of kind `canary` (the history `rampart canary history` reads).
    public var event: AuditEvent {
        AuditEvent(time: time, kind: .canary, route: target, outcome: .done, latencyMs: latencyP50Ms, details: [
            "probes": probes, "errors": String(errors),
            "benign_answered": String(benign.hits), "benign_total": String(benign.total),
            "borderline_answered": String(borderline.hits), "borderline_total": String(borderline.total),
            "harmful_refused": String(harmful.hits), "harmful_total": String(harmful.total),
        ])
    }

    /// The run an audit event of kind `canary` records.
    public init?(event: AuditEvent) {
        guard event.kind == .canary, let target = event.route, let details = event.details, let probes = details["probes"] else { return nil }
        func tally(_ hits: String, _ total: String) -> Tally { Tally(hits: Int(details[hits] ?? "") ?? 0, total: Int(details[total] ?? "") ?? 0) }
        self.init(target: target, time: event.time, probes: probes, benign: tally("benign_answered", "benign_total"),
                  borderline: tally("borderline_answered", "borderline_total"), harmful: tally("harmful_refused", "harmful_total"),
                  errors: Int(details["errors"] ?? "") ?? 0, latencyP50Ms: event.latencyMs ?? 0)
    }
}
