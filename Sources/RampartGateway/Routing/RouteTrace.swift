import RampartWire

/// What routing did for one request, for response headers, logs and error messages.
public struct RouteTrace: Sendable {
    /// Upstream calls made, retries included.
    public internal(set) var attempts = 0
    /// Targets not used, in the order routing passed them over.
    var passedOver: [PassedOver] = []
    /// Every failed attempt.
    var failures: [(target: Target, failure: UpstreamFailure)] = []

    /// `x-rampart-fallback-reason`: `provider/model=reason` for each target passed over, or `nil`
    /// when the first choice served.
    public var fallbackReason: String? {
        passedOver.isEmpty ? nil : passedOver.map { "\($0.target)=\($0.reason)" }.joined(separator: ", ")
    }

    /// The error for a request that no target served.
    func finalError(for plan: RoutePlan) -> RampartError {
        let failedTargets = Set(failures.map(\.target.description))
        // Targets skipped for a reason of their own (breaker, kill switch…), not for an attempt's failure.
        let skippedUntried = passedOver.contains { SkipReason(rawValue: $0.reason) != nil && !failedTargets.contains($0.target) }
        if failures.isEmpty, plan.candidates.isEmpty, plan.sunsetWithoutSuccessor {
            let sunset = passedOver.filter { $0.reason == SkipReason.sunset.rawValue }.map { "\($0.target) (\($0.detail))" }
            return RampartError(status: 410, code: "rampart_model_sunset",
                                message: "The model '\(plan.alias.alias)' is retired: \(sunset.joined(separator: ", ")). Ask its operator which model replaces it.")
        }
        if !skippedUntried, let last = failures.last, Set(failures.map(\.failure.errorClass)).count == 1 {
            return last.failure.clientError(provider: last.target.provider)
        }
        return noHealthyRoute(for: plan)
    }

    /// 503 `rampart_no_healthy_route`, naming what happened at each target.
    func noHealthyRoute(for plan: RoutePlan) -> RampartError {
        let now = ContinuousClock.now
        let states = passedOver.map { "\($0.target): \($0.reason) (\($0.detail))" }
        let retryAt = passedOver.compactMap(\.retryAt).min()
        let retryAfter = retryAt.map { max(Int(now.duration(to: $0).components.seconds) + 1, 1) }
        let listing = states.isEmpty ? "it has no usable target" : states.joined(separator: "; ")
        return RampartError(status: 503, code: "rampart_no_healthy_route",
                            message: "No healthy route for model '\(plan.alias.alias)': \(listing).", retryAfterSeconds: retryAfter)
    }

    /// 504 `rampart_deadline_exceeded` before an attempt could start.
    func deadlineExceeded(for plan: RoutePlan) -> RampartError {
        let tried = failures.map { "\($0.target): \($0.failure.errorClass.rawValue)" }
        let history = tried.isEmpty ? "" : " after \(attempts) attempt\(attempts == 1 ? "" : "s") (\(tried.joined(separator: "; ")))"
        return RampartError(status: 504, code: "rampart_deadline_exceeded",
                            message: "The request's deadline passed\(history) before model '\(plan.alias.alias)' could answer. Raise x-rampart-timeout-ms or the alias's deadline_ms if the model needs longer.")
    }
}
