/// `canaries`: probing every target with a fixed prompt set, and the drift test over the runs.
public struct CanaryConfig: Sendable, Hashable {
    /// `every_s`: how often the server runs them; `nil`: only on demand (`rampart canary run`,
    /// `POST /admin/canaries/run`).
    public var interval: Duration?
    /// `daily_budget`: probe requests per target per UTC day, at most; a run that would exceed it is skipped.
    public var dailyBudget = 500
    /// `targets`: which `provider/model`s to probe; empty: every target the aliases route to.
    public var targets: [String] = []
    /// `max_tokens`: the longest answer a probe asks for.
    public var maxTokens = 64
    /// `drift`: the test's settings.
    public var drift = DriftDetector.Settings()

    public init() {}
}

extension ConfigLoader {
    /// The `canaries` section; `targets` are the configured ones, to check names against.
    static func readCanaries(_ node: ConfigNode, targets known: Set<String>) -> CanaryConfig {
        var config = CanaryConfig()
        guard let node = node.mapping(allowedKeys: ["every_s", "daily_budget", "targets", "max_tokens", "drift"]) else { return config }
        if let seconds = node.child("every_s").int(min: 10, max: 7 * 86_400) { config.interval = .seconds(seconds) }
        if let budget = node.child("daily_budget").int(min: 1, max: 1_000_000) { config.dailyBudget = budget }
        if let tokens = node.child("max_tokens").int(min: 1, max: 4096) { config.maxTokens = tokens }
        for target in node.child("targets").sequence() {
            guard let name = target.string() else { continue }
            if known.contains(name) {
                config.targets.append(name)
            } else {
                target.diagnostics.report(target, "names '\(name)', which no alias routes to (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
        if let drift = node.child("drift").mapping(allowedKeys: ["baseline_runs", "window_runs", "alpha", "min_change"]) {
            if let runs = drift.child("baseline_runs").int(min: 1, max: 1000) { config.drift.baselineRuns = runs }
            if let runs = drift.child("window_runs").int(min: 1, max: 1000) { config.drift.windowRuns = runs }
            if let alpha = drift.child("alpha").double(min: 1e-12, max: 0.5) { config.drift.alpha = alpha }
            if let change = drift.child("min_change").double(min: 0, max: 1) { config.drift.minimumChange = change }
        }
        return config
    }
}
