import AsyncHTTPClient
import NIOCore
import RampartWire

/// Reads an upstream SSE body into canonical events, one network chunk at a time.
///
/// Silence longer than the idle limit is cut by the client's read timeout; the attempt's end is
/// checked as each chunk arrives.
final class UpstreamStreamReader: @unchecked Sendable {
    // Only ever used from the single task that iterates the EventStream.
    private var body: HTTPClientResponse.Body.AsyncIterator
    private var parser = ServerSentEventParser()
    private var openAI = OpenAIStreamDecoder()
    private var anthropic = AnthropicStreamDecoder()
    private let api: WireAPI
    private let limits: AttemptLimits
    private var pending: [StreamEvent] = []
    private var pendingIndex = 0
    private var ended = false

    init(body: HTTPClientResponse.Body, api: WireAPI, limits: AttemptLimits) {
        self.body = body.makeAsyncIterator()
        self.api = api
        self.limits = limits
    }

    func next() async throws(UpstreamFailure) -> StreamEvent? {
        while pendingIndex == pending.count {
            if ended { return nil }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            let chunk: ByteBuffer?
            do {
                chunk = try await body.next()
            } catch {
                switch HTTPProvider.classify(error, deadline: limits.endKind) {
                case .timeout(let kind, let detail): throw .timeout(kind, detail)
                case let failure: throw .streamCut("the stream broke off: \(failure)")
                }
            }
            if ContinuousClock.now > limits.end {
                throw .timeout(limits.endKind, "the answer was still streaming when the \(limits.endKind) timeout passed")
            }
            var events: [ServerSentEvent]
            do {
                if let chunk {
                    events = try parser.parse(chunk.readableBytesView)
                } else {
                    events = parser.finish().map { [$0] } ?? []
                    ended = true
                }
            } catch {
                throw .malformed("a stream event is larger than the parser allows")
            }
            for event in events { pending += try decode(event) }
            if ended && !isComplete { throw .streamCut("the provider closed the stream before finishing the answer") }
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    private var isComplete: Bool { api == .openAI ? openAI.isComplete : anthropic.isComplete }

    private func decode(_ event: ServerSentEvent) throws(UpstreamFailure) -> [StreamEvent] {
        do {
            switch api {
            case .openAI: return try openAI.decode(event)
            case .anthropic: return try anthropic.decode(event)
            }
        } catch {
            switch error {
            case .providerError(let type, let message): throw .status(UpstreamStatus(status: 500, message: message, type: type))
            case .malformed(let detail): throw .malformed(detail)
            }
        }
    }
}
