import Dispatch

/// Blocking store calls made for a request run on a dispatch queue, not on the event-loop
/// threads that serve requests (Swift concurrency runs on those in `rampart serve`).
public enum OffLoop {
    public static func run<T: Sendable>(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
