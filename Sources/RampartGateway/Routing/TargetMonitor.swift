import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers

/// What Rampart knows about one target's health: its circuit breaker, a pause after a 429, and its
/// latency. Shared by every alias that routes to the same `provider/model`; safe to use from any
/// task.
public final class TargetMonitor: Sendable {
    public let target: String
    public let provider: String
    /// The breaker's settings, fixed for the monitor's life (a reload with other settings makes new monitors).
    public let settings: BreakerSettings
    private let state: NIOLockedValueBox<Inner>
    private let breakerGauge: Gauge
    private let successes: Counter
    /// `rampart_upstream_latency_seconds`: each successful attempt's time to first byte.
    private let firstByte: Timer
    /// `rampart_upstream_attempts_total` per failure class, made when first needed.
    private let failures: NIOLockedValueBox<[ErrorClass: Counter]> = NIOLockedValueBox([:])
    /// Told when the breaker opens, or a failure says the provider suspended access (see ``watch(_:)``).
    private let watcher: NIOLockedValueBox<(@Sendable (HealthAlert) -> Void)?> = NIOLockedValueBox(nil)

    /// Something about a target that people should hear of.
    public struct HealthAlert: Sendable {
        public enum Kind: String, Sendable {
            /// Credentials rejected, access suspended, model gone, or a legal block: the provider said no.
            case suspension
            /// The circuit breaker opened after repeated failures.
            case breakerOpened = "breaker_opened"
        }

        public var kind: Kind
        public var target: String
        public var provider: String
        public var errorClass: ErrorClass?
        public var message: String
    }

    /// Calls `alert` (from the request's task; keep it quick) for every ``HealthAlert`` from now on.
    public func watch(_ alert: @escaping @Sendable (HealthAlert) -> Void) {
        watcher.withLockedValue { $0 = alert }
    }
    private let logger: Logger

    /// Weight of the newest sample in the latency average.
    static let latencySmoothing = 0.3

    private struct Inner: Sendable {
        var breaker: CircuitBreaker
        var pausedUntil: ContinuousClock.Instant?
        var latencyMilliseconds: Double?
        var lastFailure: FailureNote?
        var openedAt: Date?
    }

    /// The most recent failure, for operators.
    public struct FailureNote: Sendable, Hashable {
        public var errorClass: ErrorClass
        public var message: String
        public var at: Date
    }

    /// A point-in-time view for `GET /admin/providers`.
    public struct Snapshot: Sendable {
        public var state: CircuitBreaker.State
        public var windowAttempts: Int
        public var windowFailures: Int
        public var consecutiveFailures: Int
        public var openedAt: Date?
        /// When an open breaker lets a probe through.
        public var retryAt: Date?
        public var pausedUntil: Date?
        public var latencyMilliseconds: Double?
        public var lastFailure: FailureNote?
    }

    public init(provider: String, target: String, settings: BreakerSettings, logger: Logger) {
        self.provider = provider
        self.target = target
        self.settings = settings
        self.logger = logger
        state = NIOLockedValueBox(Inner(breaker: CircuitBreaker(settings: settings, now: .now)))
        breakerGauge = Gauge(label: "rampart_breaker_state", dimensions: [("provider", provider), ("target", target)])
        breakerGauge.record(0)
        successes = Counter(label: "rampart_upstream_attempts_total", dimensions: [("provider", provider), ("target", target), ("outcome", "success")])
        firstByte = Timer(label: "rampart_upstream_latency_seconds", dimensions: [("provider", provider), ("target", target)])
    }

    /// Asks to send an attempt now. A target paused after a 429 is rejected until the pause ends.
    public func admit() -> Admission {
        let now = ContinuousClock.now
        return state.withLockedValue { inner in
            if let paused = inner.pausedUntil, now < paused { return .rejected(.rateLimited, retryAt: paused) }
            let before = inner.breaker.state
            let admission = inner.breaker.admit(now: now)
            if inner.breaker.state != before { publish(inner.breaker.state) }
            switch admission {
            case .allowed: return .allowed(probe: false)
            case .probe: return .allowed(probe: true)
            case .rejected(let retryAt): return .rejected(.breakerOpen, retryAt: retryAt)
            }
        }
    }

    /// Whether an attempt may go, and whether it is the breaker's probe.
    public enum Admission: Sendable, Hashable {
        case allowed(probe: Bool)
        case rejected(SkipReason, retryAt: ContinuousClock.Instant?)
    }

    /// Records a successful attempt.
    ///
    /// - Parameter latency: its time to first byte, for the latency average, when measured.
    public func recordSuccess(latency: Duration?, probe: Bool) {
        if let latency { firstByte.recordNanoseconds(latency.nanoseconds) }
        state.withLockedValue { inner in
            if let latency { Self.average(latency, into: &inner) }
            apply(.healthy, probe: probe, to: &inner)
        }
        successes.increment()
    }

    /// Records an attempt's time to first byte before its outcome is known (a stream's).
    public func recordLatency(_ latency: Duration) {
        firstByte.recordNanoseconds(latency.nanoseconds)
        state.withLockedValue { Self.average(latency, into: &$0) }
    }

    private static func average(_ latency: Duration, into inner: inout Inner) {
        let milliseconds = Double(latency.components.seconds) * 1000 + Double(latency.components.attoseconds) / 1e15
        inner.latencyMilliseconds = inner.latencyMilliseconds.map { $0 + latencySmoothing * (milliseconds - $0) } ?? milliseconds
    }

    /// Records a failed attempt.
    public func recordFailure(_ failure: UpstreamFailure, probe: Bool) {
        let errorClass = failure.errorClass
        let now = ContinuousClock.now
        state.withLockedValue { inner in
            inner.lastFailure = FailureNote(errorClass: errorClass, message: failure.clientError(provider: provider).message, at: Date())
            if case .status(let status) = failure, errorClass == .rateLimited {
                let pause = ContinuousClock.Instant.now + .seconds(status.retryAfterSeconds ?? 1)
                inner.pausedUntil = max(inner.pausedUntil ?? now, pause)
            }
            apply(errorClass.breakerEffect, probe: probe, to: &inner)
        }
        if errorClass.breakerEffect == .suspension, let alert = watcher.withLockedValue({ $0 }) {
            alert(HealthAlert(kind: .suspension, target: target, provider: provider, errorClass: errorClass,
                              message: failure.clientError(provider: provider).message))
        }
        failures.withLockedValue { counters in
            if let counter = counters[errorClass] { return counter }
            let counter = Counter(label: "rampart_upstream_attempts_total",
                                  dimensions: [("provider", provider), ("target", target), ("outcome", errorClass.rawValue)])
            counters[errorClass] = counter
            return counter
        }.increment()
    }

    /// Gives back an admission whose outcome will never be known (the client left).
    public func abandon(probe: Bool) {
        state.withLockedValue { $0.breaker.abandon(probe: probe) }
    }

    public func snapshot() -> Snapshot {
        let now = ContinuousClock.now
        return state.withLockedValue { inner in
            let counts = inner.breaker.counts(now: now)
            var retryAt: Date?
            if case .open(let until) = inner.breaker.state { retryAt = Date(timeIntervalSinceNow: Self.seconds(now.duration(to: until))) }
            let paused = inner.pausedUntil.flatMap { $0 > now ? Date(timeIntervalSinceNow: Self.seconds(now.duration(to: $0))) : nil }
            return Snapshot(state: inner.breaker.state, windowAttempts: counts.attempts, windowFailures: counts.failures,
                            consecutiveFailures: inner.breaker.consecutiveFailures, openedAt: inner.openedAt, retryAt: retryAt,
                            pausedUntil: paused, latencyMilliseconds: inner.latencyMilliseconds, lastFailure: inner.lastFailure)
        }
    }

    /// Time to first byte, smoothed; `nil` until measured.
    public var latencyMilliseconds: Double? { state.withLockedValue { $0.latencyMilliseconds } }

    private func apply(_ effect: BreakerEffect, probe: Bool, to inner: inout Inner) {
        guard let changed = inner.breaker.record(effect, probe: probe, now: .now) else { return }
        publish(changed)
        switch changed {
        case .open:
            inner.openedAt = Date()
            logger.warning("circuit breaker opened", metadata: [
                "target": "\(target)", "last_failure": "\(inner.lastFailure?.errorClass.rawValue ?? "none")",
            ])
            if let alert = watcher.withLockedValue({ $0 }), inner.lastFailure?.errorClass.breakerEffect != .suspension {
                alert(HealthAlert(kind: .breakerOpened, target: target, provider: provider, errorClass: inner.lastFailure?.errorClass,
                                  message: inner.lastFailure?.message ?? "repeated failures"))
            }
        case .closed:
            inner.openedAt = nil
            logger.notice("circuit breaker closed", metadata: ["target": "\(target)"])
        case .halfOpen:
            break
        }
    }

    /// Sets the gauge: 0 closed, 1 half-open, 2 open.
    private func publish(_ state: CircuitBreaker.State) {
        switch state {
        case .closed: breakerGauge.record(0)
        case .halfOpen: breakerGauge.record(1)
        case .open: breakerGauge.record(2)
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Why routing passed over a target without trying it.
public enum SkipReason: String, Sendable, Hashable {
    case breakerOpen = "breaker_open"
    case rateLimited = "rate_limited"
    case killSwitch = "kill_switch"
    case sunset
}

/// The breaker outcome of a streamed attempt, known only when its stream ends: settled once, as
/// a success, a failure, or — when the stream is dropped unsettled (its client left) — abandoned.
final class PendingOutcome: @unchecked Sendable {
    // Settled by the one task that consumes the stream.
    private let monitor: TargetMonitor
    private let probe: Bool
    private var settled = false

    init(monitor: TargetMonitor, probe: Bool) {
        self.monitor = monitor
        self.probe = probe
    }

    func succeeded() {
        guard !settled else { return }
        settled = true
        monitor.recordSuccess(latency: nil, probe: probe)
    }

    func failed(_ failure: UpstreamFailure) {
        guard !settled else { return }
        settled = true
        monitor.recordFailure(failure, probe: probe)
    }

    deinit {
        if !settled { monitor.abandon(probe: probe) }
    }
}
