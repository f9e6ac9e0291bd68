import RampartWire

/// An upstream that answers canonical chat requests: a vendor API over HTTP, or the simulator.
///
/// Implementations translate to their own wire format, classify every failure as an
/// ``UpstreamFailure``, and stream with back-pressure: the returned ``EventStream`` reads from the
/// upstream only when its consumer asks for the next event, and dropping it cancels the upstream
/// request.
public protocol Provider: Sendable {
    /// The provider's id from the configuration.
    var id: String { get }

    /// Sends `request` for `model` and waits for the whole answer.
    func complete(_ request: ChatRequest, model: String) async throws(UpstreamFailure) -> ChatResponse

    /// Sends `request` for `model` and returns once the upstream has accepted it (its response
    /// head arrived); events follow as the upstream produces them.
    func stream(_ request: ChatRequest, model: String) async throws(UpstreamFailure) -> EventStream

    /// Releases connections; called once when Rampart stops.
    func shutdown() async
}

extension Provider {
    public func shutdown() async {}
}

/// A pull-based sequence of canonical stream events from one upstream answer.
///
/// Each call to `next()` produces the next event, reading from the upstream as needed; nothing is
/// read ahead beyond one network chunk. Iterate it once.
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = StreamEvent

    private let source: @Sendable () -> Iterator

    /// A stream whose events come from `next`, called until it returns `nil`.
    public init(_ makeNext: @escaping @Sendable () -> (() async throws -> StreamEvent?)) {
        source = { Iterator(next: makeNext()) }
    }

    public func makeAsyncIterator() -> Iterator { source() }

    public struct Iterator: AsyncIteratorProtocol {
        let next: () async throws -> StreamEvent?
        public mutating func next() async throws -> StreamEvent? { try await next() }
    }
}

/// Why an upstream did not give an answer. Every provider reports failures in these terms, so that
/// routing and error reporting do not depend on the vendor.
public enum UpstreamFailure: Error, Sendable, Hashable {
    /// No connection could be made (refused, DNS, TLS, reset before the answer).
    case connect(String)
    /// The upstream took too long: to connect, to send the first byte, or between chunks.
    case timeout(String)
    /// The upstream answered with an error status. `message` is the provider's own message,
    /// cleaned of credentials and markup; `type` its own error type, when it gave one.
    case status(Int, message: String, type: String?, retryAfterSeconds: Int?)
    /// The upstream answered success with something that is not its API's format.
    case malformed(String)
    /// The stream broke off before the upstream said it was complete.
    case streamCut(String)
    /// The request cannot be expressed in the upstream's API.
    case untranslatable(WireError)
}
