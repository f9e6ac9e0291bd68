import NIOConcurrencyHelpers
import NIOCore

/// A channel handler that notices when the client closes its side of the connection (TCP
/// half-close, which Hummingbird's HTTP/1 pipeline allows, or a full close) and tells the requests
/// that asked to know.
///
/// One instance per connection, found by its channel through ``detector(for:)``.
final class ClientHangUpDetector: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    /// A request's interest in the hang-up, to remove when the request is done.
    struct Registration: Sendable {
        fileprivate let id: Int
    }

    private struct State {
        var hungUp = false
        var nextID = 0
        var actions: [Int: @Sendable () -> Void] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// Whether the client has closed its side.
    var clientHungUp: Bool { state.withLockedValue { $0.hungUp } }

    /// Calls `action` once when the client hangs up, unless the registration is removed first.
    /// Returns `nil`, without calling it, when the client already has.
    func onHangUp(_ action: @escaping @Sendable () -> Void) -> Registration? {
        state.withLockedValue { state in
            guard !state.hungUp else { return nil }
            state.nextID += 1
            state.actions[state.nextID] = action
            return Registration(id: state.nextID)
        }
    }

    /// Forgets a registration. When it returns, its action is not running and will never run.
    func remove(_ registration: Registration) {
        _ = state.withLockedValue { $0.actions.removeValue(forKey: registration.id) }
    }

    /// Runs every registered action, under the lock (see ``remove(_:)``): actions must be quick
    /// and must not call back into this detector.
    private func hangUp() {
        state.withLockedValue { state in
            guard !state.hungUp else { return }
            state.hungUp = true
            for action in state.actions.values { action() }
            state.actions.removeAll()
        }
    }

    // MARK: ChannelInboundHandler

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed? = event as? ChannelEvent { hangUp() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        hangUp()
        context.fireChannelInactive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let key = ObjectIdentifier(context.channel)
        Self.byChannel.withLockedValue { $0[key] = self }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        let key = ObjectIdentifier(context.channel)
        _ = Self.byChannel.withLockedValue { $0.removeValue(forKey: key) }
    }

    // MARK: Lookup

    /// The detectors of open connections. Hummingbird hands a request its channel, not the
    /// channel's handlers, and reading a handler from the pipeline needs a hop to the channel's
    /// event loop; this table is the cheap way from one to the other. Entries live exactly as
    /// long as the handler is in its pipeline.
    private static let byChannel = NIOLockedValueBox<[ObjectIdentifier: ClientHangUpDetector]>([:])

    /// The detector watching `channel`, if it has one.
    static func detector(for channel: any Channel) -> ClientHangUpDetector? {
        byChannel.withLockedValue { $0[ObjectIdentifier(channel)] }
    }
}
