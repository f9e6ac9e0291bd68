import Logging
import RampartGuard
import RampartWire

/// Judges answers as they are produced (DESIGN.md §1, "Output guard"): the exchange classifier
/// scores (prompt, latest stretch of the answer) every `check_every_tokens` tokens and at the end,
/// so that an answer that turns harmful late is caught where it turns. In `enforce` mode a tripped stream stops inside that window and ends cleanly with a
/// refusal stop (OpenAI `content_filter`, Anthropic `refusal`); held-back tokens never reach the
/// client. Non-streaming answers are judged whole before they are returned.
struct OutputGuard: Sendable {
    let classifier: Stage1Classifier
    let mode: GuardConfig.Mode
    let checkEveryTokens: Int
    let holdBackTokens: Int
    let logger: Logger

    /// Characters of the answer's latest stretch judged on their own.
    static let windowCharacters = 600

    /// Whether the answer so far complies with a harmful request, judging its latest stretch.
    ///
    /// Only the stretch: consecutive checks overlap, so every part of the answer is judged with
    /// its context, each check costs the same however long the answer grows, and a long, repetitive
    /// benign answer cannot pile up evidence it does not contain.
    func trips(prompt: String, response: String) -> Bool {
        classifier.classifyExchange(prompt: prompt, response: String(response.suffix(Self.windowCharacters))).tripped
    }

    /// A whole answer judged before it is returned: the refusal that replaces it when it trips in
    /// `enforce` mode, otherwise `nil`.
    func judge(_ response: ChatResponse, prompt: String, request: ChatRequest) -> ChatResponse? {
        let text = response.content.compactMap { part -> String? in
            if case .text(let text) = part { return text.text }
            return nil
        }.joined()
        var tripped = text.count <= Self.windowCharacters && trips(prompt: prompt, response: text)
        if text.count > Self.windowCharacters {
            // Every stretch, not only the end: a harmful middle must not hide behind a benign ending.
            var start = text.startIndex
            while !tripped, start < text.endIndex {
                let end = text.index(start, offsetBy: Self.windowCharacters, limitedBy: text.endIndex) ?? text.endIndex
                tripped = classifier.classifyExchange(prompt: prompt, response: String(text[start..<end])).tripped
                start = text.index(start, offsetBy: Self.windowCharacters / 2, limitedBy: text.endIndex) ?? text.endIndex
            }
        }
        guard tripped else { return nil }
        logger.notice("output guard tripped", metadata: ["mode": "\(mode.rawValue)", "streaming": "false"])
        guard mode == .enforce else { return nil }
        var refusal = Gateway.refusal(for: request, category: "output")
        refusal.id = response.id
        refusal.model = response.model
        refusal.usage = response.usage
        return refusal
    }

    /// `events` watched as they stream.
    func watch(_ events: EventStream, prompt: String) -> EventStream {
        let stream = GuardedStream(events, prompt: prompt, guard: self)
        return EventStream { { try await stream.next() } }
    }
}

/// The events of one answer as the output guard lets them through. Iterate it once, from one task.
private final class GuardedStream: @unchecked Sendable {
    private var upstream: EventStream.Iterator?
    private let prompt: String
    private let outputGuard: OutputGuard
    private var answer = ""
    private var tokens = 0
    /// Judged text deltas not yet released (the hold-back).
    private var held: [StreamEvent] = []
    /// Events ready for the client.
    private var ready: [StreamEvent] = []
    private var tripped = false

    init(_ events: EventStream, prompt: String, guard outputGuard: OutputGuard) {
        upstream = events.makeAsyncIterator()
        self.prompt = prompt
        self.outputGuard = outputGuard
    }

    func next() async throws -> StreamEvent? {
        while ready.isEmpty {
            guard var iterator = upstream else { return nil }
            let event = try await iterator.next()
            upstream = iterator
            switch event {
            case .textDelta(let text)?:
                answer += text
                tokens += 1
                held.append(.textDelta(text))
                if tokens % outputGuard.checkEveryTokens == 0, judge() { break }
                while held.count > outputGuard.holdBackTokens { ready.append(held.removeFirst()) }
            case .finish(let reason)?:
                if judge() { break }
                release()
                ready.append(.finish(reason))
            case let other?:
                // Tool calls and bookkeeping pass; text held back goes first to keep the order.
                release()
                ready.append(other)
            case nil:
                if !tripped, judge() { break }
                release()
                upstream = nil
            }
        }
        return ready.removeFirst()
    }

    /// Judges the answer so far; when it trips in enforce mode, ends the stream with a refusal and
    /// drops the upstream (which cancels its request).
    private func judge() -> Bool {
        guard !tripped, outputGuard.trips(prompt: prompt, response: answer) else { return false }
        tripped = true
        outputGuard.logger.notice("output guard tripped", metadata: [
            "mode": "\(outputGuard.mode.rawValue)", "tokens": "\(tokens)", "streaming": "true",
        ])
        guard outputGuard.mode == .enforce else { return false }
        held.removeAll()
        ready.append(.finish(.refusal))
        upstream = nil
        return true
    }

    private func release() {
        ready += held
        held.removeAll()
    }
}
