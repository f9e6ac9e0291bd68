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

    /// Runs `operation` in the current task and returns its result, unless the client hangs up
    /// first: then the task is cancelled (which cancels the upstream request) and ``Disconnected``
    /// is thrown.
    ///
    /// The hang-up action cancels the current task through `UnsafeCurrentTask`, which is sound
    /// here because the detector runs actions under its lock and `remove` takes that lock: once
    /// the registration is removed (before this function returns) no action can touch the task.
    /// This avoids a second task per request, which measured at about a tenth of the proxy's cost.
    func cancellingOnDisconnect<T>(_ operation: () async throws -> T) async throws -> T {
        guard let detector else { return try await operation() }
        // In an async function there always is a current task; `nil` means the client already left.
        let registration = withUnsafeCurrentTask { task in
            task.flatMap { task in
                let handle = UnsafeTaskHandle(task: task)
                return detector.onHangUp { handle.task.cancel() }
            }
        }
        guard let registration else { throw Disconnected() }
        defer { detector.remove(registration) }
        do {
            return try await operation()
        } catch {
            if detector.clientHungUp { throw Disconnected() }
            throw error
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

/// Carries the current task into a hang-up action; see ``ClientConnection/cancellingOnDisconnect(_:)``
/// for why that is safe.
private struct UnsafeTaskHandle: @unchecked Sendable {
    let task: UnsafeCurrentTask
}
