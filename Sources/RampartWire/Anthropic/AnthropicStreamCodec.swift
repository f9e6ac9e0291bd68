import Foundation

/// Writes canonical stream events as Anthropic Messages stream events.
///
/// Content blocks are opened and closed around the deltas as Anthropic does; `message_delta`
/// (stop reason and usage) is held until the stream ends so that usage arriving after the stop
/// reason (as OpenAI-compatible providers send it) still lands in it. Call ``finish()`` after the
/// last event for `message_delta` and `message_stop`.
public struct AnthropicStreamEncoder: Sendable {
    private enum OpenBlock: Equatable { case text, tool(Int) }
    private var openBlock: OpenBlock?
    private var blockIndex = -1
    private var stop: StopReason?
    private var usage: Usage?
    private var model: String

    public init(model: String) {
        self.model = model
    }

    /// The SSE text for one event (possibly several Anthropic events, possibly none).
    public mutating func encode(_ event: StreamEvent) throws(WireError) -> String {
        switch event {
        case .start(let id, let model):
            self.model = model
            let message = AnthropicMessagesResponse(id: id, content: [], model: model, stopReason: nil, stopSequence: nil,
                                                    usage: AnthropicUsage(inputTokens: 0, outputTokens: 0))
            return try frame(.init(type: "message_start", message: message))
        case .textDelta(let text):
            var out = ""
            if openBlock != .text { out += try open(.text, block: .text("", extra: [:])) }
            return out + (try frame(.init(type: "content_block_delta", index: blockIndex, delta: .init(type: "text_delta", text: text))))
        case .toolCallStart(let index, let id, let name):
            return try open(.tool(index), block: .toolUse(id: id, name: name, input: .object([:]), extra: [:]))
        case .toolCallArgumentsDelta(let index, let fragment):
            guard openBlock == .tool(index) else {
                throw .untranslatable("The provider interleaved arguments of several tool calls, which an Anthropic stream cannot express.")
            }
            return try frame(.init(type: "content_block_delta", index: blockIndex, delta: .init(type: "input_json_delta", partialJSON: fragment)))
        case .finish(let reason):
            stop = reason
            return try closeBlock()
        case .usage(let usage):
            self.usage = usage
            return ""
        }
    }

    /// `message_delta` with the stop reason and usage, then `message_stop`.
    public mutating func finish() throws(WireError) -> String {
        var out = try closeBlock()
        let (reason, sequence) = AnthropicResponseCodec.stopReason(stop ?? .endTurn)
        let usage = usage.map(AnthropicUsage.init) ?? AnthropicUsage(inputTokens: nil, outputTokens: 0)
        out += try frame(.init(type: "message_delta", delta: .init(stopReason: reason, stopSequence: sequence), usage: usage))
        out += try frame(.init(type: "message_stop"))
        return out
    }

    /// An `error` event in Anthropic's format.
    public func error(_ error: RampartError) -> String {
        let body = JSONValue.object(["type": .string("error"), "error": .object(error.anthropicErrorMembers)])
        let data = (try? WireJSON.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ServerSentEvent(event: "error", data: data).encoded
    }

    private mutating func open(_ kind: OpenBlock, block: AnthropicContentBlock) throws(WireError) -> String {
        var out = try closeBlock()
        blockIndex += 1
        openBlock = kind
        out += try frame(.init(type: "content_block_start", index: blockIndex, contentBlock: block))
        return out
    }

    private mutating func closeBlock() throws(WireError) -> String {
        guard openBlock != nil else { return "" }
        openBlock = nil
        return try frame(.init(type: "content_block_stop", index: blockIndex))
    }

    private func frame(_ event: AnthropicStreamEvent) throws(WireError) -> String {
        ServerSentEvent(event: event.type, data: String(decoding: try WireJSON.encode(event), as: UTF8.self)).encoded
    }
}

/// Reads an Anthropic provider's event stream into canonical events.
public struct AnthropicStreamDecoder: Sendable {
    private var toolIndexByBlock: [Int: Int] = [:]
    private var nextToolIndex = 0
    private var inputTokens = 0
    private var cachedTokens: Int?
    /// Whether `message_stop` has been seen.
    public private(set) var isComplete = false

    public init() {}

    /// The canonical events one server-sent event carries.
    public mutating func decode(_ event: ServerSentEvent) throws(UpstreamStreamError) -> [StreamEvent] {
        let wire: AnthropicStreamEvent
        do {
            wire = try WireJSON.decoder.decode(AnthropicStreamEvent.self, from: Data(event.data.utf8))
        } catch {
            throw .malformed("a stream event is not an Anthropic Messages event: \(event.data.prefix(200))")
        }
        switch wire.type {
        case "message_start":
            guard let message = wire.message else { throw .malformed("message_start without a message") }
            let usage = message.usage.canonical
            inputTokens = usage.inputTokens
            cachedTokens = usage.cachedInputTokens
            return [.start(id: message.id, model: message.model)]
        case "content_block_start":
            guard let index = wire.index, let block = wire.contentBlock else { throw .malformed("content_block_start without a block") }
            switch block {
            case .text(let text, _):
                return text.isEmpty ? [] : [.textDelta(text)]
            case .toolUse(let id, let name, _, _):
                let toolIndex = nextToolIndex
                nextToolIndex += 1
                toolIndexByBlock[index] = toolIndex
                return [.toolCallStart(index: toolIndex, id: id, name: name)]
            case .other(let type, _):
                throw .malformed("the provider streamed a '\(type)' block, which Rampart does not relay in streams yet")
            case .image, .toolResult:
                throw .malformed("the provider streamed a block an answer cannot hold")
            }
        case "content_block_delta":
            guard let index = wire.index, let delta = wire.delta else { throw .malformed("content_block_delta without a delta") }
            switch delta.type {
            case "text_delta": return delta.text.map { [.textDelta($0)] } ?? []
            case "input_json_delta":
                guard let toolIndex = toolIndexByBlock[index] else { throw .malformed("input_json_delta for a block that is not a tool call") }
                guard let fragment = delta.partialJSON, !fragment.isEmpty else { return [] }
                return [.toolCallArgumentsDelta(index: toolIndex, fragment: fragment)]
            default:
                throw .malformed("the provider streamed a '\(delta.type ?? "?")' delta, which Rampart does not relay in streams yet")
            }
        case "message_delta":
            var events: [StreamEvent] = []
            if let reason = wire.delta?.stopReason {
                events.append(.finish(AnthropicResponseCodec.stopReason(reason, sequence: wire.delta?.stopSequence)))
            }
            if let usage = wire.usage {
                events.append(.usage(Usage(inputTokens: max(inputTokens, usage.inputTokens ?? 0), outputTokens: usage.outputTokens,
                                           cachedInputTokens: cachedTokens)))
            }
            return events
        case "message_stop":
            isComplete = true
            return []
        case "error":
            throw .providerError(type: wire.error?.type, message: wire.error?.message ?? "the provider reported an error mid-stream")
        default:  // ping and event types added later by Anthropic
            return []
        }
    }
}
