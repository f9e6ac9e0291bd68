import Foundation

/// OpenAI chat completions ⇄ canonical ``ChatResponse``.
public enum OpenAIResponseCodec {
    /// Decodes a provider's answer.
    public static func decode(_ body: Data) throws(WireError) -> ChatResponse {
        let wire = try WireJSON.decode(OpenAIChatResponse.self, from: body)
        guard let choice = wire.choices.first else {
            throw .invalidField(field: "choices", problem: "is empty: the provider returned no answer")
        }
        var content: [ContentPart] = []
        if case .text(let text)? = choice.message.content, !text.isEmpty { content.append(.text(text)) }
        if case .parts(let parts)? = choice.message.content {
            for case .text(let text) in parts { content.append(.text(text)) }
        }
        if let refusal = choice.message.refusal, !refusal.isEmpty { content.append(.text(refusal)) }
        for call in choice.message.toolCalls ?? [] {
            content.append(.toolCall(ToolCall(id: call.id, name: call.function.name, arguments: call.function.arguments)))
        }
        var extensions = wire.extra
        if let fingerprint = wire.systemFingerprint { extensions["system_fingerprint"] = .string(fingerprint) }
        let stop: StopReason = choice.message.refusal?.isEmpty == false ? .refusal : stopReason(choice.finishReason)
        var response = ChatResponse(id: wire.id, model: wire.model, content: content, stopReason: stop,
                                    usage: wire.usage?.canonical, created: wire.created, sourceAPI: .openAI,
                                    vendorExtensions: extensions)
        response.providerBody = body
        return response
    }

    /// Encodes an answer for an OpenAI client.
    public static func encode(_ response: ChatResponse) throws(WireError) -> Data {
        if response.sourceAPI == .openAI, let body = response.providerBody { return body }
        let text = response.text
        let calls = response.content.compactMap { part -> OpenAIToolCall? in
            guard case .toolCall(let call) = part else { return nil }
            return OpenAIToolCall(id: call.id, function: .init(name: call.name, arguments: call.arguments))
        }
        let message = OpenAIMessage(role: "assistant", content: text.isEmpty && !calls.isEmpty ? nil : .text(text),
                                    toolCalls: calls.isEmpty ? nil : calls)
        var wire = OpenAIChatResponse(
            id: response.id, created: response.created, model: response.model,
            choices: [.init(index: 0, message: message, finishReason: finishReason(response.stopReason))],
            usage: response.usage.map(OpenAIUsage.init)
        )
        if response.sourceAPI == .openAI {
            var extensions = response.vendorExtensions
            wire.systemFingerprint = extensions.removeValue(forKey: "system_fingerprint")?.stringValue
            wire.extra = extensions
        }
        return try WireJSON.encode(Preserving(wire))
    }

    /// OpenAI's `finish_reason` for a canonical stop reason.
    public static func finishReason(_ reason: StopReason) -> String {
        switch reason {
        case .endTurn, .stopSequence, .pauseTurn: "stop"
        case .maxTokens: "length"
        case .toolUse: "tool_calls"
        case .refusal: "content_filter"
        }
    }

    /// The canonical stop reason for OpenAI's `finish_reason` (unknown values read as a natural stop).
    public static func stopReason(_ finishReason: String?) -> StopReason {
        switch finishReason {
        case "length": .maxTokens
        case "tool_calls", "function_call": .toolUse
        case "content_filter": .refusal
        default: .endTurn
        }
    }
}
