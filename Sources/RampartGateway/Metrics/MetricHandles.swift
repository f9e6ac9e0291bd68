import Metrics
import NIOConcurrencyHelpers

/// Metric handles by label values, made once and reused: creating a swift-metrics handle asks the
/// factory (a locked registry lookup), which is too slow to do for every request.
final class MetricHandles<Handle: Sendable>: Sendable {
    private let handles = NIOLockedValueBox<[[String]: Handle]>([:])
    private let make: @Sendable ([String]) -> Handle

    /// - Parameter make: builds the handle for one list of label values.
    init(_ make: @escaping @Sendable ([String]) -> Handle) {
        self.make = make
    }

    subscript(_ labels: String...) -> Handle {
        handles.withLockedValue { handles in
            if let handle = handles[labels] { return handle }
            let handle = make(labels)
            handles[labels] = handle
            return handle
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds, as swift-metrics timers take it.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
