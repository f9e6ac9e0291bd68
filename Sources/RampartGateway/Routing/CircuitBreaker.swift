/// A per-target circuit breaker: closed, open, half-open (docs/routing.md).
///
/// A value type with no clock or lock of its own: callers pass the time and serialise access
/// (``TargetMonitor`` holds one under a lock). It guarantees that while half-open exactly one
/// attempt (the probe) is admitted until that probe's outcome is recorded or abandoned.
public struct CircuitBreaker: Sendable {
    public enum State: Sendable, Hashable {
        case closed
        /// Skipping the target until `until`; then one probe is let through.
        case open(until: ContinuousClock.Instant)
        /// The cooldown is over; `probing` while the single probe is in flight.
        case halfOpen(probing: Bool)

        /// `closed`, `open` or `half_open`.
        public var name: String {
            switch self {
            case .closed: "closed"
            case .open: "open"
            case .halfOpen: "half_open"
            }
        }
    }

    /// Whether an attempt may go to the target.
    public enum Admission: Sendable, Hashable {
        case allowed
        /// Allowed as the half-open probe: its outcome decides the breaker's state.
        case probe
        /// Not allowed; `retryAt` is when a probe may go, `nil` while a probe is in flight.
        case rejected(retryAt: ContinuousClock.Instant?)
    }

    public let settings: BreakerSettings
    public private(set) var state: State = .closed
    /// Failures in a row since the last success.
    public private(set) var consecutiveFailures = 0
    private var window: SlidingCounts

    public init(settings: BreakerSettings, now: ContinuousClock.Instant) {
        self.settings = settings
        window = SlidingCounts(seconds: max(Int(settings.window.components.seconds), 1), origin: now)
    }

    /// Attempts and failures in the current window.
    public func counts(now: ContinuousClock.Instant) -> (attempts: Int, failures: Int) {
        window.totals(now: now)
    }

    /// Asks to send an attempt now; moves open to half-open once the cooldown is over.
    public mutating func admit(now: ContinuousClock.Instant) -> Admission {
        switch state {
        case .closed:
            return .allowed
        case .open(let until):
            guard now >= until else { return .rejected(retryAt: until) }
            state = .halfOpen(probing: true)
            return .probe
        case .halfOpen(let probing):
            guard !probing else { return .rejected(retryAt: nil) }
            state = .halfOpen(probing: true)
            return .probe
        }
    }

    /// Records an attempt's outcome; returns the new state when it changed.
    public mutating func record(_ effect: BreakerEffect, probe: Bool, now: ContinuousClock.Instant) -> State? {
        let before = state
        switch effect {
        case .healthy:
            consecutiveFailures = 0
            if probe {
                state = .closed
                window.reset(now: now)
            }
            window.add(failure: false, now: now)
        case .failure:
            consecutiveFailures += 1
            window.add(failure: true, now: now)
            if probe || (state == .closed && tripped(now: now)) { open(for: settings.cooldown, now: now) }
        case .suspension:
            consecutiveFailures += 1
            window.add(failure: true, now: now)
            open(for: settings.suspensionCooldown, now: now)
        case .neutral:
            if probe { state = .halfOpen(probing: false) }
        }
        return state == before ? nil : state
    }

    /// Gives back a probe whose outcome will never be known (its client left), so that another
    /// request can probe.
    public mutating func abandon(probe: Bool) {
        if probe, case .halfOpen = state { state = .halfOpen(probing: false) }
    }

    /// Skips the target for `duration` from `now`, or longer when it is already open for longer.
    public mutating func open(for duration: Duration, now: ContinuousClock.Instant) {
        let until = now + duration
        if case .open(let current) = state, current > until { return }
        state = .open(until: until)
    }

    private func tripped(now: ContinuousClock.Instant) -> Bool {
        if consecutiveFailures >= settings.consecutiveFailures { return true }
        let (attempts, failures) = window.totals(now: now)
        return attempts >= settings.minRequests && Double(failures) >= settings.failureRate * Double(attempts)
    }
}

/// Attempt and failure counts over the last N seconds, in one-second buckets.
struct SlidingCounts: Sendable {
    private struct Bucket: Sendable {
        var second = Int.min
        var attempts = 0
        var failures = 0
    }

    private var buckets: [Bucket]
    private let origin: ContinuousClock.Instant

    init(seconds: Int, origin: ContinuousClock.Instant) {
        buckets = Array(repeating: Bucket(), count: seconds)
        self.origin = origin
    }

    mutating func add(failure: Bool, now: ContinuousClock.Instant) {
        let second = self.second(now)
        let index = second % buckets.count
        if buckets[index].second != second { buckets[index] = Bucket(second: second) }
        buckets[index].attempts += 1
        if failure { buckets[index].failures += 1 }
    }

    func totals(now: ContinuousClock.Instant) -> (attempts: Int, failures: Int) {
        let oldest = second(now) - buckets.count + 1
        return buckets.reduce(into: (0, 0)) { sum, bucket in
            guard bucket.second >= oldest else { return }
            sum.0 += bucket.attempts
            sum.1 += bucket.failures
        }
    }

    mutating func reset(now: ContinuousClock.Instant) {
        buckets = Array(repeating: Bucket(), count: buckets.count)
    }

    private func second(_ now: ContinuousClock.Instant) -> Int {
        max(Int(origin.duration(to: now).components.seconds), 0)
    }
}
