import NIOCore

/// The client side of a request, watched so that Rampart stops paying for upstream work nobody
/// is waiting for.
///
/// Hummingbird notices a vanished client only when a write to it fails, and it allows half-closed
/// connections, so a request waiting on a slow upstream (a long non-streaming answer, a stream
/// before its first token) would otherwise run on after its client left. ``ClientHangUpDetector``
/// sees the client close its side; this type turns that into cancellation of the work in hand,
/// which cancels the upstream request. Nothing is polled: a request that finishes first costs one
/// registration and its removal.
struct ClientConnection: Sendable {
    /// `nil` where the connection cannot be watched (Hummingbird's in-process test channels).
    private let detector: ClientHangUpDetector?

    /// The client closed its connection while its request was still being served.
    struct Disconnected: Error {}

    init(channel: any Channel) {
        detector = ClientHangUpDetector.detector(for: channel)
    }

    /// Runs `operation` and returns its result, unless the client hangs up first: then the
    /// operation is cancelled and ``Disconnected`` is thrown.
    func cancellingOnDisconnect<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let detector else { return try await operation() }
        let task = Task { try await operation() }
        guard let registration = detector.onHangUp({ task.cancel() }) else {
            task.cancel()
            throw Disconnected()
        }
        defer { detector.remove(registration) }
        return try await withTaskCancellationHandler {
            do {
                return try await task.value
            } catch {
                if detector.clientHungUp { throw Disconnected() }
                throw error
            }
        } onCancel: {
            task.cancel()
        }
    }

    /// Calls `action` once if the client hangs up before the returned registration is removed
    /// (at once if it already has). Returns `nil` when the connection cannot be watched.
    func onHangUp(_ action: @escaping @Sendable () -> Void) -> ClientHangUpDetector.Registration? {
        guard let detector else { return nil }
        guard let registration = detector.onHangUp(action) else {
            action()
            return nil
        }
        return registration
    }

    /// Stops watching for `registration`.
    func remove(_ registration: ClientHangUpDetector.Registration?) {
        if let registration { detector?.remove(registration) }
    }
}
