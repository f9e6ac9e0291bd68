import Foundation

/// The routing parts of the configuration: the `routing` section, model aliases and their
/// targets (docs/routing.md).
extension ConfigLoader {
    static func readRouting(_ node: ConfigNode) -> RoutingDefaults {
        var routing = RoutingDefaults()
        guard let node = node.mapping(allowedKeys: ["deadline_ms", "stream_failover", "retry", "breaker", "on_error"]) else { return routing }
        if let deadline = node.child("deadline_ms").milliseconds() { routing.deadline = deadline }
        if let mode = node.child("stream_failover").choice(of: StreamFailoverMode.self) { routing.streamFailover = mode }
        if let retry = node.child("retry").mapping(allowedKeys: ["base_delay_ms", "max_delay_ms"]) {
            if let base = retry.child("base_delay_ms").milliseconds(min: 0) { routing.retry.baseDelay = base }
            if let max = retry.child("max_delay_ms").milliseconds(min: 0) { routing.retry.maxDelay = max }
        }
        if let breaker = node.child("breaker").mapping(allowedKeys: [
            "window_s", "min_requests", "failure_rate", "consecutive_failures", "cooldown_s", "suspension_cooldown_s",
        ]) {
            if let window = breaker.child("window_s").int(min: 1, max: 3600) { routing.breaker.window = .seconds(window) }
            if let minimum = breaker.child("min_requests").int(min: 1) { routing.breaker.minRequests = minimum }
            if let rate = breaker.child("failure_rate").double(min: 0.01, max: 1) { routing.breaker.failureRate = rate }
            if let run = breaker.child("consecutive_failures").int(min: 1) { routing.breaker.consecutiveFailures = run }
            if let cooldown = breaker.child("cooldown_s").int(min: 1) { routing.breaker.cooldown = .seconds(cooldown) }
            if let cooldown = breaker.child("suspension_cooldown_s").int(min: 1) { routing.breaker.suspensionCooldown = .seconds(cooldown) }
        }
        routing.actions = readActions(node.child("on_error"))
        return routing
    }

    static func readTimeouts(_ node: ConfigNode, base: TargetTimeouts) -> TargetTimeouts {
        var timeouts = base
        guard let node = node.mapping(allowedKeys: ["connect_ms", "first_byte_ms", "idle_ms", "total_ms"]) else { return timeouts }
        if let connect = node.child("connect_ms").milliseconds() { timeouts.connect = connect }
        if let firstByte = node.child("first_byte_ms").milliseconds() { timeouts.firstByte = firstByte }
        if let idle = node.child("idle_ms").milliseconds() { timeouts.idle = idle }
        if let total = node.child("total_ms").milliseconds() { timeouts.total = total }
        return timeouts
    }

    static func readModel(_ node: ConfigNode, providerTimeouts: [String: TargetTimeouts]) -> ModelAlias? {
        guard let node = node.mapping(allowedKeys: [
            "alias", "strategy", "targets", "deadline_ms", "stream_failover", "on_error", "access", "high_risk_target",
            "content_policy_fallbacks", "after_sunset", "on_drift",
        ]) else { return nil }
        let alias = node.child("alias").string(required: true)
        let strategy = node.child("strategy").choice(of: ModelAlias.Strategy.self) ?? .fallback
        let targetNodes = node.child("targets").sequence()
        if targetNodes.isEmpty { node.diagnostics.report(node.child("targets"), "must list at least one target") }
        let targets = targetNodes.compactMap { readTarget($0, providerTimeouts: providerTimeouts) }
        if strategy == .weighted, !targets.isEmpty, targets.allSatisfy({ $0.weight == 0 }) {
            node.diagnostics.report(node.child("targets"), "must give at least one target a weight above 0 with strategy weighted")
        }
        guard let alias else { return nil }
        var model = ModelAlias(alias: alias, strategy: strategy, targets: targets)
        model.deadline = node.child("deadline_ms").milliseconds()
        model.streamFailover = node.child("stream_failover").choice(of: StreamFailoverMode.self)
        model.actions = readActions(node.child("on_error"))
        model.access = readAccess(node.child("access"))
        if node.child("high_risk_target").isPresent {
            model.highRiskTarget = readTarget(node.child("high_risk_target"), providerTimeouts: providerTimeouts)
        }
        model.contentPolicyFallbacks = node.child("content_policy_fallbacks").sequence().compactMap {
            readTarget($0, providerTimeouts: providerTimeouts)
        }
        model.afterSunset = node.child("after_sunset").choice(of: AfterSunset.self)
        model.shiftOnDrift = node.child("on_drift").choice(["alert", "shift"]) == "shift"
        return model
    }

    private static func readTarget(_ node: ConfigNode, providerTimeouts: [String: TargetTimeouts]) -> Target? {
        guard let node = node.mapping(allowedKeys: ["provider", "model", "weight", "retries", "context_window", "timeouts", "deprecated"]) else {
            return nil
        }
        let provider = node.child("provider").string(required: true)
        let model = node.child("model").string(required: true)
        guard let provider, let model else { return nil }
        var target = Target(provider: provider, model: model)
        target.weight = node.child("weight").int(min: 0) ?? 1
        target.retries = node.child("retries").int(min: 0, max: 10) ?? 1
        target.contextWindow = node.child("context_window").int(min: 1)
        target.timeouts = readTimeouts(node.child("timeouts"), base: providerTimeouts[provider] ?? TargetTimeouts())
        target.deprecation = readDeprecation(node.child("deprecated"))
        return target
    }

    private static func readDeprecation(_ node: ConfigNode) -> Deprecation? {
        guard let node = node.mapping(allowedKeys: ["since", "sunset", "successor"]) else { return nil }
        let sunset = node.child("sunset").date(required: true)
        let since = node.child("since").date() ?? Date()
        guard let sunset else { return nil }
        return Deprecation(since: since, sunset: sunset, successor: node.child("successor").string())
    }

    private static func readAccess(_ node: ConfigNode) -> AccessRules {
        guard let node = node.mapping(allowedKeys: ["require", "deny"]) else { return AccessRules() }
        return AccessRules(require: node.child("require").stringLists(), deny: node.child("deny").stringLists())
    }

    private static func readActions(_ node: ConfigNode) -> [ErrorClass: ErrorAction] {
        var actions: [ErrorClass: ErrorAction] = [:]
        guard node.mapping(allowedKeys: ErrorClass.allCases.map(\.rawValue)) != nil else { return actions }
        for (name, value) in node.entries() {
            guard let errorClass = ErrorClass(rawValue: name),
                  let action = value.choice(of: ErrorAction.self) else { continue }
            actions[errorClass] = action
        }
        return actions
    }

    /// Checks what routing names across sections: providers of every target, successor aliases.
    static func crossCheckRouting(_ top: ConfigNode, providers: Set<String>, models: [ModelAlias]) {
        let report = top.diagnostics.report
        let known = providers.sorted().joined(separator: ", ")
        let aliases = Set(models.map(\.alias))
        let modelNodes = top.child("models").sequence()
        for (index, model) in models.enumerated() {
            let node = modelNodes[min(index, modelNodes.count - 1)]
            var references: [(Target, ConfigNode)] = model.targets.enumerated().map { ($1, node.child("targets").sequence()[$0]) }
            if let target = model.highRiskTarget { references.append((target, node.child("high_risk_target"))) }
            references += model.contentPolicyFallbacks.enumerated().map { ($1, node.child("content_policy_fallbacks").sequence()[$0]) }
            for (target, targetNode) in references where !providers.contains(target.provider) {
                report(targetNode.child("provider"), "names provider '\(target.provider)', which is not defined (defined: \(known.isEmpty ? "none" : known))")
            }
            for (targetIndex, target) in model.targets.enumerated() {
                guard let successor = target.deprecation?.successor else { continue }
                let deprecated = node.child("targets").sequence()[targetIndex].child("deprecated").child("successor")
                if !aliases.contains(successor) {
                    report(deprecated, "names alias '\(successor)', which is not defined")
                } else if successor == model.alias {
                    report(deprecated, "names the alias it belongs to; a successor must be another alias")
                }
            }
        }
    }
}
