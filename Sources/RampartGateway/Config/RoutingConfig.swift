import Foundation

/// Routing defaults for every alias: the `routing` section (docs/routing.md).
public struct RoutingDefaults: Sendable {
    /// One budget per request, shared by retries and fallbacks.
    public var deadline: Duration = .seconds(600)
    public var streamFailover: StreamFailoverMode = .continue
    public var retry = RetrySettings()
    public var breaker = BreakerSettings()
    /// Actions that differ from ``ErrorClass/defaultAction``.
    public var actions: [ErrorClass: ErrorAction] = [:]

    public init() {}
}

/// What a stream does when its upstream fails after the client has received its first byte.
public enum StreamFailoverMode: String, Sendable, CaseIterable {
    /// Resume on the next target with the text delivered so far as an assistant prefill.
    case `continue`
    /// End the stream with a typed error event.
    case error
}

/// Jittered exponential backoff between retries of one target.
public struct RetrySettings: Sendable, Hashable {
    public var baseDelay: Duration = .milliseconds(100)
    public var maxDelay: Duration = .seconds(2)

    public init() {}

    /// The pause before retry number `retry` (1-based): a random share of `base × 2^(retry−1)`,
    /// capped at `maxDelay` ("full jitter", so that clients failing together do not retry together).
    public func delay(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 20)
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        return ceiling * Double.random(in: 0...1)
    }
}

/// When a target's circuit breaker opens and for how long.
public struct BreakerSettings: Sendable, Hashable {
    /// The sliding window over which the failure rate is measured.
    public var window: Duration = .seconds(30)
    /// Attempts needed in the window before the failure rate can open the breaker.
    public var minRequests = 5
    /// Share of failed attempts in the window that opens the breaker.
    public var failureRate = 0.5
    /// Failures in a row that open the breaker whatever the window holds.
    public var consecutiveFailures = 5
    /// How long an opened breaker skips its target before letting one probe through.
    public var cooldown: Duration = .seconds(30)
    /// The cooldown after a suspension-type failure (credentials, suspension, model gone, legal block).
    public var suspensionCooldown: Duration = .seconds(600)

    public init() {}
}

/// Time limits for one upstream attempt; set on a provider and overridden per target, key by key.
public struct TargetTimeouts: Sendable, Hashable {
    public var connect: Duration = .seconds(5)
    /// Until the response head arrives (for a non-streaming request, usually the whole answer).
    public var firstByte: Duration = .seconds(600)
    /// The longest silence between two reads of an answer that has started.
    public var idle: Duration = .seconds(600)
    /// One attempt, start to end.
    public var total: Duration = .seconds(600)

    public init() {}
}

/// Attribute rules on an alias: who may use it.
public struct AccessRules: Sendable, Hashable {
    /// Every attribute listed must have one of its values.
    public var require: [(attribute: String, values: [String])] = []
    /// Any attribute listed having one of its values denies.
    public var deny: [(attribute: String, values: [String])] = []

    public init(require: [(String, [String])] = [], deny: [(String, [String])] = []) {
        self.require = require.map { (attribute: $0.0, values: $0.1) }
        self.deny = deny.map { (attribute: $0.0, values: $0.1) }
    }

    public var isEmpty: Bool { require.isEmpty && deny.isEmpty }

    public static func == (lhs: AccessRules, rhs: AccessRules) -> Bool {
        lhs.require.elementsEqual(rhs.require, by: ==) && lhs.deny.elementsEqual(rhs.deny, by: ==)
    }

    public func hash(into hasher: inout Hasher) {
        for rule in require { hasher.combine(rule.attribute); hasher.combine(rule.values) }
        for rule in deny { hasher.combine(rule.attribute); hasher.combine(rule.values) }
    }
}

/// A target being retired: announced by `Deprecation`/`Sunset` headers, replaced after its sunset.
public struct Deprecation: Sendable, Hashable {
    /// Since when the target is deprecated (the `Deprecation` header).
    public var since: Date
    /// When it stops being used (the `Sunset` header).
    public var sunset: Date
    /// The alias that takes its traffic after the sunset.
    public var successor: String?

    public init(since: Date, sunset: Date, successor: String?) {
        self.since = since
        self.sunset = sunset
        self.successor = successor
    }
}

/// What happens to requests for a target past its sunset.
public enum AfterSunset: String, Sendable, CaseIterable {
    /// Route through the successor alias.
    case successor
    /// Drop the target; with none left, answer 410 `rampart_model_sunset`.
    case error
}
