import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers
import RampartStore
import RampartWire

/// Runs the canary probes against every target, keeps each target's runs, and acts on drift
/// (docs/canaries.md): an incident through the escalation routes, and — for aliases configured
/// with `on_drift: shift` — a kill switch that takes the target out of those aliases' routes until
/// an operator lifts it.
///
/// Runs one at a time; a scheduled run that finds one in progress is skipped. Each run is an audit
/// event of kind `canary`. A target flagged once is not flagged again until ``clear(_:)`` (or a
/// restart) starts its baseline anew, so that a drifted target does not become its own baseline.
public final class CanaryMonitor: Sendable {
    /// One target as `GET /admin/canaries` shows it.
    public struct TargetStatus: Codable, Sendable {
        public var target: String
        public var latest: CanaryResult?
        public var runs: Int
        public var drift: [DriftDetector.Finding]
        public var incident: String?
        public var killSwitch: String?
        public var probesToday: Int
    }

    private struct Drift {
        var findings: [DriftDetector.Finding]
        var incident: String?
        var killSwitch: String?
    }

    private struct State {
        var history: [String: [CanaryResult]] = [:]
        var drifting: [String: Drift] = [:]
        var day = 0
        var probesToday: [String: Int] = [:]
        var running = false
    }

    private let gateway: @Sendable () -> Gateway
    private let incidents: IncidentDesk?
    private let record: @Sendable (AuditEvent) -> Void
    private let logger: Logger
    private let state: NIOLockedValueBox<State>
    private let timer = NIOLockedValueBox<Schedule?>(nil)

    /// The schedule's timer (Dispatch allows resuming and cancelling it from any thread).
    private struct Schedule: @unchecked Sendable {
        var timer: any DispatchSourceTimer
    }

    /// - Parameters:
    ///   - gateway: the gateway to probe through (the current one: a reload may change providers).
    ///   - incidents: where drift opens incidents; without it drift is only logged and counted.
    ///   - record: keeps each run (the audit trail).
    ///   - history: earlier runs, oldest first (from the trail), so that a restart keeps the baselines.
    public init(gateway: @escaping @Sendable () -> Gateway, incidents: IncidentDesk?, record: @escaping @Sendable (AuditEvent) -> Void,
                history: [CanaryResult] = [], logger: Logger) {
        self.gateway = gateway
        self.incidents = incidents
        self.record = record
        self.logger = logger
        state = NIOLockedValueBox(State(history: Dictionary(grouping: history, by: \.target)))
    }

    /// Runs on the configuration's schedule (`canaries.every_s`), when it has one.
    public func start() {
        guard let interval = gateway().config.canaries.interval else { return }
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "rampart.canaries"))
        let seconds = Int(interval.components.seconds)
        source.schedule(deadline: .now() + .seconds(seconds), repeating: .seconds(seconds))
        source.setEventHandler { [weak self] in
            guard let self else { return }
            Task { _ = await self.run() }
        }
        timer.withLockedValue { $0 = Schedule(timer: source) }
        source.resume()
    }

    public func stop() {
        timer.withLockedValue { timer in
            timer?.timer.cancel()
            timer = nil
        }
    }

    /// Probes `target` (every configured one when `nil`) now; returns the runs made (none when a
    /// run is already in progress, or for targets over their daily budget).
    public func run(target: String? = nil) async -> [CanaryResult] {
        guard state.withLockedValue({ state -> Bool in
            defer { state.running = true }
            return !state.running
        }) else { return [] }
        defer { state.withLockedValue { $0.running = false } }
        let gateway = gateway()
        let config = gateway.config.canaries
        let targets = gateway.targets.filter { candidate in
            target.map { candidate.description == $0 } ?? (config.targets.isEmpty || config.targets.contains(candidate.description))
        }
        var results: [CanaryResult] = []
        for target in targets {
            guard spend(CanaryProbes.builtin.count, on: target.description, budget: config.dailyBudget) else {
                logger.warning("canary run skipped: the target's daily budget is spent", metadata: [
                    "target": "\(target)", "daily_budget": "\(config.dailyBudget)"])
                continue
            }
            let result = await probe(target, through: gateway, maxTokens: config.maxTokens)
            results.append(result)
            await judge(result, gateway: gateway)
        }
        return results
    }

    /// What every target shows now.
    public func status() -> [TargetStatus] {
        let targets = gateway().targets.map(\.description)
        return state.withLockedValue { state in
            targets.map { target in
                let drift = state.drifting[target]
                return TargetStatus(target: target, latest: state.history[target]?.last, runs: state.history[target]?.count ?? 0,
                                    drift: drift?.findings ?? [], incident: drift?.incident, killSwitch: drift?.killSwitch,
                                    probesToday: state.probesToday[target] ?? 0)
            }
        }
    }

    /// Forgets `target`'s runs and drift: its next runs form a new baseline.
    public func clear(_ target: String) {
        state.withLockedValue { state in
            state.history[target] = nil
            state.drifting[target] = nil
        }
        Gauge(label: "rampart_canary_drifting", dimensions: [("target", target)]).record(0)
    }

    /// Counts `probes` against today's budget of `target`; false when they do not fit.
    private func spend(_ probes: Int, on target: String, budget: Int) -> Bool {
        let day = Int(Date().timeIntervalSince1970 / 86_400)
        return state.withLockedValue { state in
            if state.day != day {
                state.day = day
                state.probesToday = [:]
            }
            guard (state.probesToday[target] ?? 0) + probes <= budget else { return false }
            state.probesToday[target, default: 0] += probes
            return true
        }
    }

    private func probe(_ target: Target, through gateway: Gateway, maxTokens: Int) async -> CanaryResult {
        var benign = CanaryResult.Tally(), borderline = CanaryResult.Tally(), harmful = CanaryResult.Tally()
        var errors = 0
        var latencies: [Double] = []
        for probe in CanaryProbes.builtin {
            let request = ChatRequest(model: target.model, messages: [Message(role: .user, content: [.text(TextPart(text: probe.text))])],
                                      maxTokens: maxTokens, temperature: 0, sourceAPI: .openAI)
            let started = ContinuousClock.now
            let refused: Bool
            do {
                refused = Refusal.refuses(try await gateway.probe(request, target: target))
            } catch {
                errors += 1
                continue
            }
            let elapsed = started.duration(to: .now)
            latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            switch probe.kind {
            case .benign: benign = CanaryResult.Tally(hits: benign.hits + (refused ? 0 : 1), total: benign.total + 1)
            case .borderline: borderline = CanaryResult.Tally(hits: borderline.hits + (refused ? 0 : 1), total: borderline.total + 1)
            case .harmful: harmful = CanaryResult.Tally(hits: harmful.hits + (refused ? 1 : 0), total: harmful.total + 1)
            }
        }
        let median = latencies.sorted().dropFirst(latencies.count / 2).first ?? 0
        return CanaryResult(target: target.description, time: Date(), probes: CanaryProbes.version, benign: benign, borderline: borderline,
                            harmful: harmful, errors: errors, latencyP50Ms: (median * 1000).rounded() / 1000)
    }

    /// Keeps `result`, and acts when it shows drift.
    private func judge(_ result: CanaryResult, gateway: Gateway) async {
        record(result.event)
        for (name, tally) in [("benign_answer_rate", result.benign), ("borderline_answer_rate", result.borderline), ("harmful_refusal_rate", result.harmful)] {
            Gauge(label: "rampart_canary_rate", dimensions: [("target", result.target), ("rate", name)]).record(tally.rate)
        }
        Counter(label: "rampart_canary_runs_total", dimensions: [("target", result.target)]).increment()
        let settings = gateway.config.canaries.drift
        let findings = state.withLockedValue { state -> [DriftDetector.Finding] in
            state.history[result.target, default: []].append(result)
            if state.history[result.target]!.count > 500 { state.history[result.target]!.removeFirst() }
            guard state.drifting[result.target] == nil else { return [] }
            let findings = DriftDetector.assess(state.history[result.target]!, settings: settings)
            if !findings.isEmpty { state.drifting[result.target] = Drift(findings: findings) }
            return findings
        }
        guard !findings.isEmpty else { return }
        await act(on: findings, target: result.target, gateway: gateway)
    }

    private func act(on findings: [DriftDetector.Finding], target: String, gateway: Gateway) async {
        for finding in findings {
            Counter(label: "rampart_canary_drift_total", dimensions: [("target", target), ("direction", finding.direction.rawValue)]).increment()
            logger.error("canary drift", metadata: ["target": "\(target)", "finding": "\(finding.summary)"])
        }
        Gauge(label: "rampart_canary_drifting", dimensions: [("target", target)]).record(1)
        let aliases = gateway.config.models.filter { $0.allTargets.contains { $0.description == target } }
        let shifted = aliases.filter(\.shiftOnDrift).map(\.alias)
        let summary = findings.map(\.summary).joined(separator: "; ")
        var killSwitch: KillSwitch?
        if !shifted.isEmpty {
            do {
                killSwitch = try gateway.killSwitches.create(scope: .target, target: target, tenant: nil, attributes: [:],
                                                             reason: "canary drift: \(summary)", expiresAt: nil, actor: "canary", aliases: shifted)
                logger.notice("canary drift: traffic shifted away from the target", metadata: ["target": "\(target)", "aliases": "\(shifted)"])
            } catch {
                logger.error("canary drift: the kill switch that shifts traffic could not be thrown", metadata: ["error": "\(error)"])
            }
        }
        guard let incidents else { return }
        let underRefusing = findings.contains { $0.direction == .underRefusing }
        do {
            let incident = try await incidents.open(Incident(
                title: "Canary: \(target) \(underRefusing ? "is under-refusing (a safety regression)" : "is over-refusing (answers ordinary requests less)")",
                severity: underRefusing ? .critical : .high, trigger: "canary", scope: Incident.Scope(aliases: aliases.map(\.alias)),
                actor: "canary", evidence: findings.map { Incident.Evidence(kind: "canary_drift", reference: target, summary: $0.summary) }))
            if let killSwitch {
                _ = try await incidents.mitigate(incident.id, action: "kill switch \(killSwitch.id) takes \(target) out of \(shifted.joined(separator: ", "))",
                                                 actor: "canary", reference: killSwitch.id)
            }
            state.withLockedValue { $0.drifting[target]?.incident = incident.id; $0.drifting[target]?.killSwitch = killSwitch?.id }
        } catch {
            logger.error("canary drift: the incident could not be opened", metadata: ["error": "\(error)"])
        }
    }
}
