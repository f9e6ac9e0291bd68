import NIOCore
import Synchronization

/// The connection a request arrived on, watched so that Rampart stops paying for upstream work
/// nobody is waiting for.
///
/// Hummingbird notices a vanished client only when a write to it fails, and it allows half-closed
/// connections, so a request waiting for a slow upstream (a long non-streaming answer, a stream
/// before its first token) would otherwise run on after its client left. While such work runs this
/// type checks every ``pollInterval`` whether the client closed its side (seen by
/// ``ClientHangUpDetector``) or the connection is gone, and cancels the work, which cancels the
/// upstream request.
struct ClientConnection: Sendable {
    let channel: any Channel
    /// Whether the connection could be watched at all (in-process test channels cannot).
    private let watchable: Bool

    /// How often an idle request checks on its client: the bound on how long an abandoned
    /// upstream request runs on. Requests that finish sooner never check.
    static let pollInterval = Duration.milliseconds(50)

    /// The client closed its connection while its request was still being served.
    struct Disconnected: Error {}

    init(channel: any Channel) {
        self.channel = channel
        watchable = channel.isActive
    }

    /// Returns when the client has gone; throws `CancellationError` when cancelled first.
    func waitForDisconnect() async throws {
        guard watchable else {
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
        try await Task.sleep(for: Self.pollInterval)
        let detector = try? await channel.pipeline.handler(type: ClientHangUpDetector.self).get()
        while channel.isActive && detector?.clientHungUp != true {
            try await Task.sleep(for: Self.pollInterval)
        }
    }

    /// Runs `operation` and returns its result, unless the client disconnects first: then the
    /// operation is cancelled and ``Disconnected`` is thrown.
    func cancellingOnDisconnect<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await waitForDisconnect()
                return nil
            }
            defer { group.cancelAll() }
            guard case .some(.some(let value)) = try await group.next() else { throw Disconnected() }
            return value
        }
    }
}

/// Remembers that the client closed its side of the connection (TCP half-close), which
/// Hummingbird's HTTP/1 pipeline allows and so does not turn into a closed channel.
final class ClientHangUpDetector: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    private let hungUp = Atomic(false)

    /// Whether the client has closed its side.
    var clientHungUp: Bool { hungUp.load(ordering: .relaxed) }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed? = event as? ChannelEvent { hungUp.store(true, ordering: .relaxed) }
        context.fireUserInboundEventTriggered(event)
    }
}
