import Foundation
import NIOConcurrencyHelpers
import RampartWire

/// The built-in simulator (DESIGN.md §3): a deterministic stand-in for a model that speaks through
/// the same ``Provider`` interface as real ones, streams at a configurable pace, and fails on
/// request in the same terms (``UpstreamFailure``) as an HTTP provider would.
public final class SimulatorProvider: Provider {
    public let id: String
    private let options: SimulatorOptions
    private let requestCount = NIOLockedValueBox(0)
    /// How often each prompt has been asked (with `refuse_rate`).
    private let promptCounts = NIOLockedValueBox<[String: Int]>([:])

    public init(id: String, options: SimulatorOptions) {
        self.id = id
        self.options = options
    }

    public func complete(_ request: ChatRequest, model: String, limits: AttemptLimits) async throws(UpstreamFailure) -> ChatResponse {
        let (serial, fault, answer) = try await begin(request, limits: limits)
        switch answer.body {
        case .text(let tokens):
            if case .cutAfterTokens? = fault { throw .streamCut("the simulator broke off the answer (fault cut_after_tokens)") }
            try await Self.wait(options.tokenDelayMilliseconds * tokens.count, until: limits.end, else: limits.endKind)
            return response(serial: serial, model: model, content: [.text(tokens.joined())], answer: answer, outputTokens: tokens.count)
        case .toolCall(let call):
            return response(serial: serial, model: model, content: [.toolCall(call)], answer: answer, outputTokens: 8)
        }
    }

    public func stream(_ request: ChatRequest, model: String, limits: AttemptLimits) async throws(UpstreamFailure) -> EventStream {
        let (serial, fault, answer) = try await begin(request, limits: limits)
        var events: [StreamEvent] = [.start(id: "msg_sim_\(serial)", model: model)]
        var outputTokens = 8
        switch answer.body {
        case .text(let tokens):
            events += tokens.map { .textDelta($0) }
            outputTokens = tokens.count
        case .toolCall(let call):
            events.append(.toolCallStart(index: 0, id: call.id, name: call.name))
            events.append(.toolCallArgumentsDelta(index: 0, fragment: call.arguments))
        }
        events.append(.finish(answer.stopReason))
        events.append(.usage(Usage(inputTokens: answer.inputTokens, outputTokens: outputTokens)))
        let cutAfter: Int? = if case .cutAfterTokens(let count)? = fault { count } else { nil }
        let delay = options.tokenDelayMilliseconds
        return EventStream { [events] in
            var position = 0
            var deltas = 0
            return {
                guard position < events.count else { return nil }
                let event = events[position]
                position += 1
                if case .textDelta = event {
                    if let cutAfter, deltas >= cutAfter {
                        throw UpstreamFailure.streamCut("the simulator broke off the stream after \(cutAfter) tokens (fault cut_after_tokens)")
                    }
                    deltas += 1
                    if deltas > 1 { try await Self.pace(delay, limits: limits) }
                }
                return event
            }
        }
    }

    /// Numbers the request, waits for the first byte, strikes any fault due before the answer,
    /// and works out the answer.
    private func begin(_ request: ChatRequest, limits: AttemptLimits) async throws(UpstreamFailure) -> (Int, SimulatorFault.Kind?, SimulatedAnswer) {
        let serial = nextSerial()
        let fault = activeFault(serial: serial)
        let (firstByteDeadline, firstByteKind) = limits.firstByteDeadline
        try await Self.wait(options.firstByteDelayMilliseconds, until: firstByteDeadline, else: firstByteKind)
        try await beforeAnswer(fault, until: firstByteDeadline, else: firstByteKind)
        return (serial, fault, SimulatedAnswer(request: request, options: options, callID: "call_sim_\(serial)", refuse: refuses(request)))
    }

    private func response(serial: Int, model: String, content: [ContentPart], answer: SimulatedAnswer, outputTokens: Int) -> ChatResponse {
        ChatResponse(id: "msg_sim_\(serial)", model: model, content: content, stopReason: answer.stopReason,
                     usage: Usage(inputTokens: answer.inputTokens, outputTokens: outputTokens),
                     created: Int(Date().timeIntervalSince1970), sourceAPI: .openAI)
    }

    private func nextSerial() -> Int {
        requestCount.withLockedValue { count in
            count += 1
            return count
        }
    }

    /// The fault for request number `serial`: failures are spread evenly, so that exactly
    /// `floor(n × rate)` of the first n requests fail.
    /// Whether `refuse_rate` refuses this request: the same prompt asked again and again is refused
    /// on exactly that share of its repeats, spread evenly, each prompt at its own phase — so that a
    /// fixed set of prompts (the canaries') sees the rate on every run, deterministically, whatever
    /// other traffic the simulator serves.
    private func refuses(_ request: ChatRequest) -> Bool {
        guard options.refuseRate > 0 else { return false }
        let prompt = request.userText.last ?? ""
        let count = promptCounts.withLockedValue { counts -> Int in
            defer { counts[prompt, default: 0] += 1 }
            return counts[prompt] ?? 0
        }
        let phase = Double(prompt.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 } % 1000) / 1000
        return Int(((Double(count) + phase + 1) * options.refuseRate).rounded(.down)) > Int(((Double(count) + phase) * options.refuseRate).rounded(.down))
    }

    private func activeFault(serial: Int) -> SimulatorFault.Kind? {
        guard let fault = options.fault else { return nil }
        let failedBefore = Int((Double(serial - 1) * fault.rate).rounded(.down))
        let failedNow = Int((Double(serial) * fault.rate).rounded(.down))
        return failedNow > failedBefore ? fault.kind : nil
    }

    /// Faults that strike before the answer starts.
    private func beforeAnswer(_ fault: SimulatorFault.Kind?, until limit: ContinuousClock.Instant,
                              else timeout: TimeoutKind) async throws(UpstreamFailure) {
        switch fault {
        case .status(let code, let message)?:
            throw .status(UpstreamStatus(status: code, message: message ?? "simulated provider error \(code)", retryAfterSeconds: code == 429 ? 1 : nil))
        case .html?:
            throw .status(UpstreamStatus(status: 500, message: "the provider answered with an HTML page instead of an API error (status 500)"))
        case .hang?:
            try await Self.wait(Int.max / 2_000_000, until: limit, else: timeout)
            throw .timeout(timeout, "the simulator hung (fault hang)")
        case .reset?:
            throw .connect("connection reset by peer (fault reset)")
        case .malformed?:
            throw .malformed("the answer is not a valid response (fault malformed)")
        case .cutAfterTokens?, nil:
            return
        }
    }

    /// Waits `milliseconds`, as a slow model would; when that would pass `limit`, waits until
    /// `limit` and fails with `timeout`, as a provider's client would.
    private static func wait(_ milliseconds: Int, until limit: ContinuousClock.Instant, else timeout: TimeoutKind) async throws(UpstreamFailure) {
        guard milliseconds > 0 else { return }
        let wanted = ContinuousClock.now + .milliseconds(milliseconds)
        do {
            try await Task.sleep(until: min(wanted, limit), clock: .continuous)
        } catch {
            throw .connect("the request was cancelled")
        }
        if wanted > limit { throw .timeout(timeout, "the simulator took longer than the \(timeout) timeout") }
    }

    /// The pause between two streamed tokens, within the idle limit and the attempt's end.
    private static func pace(_ milliseconds: Int, limits: AttemptLimits) async throws(UpstreamFailure) {
        let idleEnd = ContinuousClock.now + limits.idle
        try await wait(milliseconds, until: min(idleEnd, limits.end), else: idleEnd < limits.end ? .idle : limits.endKind)
    }
}
