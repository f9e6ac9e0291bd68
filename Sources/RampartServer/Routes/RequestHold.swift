import NIOConcurrencyHelpers
import RampartGateway

/// What a chat request holds until it ends — the gateway it started on (``GatewaySlot``) and its
/// concurrency slots (``RequestLimiter``) — given back exactly once, however the request ends.
final class RequestHold: Sendable {
    let gateway: Gateway
    private let slot: GatewaySlot
    private let state = NIOLockedValueBox<(ticket: RequestLimiter.Ticket?, ended: Bool)>((nil, false))

    init(slot: GatewaySlot) {
        self.slot = slot
        gateway = slot.acquire()
    }

    /// Keeps the limiter's ticket until the request ends.
    func admitted(_ ticket: RequestLimiter.Ticket) {
        state.withLockedValue { $0.ticket = ticket }
    }

    /// Gives everything back; later calls do nothing.
    func end() {
        let (ticket, first) = state.withLockedValue { state -> (RequestLimiter.Ticket?, Bool) in
            defer { state.ended = true }
            return (state.ticket, !state.ended)
        }
        guard first else { return }
        if let ticket { gateway.limiter.release(ticket) }
        slot.release(gateway)
    }
}
