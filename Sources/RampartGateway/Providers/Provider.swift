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

    /// Sends `request` for `model` and waits for the whole answer, within `limits`.
    func complete(_ request: ChatRequest, model: String, limits: AttemptLimits) async throws(UpstreamFailure) -> ChatResponse

    /// Sends `request` for `model` and returns once the upstream has accepted it (its response
    /// head arrived); events follow as the upstream produces them, each within `limits`.
    func stream(_ request: ChatRequest, model: String, limits: AttemptLimits) async throws(UpstreamFailure) -> EventStream

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

/// The time limits of one upstream attempt, which a provider enforces itself (an HTTP provider
/// through its client's timeouts, the simulator in its simulated waits).
public struct AttemptLimits: Sendable, Hashable {
    public var connect: Duration
    /// Until the response head (for the simulator: until its first event).
    public var firstByte: Duration
    /// The longest silence between two reads once the answer has started.
    public var idle: Duration
    /// When the attempt must be over: the earlier of its own total limit and the request's deadline.
    public var end: ContinuousClock.Instant
    /// Whether ``end`` is the request's deadline (rather than the attempt's `total_ms`).
    public var endIsRequestDeadline: Bool

    public init(connect: Duration, firstByte: Duration, idle: Duration, end: ContinuousClock.Instant, endIsRequestDeadline: Bool) {
        self.connect = connect
        self.firstByte = firstByte
        self.idle = idle
        self.end = end
        self.endIsRequestDeadline = endIsRequestDeadline
    }

    /// Limits that never bind in practice, for callers outside routing (tests, tools).
    public static var generous: AttemptLimits {
        AttemptLimits(connect: .seconds(30), firstByte: .seconds(600), idle: .seconds(600),
                      end: .now + .seconds(3600), endIsRequestDeadline: false)
    }

    /// The instant the response head must arrive by, and the timeout that passing it means.
    public var firstByteDeadline: (instant: ContinuousClock.Instant, kind: TimeoutKind) {
        let firstByteEnd = ContinuousClock.now + firstByte
        return firstByteEnd < end ? (firstByteEnd, .firstByte) : (end, endKind)
    }

    /// The timeout that passing ``end`` means.
    public var endKind: TimeoutKind { endIsRequestDeadline ? .deadline : .total }
}

/// Which time limit an attempt ran into.
public enum TimeoutKind: String, Sendable, Hashable {
    case connect, firstByte = "first byte", idle, total, deadline = "request deadline"
}

/// An error answer from an upstream, cleaned for showing to a client.
public struct UpstreamStatus: Sendable, Hashable {
    public var status: Int
    /// The provider's own message, cleaned of credentials and markup.
    public var message: String
    /// The provider's error type (`type`), when it gave one.
    public var type: String?
    /// The provider's error code (OpenAI `code`), when it gave one.
    public var code: String?
    public var retryAfterSeconds: Int?

    public init(status: Int, message: String, type: String? = nil, code: String? = nil, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// Why an upstream did not give an answer. Every provider reports failures in these terms, so that
/// routing and error reporting do not depend on the vendor.
public enum UpstreamFailure: Error, Sendable, Hashable {
    /// No connection could be made (refused, DNS, TLS, reset before the answer).
    case connect(String)
    /// The upstream ran into one of the attempt's time limits.
    case timeout(TimeoutKind, String)
    /// The upstream answered with an error status.
    case status(UpstreamStatus)
    /// The upstream answered success with something that is not its API's format.
    case malformed(String)
    /// The stream broke off before the upstream said it was complete.
    case streamCut(String)
    /// The request cannot be expressed in the upstream's API.
    case untranslatable(WireError)
}
