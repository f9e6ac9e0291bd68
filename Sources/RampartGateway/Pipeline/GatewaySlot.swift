import NIOConcurrencyHelpers

/// The gateway that serves requests now, replaced whole when the configuration is reloaded.
///
/// Guarantees: a request takes the current gateway once, at its start (``acquire()``), and keeps it
/// until it ends (``release(_:)``), so a reload never changes the rules, routes or guard under a
/// request in flight. A replaced gateway is shut down (its upstream connections closed) when the
/// last request it was serving ends, or after `drainLimit` at the latest — a stream whose body
/// never ran does not keep it forever. Does not: carry runtime state (breaker windows, latency
/// averages) from the old gateway to the new one.
public final class GatewaySlot: Sendable {
    private struct State {
        var current: Gateway
        /// Requests in flight on each gateway that has any.
        var inFlight: [ObjectIdentifier: Int] = [:]
        /// Replaced gateways not yet shut down.
        var retired: [ObjectIdentifier: Gateway] = [:]
    }

    private let state: NIOLockedValueBox<State>

    public init(_ gateway: Gateway) {
        state = NIOLockedValueBox(State(current: gateway))
    }

    /// The current gateway, without holding it (for quick, synchronous reads: info and admin routes).
    public var current: Gateway {
        state.withLockedValue(\.current)
    }

    /// The current gateway, held until ``release(_:)``.
    public func acquire() -> Gateway {
        state.withLockedValue { state in
            state.inFlight[ObjectIdentifier(state.current), default: 0] += 1
            return state.current
        }
    }

    /// Ends a request that ``acquire()`` started; shuts its gateway down if that was the last
    /// request of a replaced one.
    public func release(_ gateway: Gateway) {
        let id = ObjectIdentifier(gateway)
        let finished = state.withLockedValue { state -> Gateway? in
            let remaining = (state.inFlight[id] ?? 1) - 1
            state.inFlight[id] = remaining > 0 ? remaining : nil
            return remaining > 0 ? nil : state.retired.removeValue(forKey: id)
        }
        if let finished { Task { await finished.shutdown() } }
    }

    /// Makes `gateway` the current one and retires the one it replaces.
    public func replace(with gateway: Gateway, drainLimit: Duration) {
        let (old, idle) = state.withLockedValue { state -> (Gateway, Bool) in
            let old = state.current
            state.current = gateway
            let idle = state.inFlight[ObjectIdentifier(old)] == nil
            if !idle { state.retired[ObjectIdentifier(old)] = old }
            return (old, idle)
        }
        if idle {
            Task { await old.shutdown() }
            return
        }
        Task {
            try? await Task.sleep(for: drainLimit)
            let stillRetired = state.withLockedValue { $0.retired.removeValue(forKey: ObjectIdentifier(old)) }
            if let stillRetired { await stillRetired.shutdown() }
        }
    }
}
