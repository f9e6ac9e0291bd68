import Logging

/// Reads the configuration file again and, when it is valid, serves the next requests with a new
/// gateway built from it (SIGHUP, `POST /admin/reload`).
///
/// Guarantees: an invalid file, or one whose gateway cannot be built (an unreadable constitution,
/// a bad `ca_file`), changes nothing: the old configuration keeps serving and the outcome lists
/// every problem. Requests in flight finish on the gateway they started on (``GatewaySlot``).
/// Kill switches, managed keys and limit counts carry over, and so does each target's health (its
/// breaker, a 429 pause, its latency) while its provider's entry and `routing.breaker` are unchanged:
/// a provider given a new key or URL gets a fresh start. A policy change keeps every target's health.
/// Reloads run one at a time. Does not: apply `server`, `store`,
/// `escalation` or `telemetry` changes (the listener, the audit store, the incident desk and the trace exporter are built once) — a
/// file that changes them is rejected with the reason, so nothing is half-applied.
public actor ConfigReloader {
    /// What a reload did.
    public struct Outcome: Sendable {
        public var reloaded: Bool
        /// One line for people: what is served now, or why nothing changed.
        public var message: String
        /// Each problem found (empty when reloaded).
        public var problems: [String]
    }

    private let path: String
    private let slot: GatewaySlot
    private let logger: Logger
    /// What the command line overrides (`--host`, `--port`), applied to every file read.
    private let overrides: @Sendable (inout RampartConfig) -> Void
    /// Told of each new gateway once it serves (to watch its targets).
    private let installed: @Sendable (Gateway) -> Void
    /// The policy versions every gateway built here judges with (``install(policy:actor:)``).
    private var policy: PolicySelection
    /// Hears the candidate policy's shadow judgements.
    private let shadow: (@Sendable (ShadowJudgement) -> Void)?

    public init(path: String, slot: GatewaySlot, logger: Logger, overrides: @escaping @Sendable (inout RampartConfig) -> Void = { _ in },
                installed: @escaping @Sendable (Gateway) -> Void = { _ in }, policy: PolicySelection = PolicySelection(),
                shadow: (@Sendable (ShadowJudgement) -> Void)? = nil) {
        self.path = path
        self.slot = slot
        self.logger = logger
        self.overrides = overrides
        self.installed = installed
        self.policy = policy
        self.shadow = shadow
    }

    /// Serves the running configuration with other policy versions (a promotion, a rollback, a
    /// new candidate): the next request is judged by them. A version that cannot be used changes
    /// nothing; the outcome says why. Installing the versions already served changes nothing (a
    /// replica that applied a rollback itself then sees the same change in the store).
    public func install(policy: PolicySelection, actor: String) -> Outcome {
        guard policy != self.policy else {
            return Outcome(reloaded: true, message: "already judging with these policy versions", problems: [])
        }
        let current = slot.current
        let gateway: Gateway
        do {
            gateway = try Gateway(config: current.config, logger: logger, killSwitches: current.killSwitches, managedKeys: current.managedKeys,
                                  limiter: current.limiter, health: current.monitors, policy: policy, shadow: shadow)
        } catch {
            logger.error("policy change not applied; the previous policy stays", metadata: ["by": "\(actor)", "problem": "\(error.message)"])
            return Self.rejected([error.message])
        }
        self.policy = policy
        slot.replace(with: gateway, drainLimit: current.config.routing.deadline + .seconds(5))
        installed(gateway)
        let message = "judging with policy \(policy.active.map { "\($0.version) (\($0.hash.prefix(16)))" } ?? "from the configuration")"
            + (policy.candidate.map { ", candidate \($0.version) (\($0.hash.prefix(16))) in shadow" } ?? "")
        logger.notice("policy changed", metadata: ["by": "\(actor)", "result": "\(message)"])
        return Outcome(reloaded: true, message: message, problems: [])
    }

    /// Reloads `path`; `actor` says who asked, for the log.
    public func reload(actor: String) -> Outcome {
        let outcome = attempt()
        if outcome.reloaded {
            logger.notice("configuration reloaded", metadata: ["by": "\(actor)", "file": "\(path)", "result": "\(outcome.message)"])
        } else {
            logger.error("configuration reload rejected; the previous configuration stays", metadata: [
                "by": "\(actor)", "file": "\(path)", "problems": "\(outcome.problems.joined(separator: "; "))",
            ])
        }
        return outcome
    }

    private func attempt() -> Outcome {
        var config: RampartConfig
        do {
            config = try ConfigLoader.load(path: path)
        } catch let error as ConfigError {
            return Self.rejected(error.issues.map { "\($0)" })
        } catch {
            return Self.rejected(["\(path): \(error)"])
        }
        overrides(&config)
        let current = slot.current
        let fixed: [(String, Bool)] = [
            ("server", config.server != current.config.server), ("store", config.store != current.config.store),
            ("escalation", config.escalation != current.config.escalation), ("telemetry", config.telemetry != current.config.telemetry),
        ]
        let changed = fixed.filter(\.1).map(\.0)
        guard changed.isEmpty else {
            return Self.rejected(changed.map { "\($0): changes to this section need a restart" })
        }
        if let problem = config.unprotectedExposure { return Self.rejected([problem]) }
        let gateway: Gateway
        do {
            gateway = try Gateway(config: config, logger: logger, killSwitches: current.killSwitches, managedKeys: current.managedKeys,
                                  limiter: current.limiter, health: Self.health(of: current, keptFor: config), policy: policy, shadow: shadow)
        } catch {
            return Self.rejected([error.message])
        }
        slot.replace(with: gateway, drainLimit: config.routing.deadline + .seconds(5))
        installed(gateway)
        return Outcome(reloaded: true, message: "serving \(config.models.count) models from \(config.providers.count) providers", problems: [])
    }

    /// The monitors of `current`'s targets whose provider entry `config` leaves as it was. A changed
    /// entry (a new key, URL or header) is often the fix for what tripped the breaker, so its
    /// targets start afresh; ``Gateway`` also drops any kept monitor whose breaker settings changed.
    private static func health(of current: Gateway, keptFor config: RampartConfig) -> [String: TargetMonitor] {
        let before = Dictionary(current.config.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(config.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return current.monitors.filter { _, monitor in
            guard let old = before[monitor.provider], let new = after[monitor.provider] else { return false }
            return old == new
        }
    }

    private static func rejected(_ problems: [String]) -> Outcome {
        Outcome(reloaded: false, message: "the configuration was not reloaded: \(problems.count) problem\(problems.count == 1 ? "" : "s")",
                problems: problems)
    }
}
