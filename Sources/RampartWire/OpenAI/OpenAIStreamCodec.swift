import Foundation

/// Writes canonical stream events as OpenAI `chat.completion.chunk` server-sent events.
///
/// Feed events in order; call ``finish()`` after the last one for the closing `data: [DONE]`.
/// The usage chunk is written only when the client asked for it (`stream_options.include_usage`).
public struct OpenAIStreamEncoder: Sendable {
    private var id = "chatcmpl-rampart"
    private var model: String
    private let created: Int
    private let includeUsage: Bool

    public init(model: String, includeUsage: Bool, created: Int = Int(Date().timeIntervalSince1970)) {
        self.model = model
        self.includeUsage = includeUsage
        self.created = created
    }

    /// The SSE text for one event (empty when the event has no OpenAI form).
    public mutating func encode(_ event: StreamEvent) throws(WireError) -> String {
        switch event {
        case .start(let id, let model):
            self.id = id
            self.model = model
            return try chunk(.init(role: "assistant", content: ""))
        case .textDelta(let text):
            return try chunk(.init(content: text))
        case .toolCallStart(let index, let id, let name):
            return try chunk(.init(toolCalls: [.init(index: index, id: id, name: name, arguments: "")]))
        case .toolCallArgumentsDelta(let index, let fragment):
            return try chunk(.init(toolCalls: [.init(index: index, arguments: fragment)]))
        case .finish(let reason):
            return try chunk(.init(), finishReason: OpenAIResponseCodec.finishReason(reason))
        case .usage(let usage):
            guard includeUsage else { return "" }
            return try frame(OpenAIChatChunk(id: id, created: created, model: model, choices: [], usage: OpenAIUsage(usage)))
        }
    }

    /// The closing `data: [DONE]`.
    public func finish() -> String { "data: [DONE]\n\n" }

    /// An error event: OpenAI streams report errors as a data line carrying `{"error": …}`.
    public func error(_ error: RampartError) -> String {
        "data: \(String(decoding: error.openAIBody, as: UTF8.self))\n\n"
    }

    private func chunk(_ delta: OpenAIChatChunk.Delta, finishReason: String? = nil) throws(WireError) -> String {
        try frame(OpenAIChatChunk(id: id, created: created, model: model, choices: [.init(delta: delta, finishReason: finishReason)]))
    }

    private func frame(_ chunk: OpenAIChatChunk) throws(WireError) -> String {
        "data: \(String(decoding: try WireJSON.encode(chunk), as: UTF8.self))\n\n"
    }
}

/// Reads an OpenAI-compatible provider's chunk stream into canonical events.
public struct OpenAIStreamDecoder: Sendable {
    private var started = false
    private var finished = false
    private var startedToolCalls: Set<Int> = []
    /// Whether `data: [DONE]` has been seen.
    public private(set) var isComplete = false

    public init() {}

    /// The canonical events one server-sent event carries.
    /// - Throws: ``UpstreamStreamError`` when the provider reports an error in the stream or sends
    ///   something that is not a chunk.
    public mutating func decode(_ event: ServerSentEvent) throws(UpstreamStreamError) -> [StreamEvent] {
        if event.data == "[DONE]" {
            isComplete = true
            return []
        }
        let data = Data(event.data.utf8)
        let chunk: OpenAIChatChunk
        do {
            chunk = try WireJSON.decoder.decode(OpenAIChatChunk.self, from: data)
        } catch {
            // Not a chunk: either the provider's error object or garbage.
            if let envelope = try? WireJSON.decoder.decode(UpstreamErrorEnvelope.self, from: data), let detail = envelope.error {
                throw .providerError(type: detail.type, message: detail.message ?? "the provider reported an error mid-stream")
            }
            throw .malformed("a stream event is not a chat.completion.chunk: \(event.data.prefix(200))")
        }
        var events: [StreamEvent] = []
        if !started {
            started = true
            events.append(.start(id: chunk.id, model: chunk.model))
        }
        for choice in chunk.choices where choice.index == 0 {
            if let text = choice.delta.content, !text.isEmpty { events.append(.textDelta(text)) }
            if let refusal = choice.delta.refusal, !refusal.isEmpty { events.append(.textDelta(refusal)) }
            for call in choice.delta.toolCalls ?? [] {
                if !startedToolCalls.contains(call.index) {
                    startedToolCalls.insert(call.index)
                    events.append(.toolCallStart(index: call.index, id: call.id ?? "call_\(call.index)", name: call.function?.name ?? ""))
                }
                if let fragment = call.function?.arguments, !fragment.isEmpty {
                    events.append(.toolCallArgumentsDelta(index: call.index, fragment: fragment))
                }
            }
            if let reason = choice.finishReason, !finished {
                finished = true
                events.append(.finish(OpenAIResponseCodec.stopReason(reason)))
            }
        }
        if let usage = chunk.usage { events.append(.usage(usage.canonical)) }
        return events
    }
}

/// A provider's stream went wrong.
public enum UpstreamStreamError: Error, Sendable, Hashable {
    /// The provider sent an error event (`type` is its own error type, such as `overloaded_error`).
    case providerError(type: String?, message: String)
    /// The provider sent something that is not its API's stream format.
    case malformed(String)
}
