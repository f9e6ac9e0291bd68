import Logging
import RampartGuard
import RampartWire
import Tracing

/// Judges answers as they are produced (DESIGN.md §1, "Output guard"): the exchange classifier
/// scores (prompt, latest stretch of the answer) every `check_every_tokens` tokens and at the end,
/// so that an answer that turns harmful late is caught where it turns. In `enforce` mode a tripped stream stops inside that window and ends cleanly with a
/// refusal stop (OpenAI `content_filter`, Anthropic `refusal`); held-back tokens never reach the
/// client. Non-streaming answers are judged whole before they are returned.
///
/// With a stage-2 judge configured, a stretch in the exchange classifier's uncertain band goes to
/// the judge with the request (the stream waits for the verdict), and with `escalate: all` the
/// judge also reads every whole answer once, at its end. A failed judgement follows `on_failure`.
struct OutputGuard: Sendable {
    let classifier: Stage1Classifier
    let mode: GuardConfig.Mode
    let checkEveryTokens: Int
    let holdBackTokens: Int
    let judge: Judge?
    let logger: Logger

    /// Characters of the answer's latest stretch judged on their own.
    static let windowCharacters = 600

    /// Whether the answer so far complies with a harmful request, judging its latest stretch.
    ///
    /// Only the stretch: consecutive checks overlap, so every part of the answer is judged with
    /// its context, each check costs the same however long the answer grows, and a long, repetitive
    /// benign answer cannot pile up evidence it does not contain.
    ///
    /// `final` marks the check at the end of the answer, which `escalate: all` sends to the judge
    /// with up to the answer's last 2,400 characters.
    ///
    /// A judge's span is a child of `span`, the output guard's span for this answer.
    func trips(_ scorer: ExchangeScorer, prompt: String, response: String, final: Bool = false, span: any Span) async -> Bool {
        let started = ContinuousClock.now
        let stretch = String(response.suffix(Self.windowCharacters))
        let score = scorer.score(stretch)
        guard !score.tripped, let judge, score.uncertain || (final && judge.config.escalateAll) else {
            GuardTimings.record(direction: "output", stage: 1, since: started)
            return score.tripped
        }
        defer { GuardTimings.record(direction: "output", stage: 2, since: started) }
        let subject = Judge.Subject.answer(prompt: prompt, response: final ? String(response.suffix(4 * Self.windowCharacters)) : stretch)
        switch await ServiceContext.$current.withValue(span.context, operation: { await judge.judge(subject, categories: []) }) {
        case .allow: return false
        case .block: return true
        case .failed: return judge.failureBlocks([])
        }
    }

    /// A whole answer judged before it is returned: the refusal that replaces it when it trips in
    /// `enforce` mode, otherwise `nil`.
    func judge(_ response: ChatResponse, prompt: String, request: ChatRequest, trail: RequestTrail? = nil) async -> ChatResponse? {
        let text = response.content.compactMap { part -> String? in
            if case .text(let text) = part { return text.text }
            return nil
        }.joined()
        // Every stretch, not only the end: a harmful middle must not hide behind a benign ending.
        let scorer = classifier.exchangeScorer(prompt: prompt)
        let span = startSpan(RampartSpans.outputGuard)
        defer { span.end() }
        var checks = 0
        var tripped = false
        var start = text.startIndex
        repeat {
            let end = text.index(start, offsetBy: Self.windowCharacters, limitedBy: text.endIndex) ?? text.endIndex
            // The answer before the stretch's end, as far back as anything reads it: the classifier
            // reads the last stretch, a judge at the end four (a bounded copy, however long the answer).
            let from = text.index(end, offsetBy: -4 * Self.windowCharacters, limitedBy: text.startIndex) ?? text.startIndex
            tripped = await trips(scorer, prompt: prompt, response: String(text[from..<end]), final: end == text.endIndex, span: span)
            checks += 1
            start = end == text.endIndex ? end : text.index(start, offsetBy: Self.windowCharacters / 2)
        } while !tripped && start < text.endIndex
        span.record { attributes in
            attributes["rampart.guard.streaming"] = false
            attributes["rampart.guard.checks"] = checks
            attributes["rampart.guard.tripped"] = tripped
        }
        guard tripped else { return nil }
        logger.notice("output guard tripped", metadata: ["mode": "\(mode.rawValue)", "streaming": "false"])
        trail?.outputTripped(tokens: 0, enforced: mode == .enforce)
        guard mode == .enforce else { return nil }
        var refusal = Gateway.refusal(for: request, category: "output")
        refusal.id = response.id
        refusal.model = response.model
        refusal.usage = response.usage
        return refusal
    }

    /// `events` watched as they stream.
    func watch(_ events: EventStream, prompt: String, trail: RequestTrail? = nil) -> EventStream {
        let stream = GuardedStream(events, prompt: prompt, guard: self, trail: trail)
        return EventStream { { try await stream.next() } }
    }
}

/// The events of one answer as the output guard lets them through. Iterate it once, from one task.
private final class GuardedStream: @unchecked Sendable {
    private var upstream: EventStream.Iterator?
    private let prompt: String
    /// The prompt featurised once for the whole stream.
    private let scorer: ExchangeScorer
    private let outputGuard: OutputGuard
    private let trail: RequestTrail?
    private var answer = ""
    private var tokens = 0
    /// Judged text deltas not yet released (the hold-back).
    private var held: [StreamEvent] = []
    /// Events ready for the client.
    private var ready: [StreamEvent] = []
    private var tripped = false
    /// The end of the answer was judged (a finish event, then the end of the events).
    private var judgedEnd = false
    /// The output guard's span for this answer: from the first event to the end of the stream.
    private let span: any Span
    private var checks = 0
    private var spanEnded = false

    init(_ events: EventStream, prompt: String, guard outputGuard: OutputGuard, trail: RequestTrail?) {
        upstream = events.makeAsyncIterator()
        self.trail = trail
        self.prompt = prompt
        scorer = outputGuard.classifier.exchangeScorer(prompt: prompt)
        self.outputGuard = outputGuard
        span = startSpan(RampartSpans.outputGuard)   // a child of the request's span: made while it is current
    }

    deinit {
        endSpan()   // the client left, or a write failed, before the end
    }

    func next() async throws -> StreamEvent? {
        while ready.isEmpty {
            guard let iterator = upstream else {
                endSpan()
                return nil
            }
            let event = try await iterator.next()
            upstream = iterator
            switch event {
            case .textDelta(let text)?:
                answer += text
                tokens += 1
                held.append(.textDelta(text))
                if tokens % outputGuard.checkEveryTokens == 0, await judge() { break }
                while held.count > outputGuard.holdBackTokens { ready.append(held.removeFirst()) }
            case .finish(let reason)?:
                if await judge(final: true) { break }
                release()
                ready.append(.finish(reason))
            case let other?:
                // Tool calls and bookkeeping pass; text held back goes first to keep the order.
                release()
                ready.append(other)
            case nil:
                if await judge(final: true) { break }
                release()
                upstream = nil
            }
        }
        return ready.removeFirst()
    }

    /// Judges the answer so far; when it trips in enforce mode, ends the stream with a refusal and
    /// drops the upstream (which cancels its request).
    private func judge(final: Bool = false) async -> Bool {
        guard !tripped, !judgedEnd else { return false }
        judgedEnd = final
        checks += 1
        guard await outputGuard.trips(scorer, prompt: prompt, response: answer, final: final, span: span) else { return false }
        tripped = true
        outputGuard.logger.notice("output guard tripped", metadata: [
            "mode": "\(outputGuard.mode.rawValue)", "tokens": "\(tokens)", "streaming": "true",
        ])
        trail?.outputTripped(tokens: tokens, enforced: outputGuard.mode == .enforce)
        guard outputGuard.mode == .enforce else { return false }
        held.removeAll()
        ready.append(.finish(.refusal))
        upstream = nil
        return true
    }

    private func endSpan() {
        guard !spanEnded else { return }
        spanEnded = true
        span.record { attributes in
            attributes["rampart.guard.streaming"] = true
            attributes["rampart.guard.checks"] = checks
            attributes["rampart.guard.tripped"] = tripped
            attributes["rampart.guard.tokens"] = tokens
        }
        span.end()
    }

    private func release() {
        ready += held
        held.removeAll()
    }
}
