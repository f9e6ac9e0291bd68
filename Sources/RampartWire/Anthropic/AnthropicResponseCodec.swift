import Foundation

/// Anthropic Messages answers ⇄ canonical ``ChatResponse``.
public enum AnthropicResponseCodec {
    /// Decodes a provider's answer.
    public static func decode(_ body: Data) throws(WireError) -> ChatResponse {
        let wire = try WireJSON.decode(Preserving<AnthropicMessagesResponse>.self, from: body).value
        var content: [ContentPart] = []
        for block in wire.content {
            switch block {
            case .text(let text, let extra): content.append(.text(TextPart(text: text, extra: extra)))
            case .toolUse(let id, let name, let input, let extra):
                content.append(.toolCall(ToolCall(id: id, name: name, arguments: WireJSON.text(of: input), extra: extra)))
            case .other(let type, let body): content.append(.opaque(type: type, body: body))
            case .image, .toolResult: throw .invalidField(field: "content", problem: "holds a block an answer cannot hold")
            }
        }
        var response = ChatResponse(id: wire.id, model: wire.model, content: content,
                                    stopReason: stopReason(wire.stopReason, sequence: wire.stopSequence),
                                    usage: wire.usage.canonical, created: Int(Date().timeIntervalSince1970),
                                    sourceAPI: .anthropic, vendorExtensions: wire.extra)
        response.providerBody = body
        return response
    }

    /// Encodes an answer for an Anthropic client.
    public static func encode(_ response: ChatResponse) throws(WireError) -> Data {
        if response.sourceAPI == .anthropic, let body = response.providerBody { return body }
        var blocks: [AnthropicContentBlock] = []
        for part in response.content {
            switch part {
            case .text(let text):
                blocks.append(.text(text.text, extra: response.sourceAPI == .anthropic ? text.extra : [:]))
            case .toolCall(let call):
                guard let input = call.input else {
                    throw .untranslatable("The provider called tool '\(call.name)' with arguments that are not valid JSON, which an Anthropic client cannot receive.")
                }
                blocks.append(.toolUse(id: call.id, name: call.name, input: input, extra: response.sourceAPI == .anthropic ? call.extra : [:]))
            case .opaque(let type, let body):
                guard response.sourceAPI == .anthropic else {
                    throw .untranslatable("The provider's answer holds a '\(type)' part that the Anthropic Messages API cannot express.")
                }
                blocks.append(.other(type: type, body: body))
            case .image, .toolResult:
                continue
            }
        }
        let (reason, sequence) = stopReason(response.stopReason)
        var wire = AnthropicMessagesResponse(
            id: response.id, content: blocks, model: response.model, stopReason: reason, stopSequence: sequence,
            usage: AnthropicUsage(response.usage ?? Usage(inputTokens: 0, outputTokens: 0)))
        wire.extra = response.sourceAPI == .anthropic ? response.vendorExtensions : [:]
        return try WireJSON.encode(Preserving(wire))
    }

    /// Anthropic's `stop_reason` and `stop_sequence` for a canonical stop reason.
    public static func stopReason(_ reason: StopReason) -> (String, String?) {
        switch reason {
        case .endTurn: ("end_turn", nil)
        case .stopSequence(let sequence): ("stop_sequence", sequence)
        case .maxTokens: ("max_tokens", nil)
        case .toolUse: ("tool_use", nil)
        case .refusal: ("refusal", nil)
        case .pauseTurn: ("pause_turn", nil)
        }
    }

    /// The canonical stop reason for Anthropic's `stop_reason` (unknown values read as a natural end).
    public static func stopReason(_ reason: String?, sequence: String?) -> StopReason {
        switch reason {
        case "max_tokens", "model_context_window_exceeded": .maxTokens
        case "stop_sequence": .stopSequence(sequence)
        case "tool_use": .toolUse
        case "refusal": .refusal
        case "pause_turn": .pauseTurn
        default: .endTurn
        }
    }
}
