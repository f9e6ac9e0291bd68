import Logging
import Metrics
import RampartWire
import Tracing

/// Runs one request's attempts over a ``RoutePlan``: breakers, retries with backoff, fail-over by
/// error class, restrictions after context-length and content refusals, all within the request's
/// deadline (docs/routing.md).
struct Router: Sendable {
    let providers: [String: any Provider]
    let monitors: [String: TargetMonitor]
    let defaults: RoutingDefaults
    let logger: Logger

    /// A value an upstream produced, with the route that produced it.
    struct Served<Value: Sendable>: Sendable {
        var value: Value
        var target: Target
        var routeReason: RouteReason?
        var trace: RouteTrace
        /// The attempt's breaker outcome, when the caller settles it (``run(_:deadline:excluding:settlesOnReturn:operation:)``).
        var outcome: PendingOutcome?
    }

    /// Tries the plan's candidates in order until `operation` succeeds on one.
    ///
    /// - Parameters:
    ///   - excluding: targets not to try (a resumed stream skips the one that broke).
    ///   - settlesOnReturn: whether an attempt that returns counts as a success for its breaker at
    ///     once; a stream's counts only when it ends, through ``Served/outcome``.
    ///   - operation: one attempt on one target, within the limits given.
    func run<Value: Sendable>(
        _ plan: RoutePlan, deadline: ContinuousClock.Instant, excluding: Set<String> = [], settlesOnReturn: Bool = true,
        operation: (any Provider, Target, AttemptLimits) async throws(UpstreamFailure) -> Value
    ) async throws(RampartError) -> Served<Value> {
        var trace = RouteTrace(passedOver: plan.passedOver)
        var queue = plan.candidates[...]
        var tried = excluding
        var smallestWindowNeeded: Int?
        var onlyContentFallbacks = false
        while let candidate = queue.popFirst() {
            let target = candidate.target
            let name = target.description
            guard !tried.contains(name), let provider = providers[target.provider], let monitor = monitors[name] else { continue }
            tried.insert(name)
            if let needed = smallestWindowNeeded, (target.contextWindow ?? 0) <= needed {
                trace.passedOver.append(PassedOver(target: name, reason: ErrorClass.contextLengthExceeded.rawValue,
                                                   detail: "its context window is not larger than the one that overflowed", retryAt: nil))
                continue
            }
            var admission = monitor.admit()
            var retriesLeft = target.retries
            while case .allowed(let probe) = admission {
                let start = ContinuousClock.now
                guard start < deadline else {
                    monitor.abandon(probe: probe)
                    throw trace.deadlineExceeded(for: plan)
                }
                let attemptEnd = start + target.timeouts.total
                let limits = AttemptLimits(connect: target.timeouts.connect, firstByte: target.timeouts.firstByte, idle: target.timeouts.idle,
                                           end: min(attemptEnd, deadline), endIsRequestDeadline: deadline <= attemptEnd)
                trace.attempts += 1
                let span = AttemptSpan(alias: plan.alias.alias, target: target, attempt: trace.attempts, probe: probe)
                let failure: UpstreamFailure
                do {
                    let value = try await operation(provider, target, limits)
                    span.succeeded()
                    var outcome: PendingOutcome?
                    if settlesOnReturn {
                        monitor.recordSuccess(latency: start.duration(to: .now), probe: probe)
                    } else {
                        monitor.recordLatency(start.duration(to: .now))
                        outcome = PendingOutcome(monitor: monitor, probe: probe)
                    }
                    if !trace.passedOver.isEmpty { countFallback(plan.alias.alias, trace) }
                    return Served(value: value, target: target, routeReason: candidate.routeReason, trace: trace, outcome: outcome)
                } catch {
                    failure = error
                    span.failed(error.errorClass)
                }
                if Task.isCancelled {
                    // The client left: the outcome says nothing about the target.
                    monitor.abandon(probe: probe)
                    throw failure.clientError(provider: target.provider)
                }
                let errorClass = failure.errorClass
                monitor.recordFailure(failure, probe: probe)
                trace.failures.append((target, failure))
                let clientError = failure.clientError(provider: target.provider)
                logger.warning("upstream attempt failed", metadata: [
                    "alias": "\(plan.alias.alias)", "target": "\(name)", "class": "\(errorClass.rawValue)", "detail": "\(clientError.message)",
                ])
                if case .timeout(.deadline, _) = failure { throw clientError }
                let action = plan.alias.actions[errorClass] ?? defaults.actions[errorClass] ?? errorClass.defaultAction
                if action == .return { throw clientError }
                if action == .retry, retriesLeft > 0, !probe {
                    let retryNumber = target.retries - retriesLeft + 1
                    var delay = defaults.retry.delay(beforeRetry: retryNumber)
                    if case .status(let status) = failure, let seconds = status.retryAfterSeconds { delay = max(delay, .seconds(seconds)) }
                    if ContinuousClock.now + delay < deadline {
                        retriesLeft -= 1
                        do {
                            try await Task.sleep(for: delay)
                        } catch {
                            throw clientError
                        }
                        admission = monitor.admit()
                        continue
                    }
                }
                trace.passedOver.append(PassedOver(target: name, reason: errorClass.rawValue, detail: clientError.message, retryAt: nil))
                switch errorClass {
                case .contextLengthExceeded:
                    smallestWindowNeeded = max(smallestWindowNeeded ?? 0, target.contextWindow ?? 0)
                case .contentRefused where !onlyContentFallbacks:
                    onlyContentFallbacks = true
                    queue = plan.contentFallbacks[...]
                default:
                    break
                }
                admission = .rejected(.breakerOpen, retryAt: nil)
            }
            if case .rejected(let reason, let retryAt) = admission, trace.passedOver.last?.target != name {
                trace.passedOver.append(PassedOver(target: name, reason: reason.rawValue, detail: describe(reason, retryAt), retryAt: retryAt))
            }
        }
        if onlyContentFallbacks, plan.contentFallbacks.isEmpty, let refusal = trace.failures.last(where: { $0.failure.errorClass == .contentRefused }) {
            throw refusal.failure.clientError(provider: refusal.target.provider)
        }
        throw trace.finalError(for: plan)
    }

    private func describe(_ reason: SkipReason, _ retryAt: ContinuousClock.Instant?) -> String {
        let wait = retryAt.map { " for another \(max(Int(ContinuousClock.now.duration(to: $0).components.seconds), 0)) s" } ?? ""
        switch reason {
        case .breakerOpen: return retryAt == nil ? "circuit breaker half-open, its probe in flight" : "circuit breaker open\(wait)"
        case .rateLimited: return "paused after a 429\(wait)"
        case .killSwitch, .sunset: return reason.rawValue
        }
    }

    private func countFallback(_ alias: String, _ trace: RouteTrace) {
        guard let first = trace.passedOver.first else { return }
        Counter(label: "rampart_fallbacks_total", dimensions: [("alias", alias), ("reason", first.reason)]).increment()
    }
}
