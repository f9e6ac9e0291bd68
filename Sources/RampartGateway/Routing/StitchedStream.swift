import RampartWire

/// A stream whose first events have arrived: what routing waits for before the client gets its
/// first byte, so that a failure up to that point fails over invisibly.
struct StartedStream: @unchecked Sendable {
    // The iterator is used by one task at a time: the router's attempt, then the stream's consumer.
    var head: [StreamEvent]
    var rest: EventStream.Iterator

    /// Reads `events` up to and including the first event after `start`.
    static func start(_ events: EventStream) async throws(UpstreamFailure) -> StartedStream {
        let iterator = events.makeAsyncIterator()
        var head: [StreamEvent] = []
        do {
            while let event = try await iterator.next() {
                head.append(event)
                if case .start = event { continue }
                return StartedStream(head: head, rest: iterator)
            }
        } catch {
            throw error as? UpstreamFailure ?? .streamCut("\(error)")
        }
        throw .streamCut("the stream ended before its first event")
    }
}

/// The events a client receives for one streamed request: the first upstream's, and — when it
/// breaks off mid-way and the mode is `continue` — the next target's answer to the same
/// conversation with the text already delivered as an assistant prefill, stitched on.
///
/// Iterate it once, from one task.
final class StitchedStream: @unchecked Sendable {
    /// Starts the next target's stream for a continuation request, skipping targets already used.
    typealias Resume = @Sendable (ChatRequest, Set<String>) async throws(RampartError) -> Router.Served<StartedStream>

    private var current: StartedStream
    private var headIndex = 0
    /// The breaker outcome of the current upstream's attempt, settled when its part of the stream ends.
    private var outcome: PendingOutcome?
    private var used: Set<String>
    private let request: ChatRequest
    private let mode: StreamFailoverMode
    private let resume: Resume
    private var delivered = ""
    private var toolCallStarted = false
    private var finished = false
    private var continuing = false
    private var trimLeadingSpace = false

    init(_ served: Router.Served<StartedStream>, request: ChatRequest, mode: StreamFailoverMode, resume: @escaping Resume) {
        current = served.value
        outcome = served.outcome
        used = [served.target.description]
        self.request = request
        self.mode = mode
        self.resume = resume
    }

    /// The stream as an ``EventStream`` for the client's encoder.
    var events: EventStream {
        EventStream { { try await self.next() } }
    }

    func next() async throws -> StreamEvent? {
        while true {
            let event: StreamEvent?
            if headIndex < current.head.count {
                event = current.head[headIndex]
                headIndex += 1
            } else {
                do {
                    event = try await current.rest.next()
                } catch {
                    let failure = error as? UpstreamFailure ?? .streamCut("\(error)")
                    if Task.isCancelled { throw failure }
                    // A cut after the answer's end loses only the trailer; the client's stream is complete.
                    if finished {
                        outcome?.succeeded()
                        return nil
                    }
                    outcome?.failed(failure)
                    guard mode == .continue, !toolCallStarted else { throw failure }
                    try await resumeElsewhere(after: failure)
                    continue
                }
            }
            guard let event else {
                outcome?.succeeded()
                return nil
            }
            switch event {
            case .start where continuing:
                continue
            case .textDelta(var text):
                if trimLeadingSpace {
                    trimLeadingSpace = false
                    text = String(text.drop { $0.isWhitespace })
                    if text.isEmpty { continue }
                }
                delivered += text
                return .textDelta(text)
            case .toolCallStart, .toolCallArgumentsDelta:
                toolCallStarted = true
                return event
            case .finish:
                finished = true
                return event
            case .start, .usage:
                return event
            }
        }
    }

    /// Sends the conversation so far, with the delivered text as an assistant prefill, to the
    /// next target. Throws `failure` when no target can take it over.
    private func resumeElsewhere(after failure: UpstreamFailure) async throws(UpstreamFailure) {
        var continuation = request
        continuation.clientBody = nil
        // Anthropic refuses a prefill that ends in whitespace; the model restores it.
        let prefill = String(delivered.reversed().drop { $0.isWhitespace }.reversed())
        if !prefill.isEmpty {
            continuation.messages.append(Message(role: .assistant, content: [.text(TextPart(text: prefill))]))
        }
        let served: Router.Served<StartedStream>
        do {
            served = try await resume(continuation, used)
        } catch {
            throw failure
        }
        current = served.value
        outcome = served.outcome
        headIndex = 0
        used.insert(served.target.description)
        continuing = true
        trimLeadingSpace = delivered.last?.isWhitespace == true
    }
}
