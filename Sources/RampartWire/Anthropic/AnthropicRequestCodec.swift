import Foundation

/// Anthropic Messages requests ⇄ canonical ``ChatRequest``.
public enum AnthropicRequestCodec {
    /// Decodes and validates a client's request body.
    public static func decode(_ body: Data) throws(WireError) -> ChatRequest {
        let wire = try WireJSON.decode(Preserving<AnthropicMessagesRequest>.self, from: body).value
        var request = try canonical(wire)
        request.clientBody = body
        return request
    }

    /// The canonical form of a decoded request, validated.
    public static func canonical(_ wire: AnthropicMessagesRequest) throws(WireError) -> ChatRequest {
        guard !wire.model.isEmpty else { throw .invalidField(field: "model", problem: "must not be empty") }
        guard !wire.messages.isEmpty else { throw .invalidField(field: "messages", problem: "must contain at least one message") }
        guard wire.maxTokens >= 1 else { throw .invalidField(field: "max_tokens", problem: "must be at least 1") }
        if let temperature = wire.temperature, !(0...1).contains(temperature) {
            throw .invalidField(field: "temperature", problem: "must be between 0 and 1")
        }
        if let topP = wire.topP, !(0...1).contains(topP) {
            throw .invalidField(field: "top_p", problem: "must be between 0 and 1")
        }
        var messages: [Message] = []
        switch wire.system {
        case .text(let text)?: messages.append(Message(role: .system, content: [.text(text)]))
        case .blocks(let blocks)?: messages.append(Message(role: .system, content: try parts(blocks, at: "system")))
        case nil: break
        }
        for (index, message) in wire.messages.enumerated() {
            messages.append(contentsOf: try canonical(message, at: "messages[\(index)]"))
        }
        var toolChoice: ToolChoice?
        var parallelToolCalls: Bool?
        if let choice = wire.toolChoice {
            switch choice.type {
            case "auto": toolChoice = .auto
            case "any": toolChoice = .required
            case "none": toolChoice = ToolChoice.none
            case "tool":
                guard let name = choice.name else { throw .invalidField(field: "tool_choice.name", problem: "is required when type is 'tool'") }
                toolChoice = .tool(name)
            default:
                throw .invalidField(field: "tool_choice.type", problem: "must be auto, any, tool or none; got '\(choice.type)'")
            }
            parallelToolCalls = choice.disableParallelToolUse.map { !$0 }
        }
        return ChatRequest(
            model: wire.model,
            messages: messages,
            tools: try (wire.tools ?? []).enumerated().map { (index, tool) throws(WireError) in
                guard let schema = tool.inputSchema else {
                    if tool.extra["type"] != nil {  // A server tool: only Anthropic can run it.
                        return ToolDefinition(name: tool.name, description: tool.description, parameters: .null, extra: tool.extra)
                    }
                    throw .invalidField(field: "tools[\(index)].input_schema", problem: "is required but missing")
                }
                return ToolDefinition(name: tool.name, description: tool.description, parameters: schema, extra: tool.extra)
            },
            toolChoice: toolChoice,
            maxTokens: wire.maxTokens,
            temperature: wire.temperature,
            topP: wire.topP,
            topK: wire.topK,
            stopSequences: wire.stopSequences ?? [],
            stream: wire.stream ?? false,
            includeUsageInStream: true,
            endUser: wire.metadata?.userID,
            parallelToolCalls: parallelToolCalls,
            sourceAPI: .anthropic,
            vendorExtensions: wire.extra
        )
    }

    /// One Anthropic turn becomes one canonical message, or several when a user turn carries tool
    /// results: each result becomes a `.tool` message (in order), then the rest of the turn.
    private static func canonical(_ message: AnthropicMessage, at path: String) throws(WireError) -> [Message] {
        let role: Role
        switch message.role {
        case "user": role = .user
        case "assistant": role = .assistant
        default: throw .invalidField(field: "\(path).role", problem: "must be 'user' or 'assistant'; got '\(message.role)'")
        }
        var result: [Message] = []
        var rest: [AnthropicContentBlock] = []
        for block in message.content.blocks {
            if case .toolResult(let id, let content, let isError, let extra) = block {
                guard role == .user else {
                    throw .invalidField(field: "\(path).content", problem: "may hold tool_result blocks only in a user turn")
                }
                let inner = try parts(content?.blocks ?? [], at: "\(path).content")
                result.append(Message(role: .tool, content: [.toolResult(ToolResult(toolCallID: id, content: inner, isError: isError ?? false, extra: extra))]))
            } else {
                rest.append(block)
            }
        }
        if !rest.isEmpty || result.isEmpty {
            result.append(Message(role: role, content: try parts(rest, at: "\(path).content")))
        }
        return result
    }

    private static func parts(_ blocks: [AnthropicContentBlock], at path: String) throws(WireError) -> [ContentPart] {
        try blocks.enumerated().map { (index, block) throws(WireError) -> ContentPart in
            switch block {
            case .text(let text, let extra):
                return .text(TextPart(text: text, extra: extra))
            case .image(let source, let extra):
                return .image(ImagePart(source: try imageSource(source, at: "\(path)[\(index)].source"), extra: extra))
            case .toolUse(let id, let name, let input, let extra):
                return .toolCall(ToolCall(id: id, name: name, arguments: WireJSON.text(of: input), extra: extra))
            case .toolResult:
                throw .invalidField(field: "\(path)[\(index)]", problem: "a tool_result block cannot appear here")
            case .other(let type, let body):
                return .opaque(type: type, body: body)
            }
        }
    }

    private static func imageSource(_ source: JSONObject, at path: String) throws(WireError) -> ImagePart.Source {
        switch source["type"]?.stringValue {
        case "base64":
            guard let mediaType = source["media_type"]?.stringValue, let data = source["data"]?.stringValue else {
                throw .invalidField(field: path, problem: "a base64 source needs media_type and data")
            }
            return .base64(mediaType: mediaType, data: data)
        case "url":
            guard let url = source["url"]?.stringValue else { throw .invalidField(field: "\(path).url", problem: "is required but missing") }
            return .url(url)
        default:
            throw .invalidField(field: "\(path).type", problem: "must be 'base64' or 'url'")
        }
    }

    // MARK: - Encoding for an Anthropic provider

    /// The request body for an Anthropic provider.
    /// - Parameters:
    ///   - model: the provider's model name.
    ///   - defaultMaxTokens: used when the client (an OpenAI client) set no limit; Anthropic requires one.
    public static func encode(_ request: ChatRequest, model: String, defaultMaxTokens: Int = 4096) throws(WireError) -> Data {
        let source = request.sourceAPI
        if source == .anthropic, let body = request.clientBody,
           let forwarded = JSONMemberRewriter.replacing("model", with: .string(model), in: body) {
            return forwarded
        }
        try Translation.check(request.vendorExtensions, at: "", from: source, to: .anthropic, advisory: Translation.advisoryRequestMembers)
        if let format = request.responseFormat, format["type"]?.stringValue != "text" {
            throw .untranslatable(
                "'response_format' (\(format["type"]?.stringValue ?? "custom")) cannot be expressed in the Anthropic Messages API; "
                    + "ask for JSON in the prompt, or route this model to an OpenAI-compatible provider.")
        }
        if let temperature = request.temperature, temperature > 1 {
            throw .untranslatable("'temperature' \(temperature) is outside the Anthropic Messages API's range 0–1.")
        }
        let (system, turns) = try split(request.messages, source: source)
        if turns.isEmpty {
            throw .untranslatable("The Anthropic Messages API needs at least one user or assistant message; this request has only system messages.")
        }
        var wire = AnthropicMessagesRequest(model: model, messages: [], maxTokens: request.maxTokens ?? defaultMaxTokens)
        wire.messages = turns
        if !system.isEmpty {
            if system.count == 1, case .text(let text, let extra) = system[0], extra.isEmpty {
                wire.system = .text(text)
            } else {
                wire.system = .blocks(system)
            }
        }
        wire.metadata = request.endUser.map { .init(userID: $0) }
        wire.stopSequences = request.stopSequences.isEmpty ? nil : request.stopSequences
        wire.stream = request.stream ? true : nil
        wire.temperature = request.temperature
        wire.topP = request.topP
        wire.topK = request.topK
        if !request.tools.isEmpty {
            wire.tools = try request.tools.enumerated().map { (index, tool) throws(WireError) in
                if source != .anthropic {
                    try Translation.check(tool.extra, at: "tools[\(index)].function.", from: source, to: .anthropic,
                                          advisory: Translation.advisoryPartMembers.union(["strict"]))
                }
                var wireTool = AnthropicTool(name: tool.name, description: tool.description,
                                             inputSchema: tool.parameters == .null ? nil : tool.parameters)
                wireTool.extra = source == .anthropic ? tool.extra : [:]
                return wireTool
            }
        }
        let disableParallel = request.parallelToolCalls.map { !$0 }
        switch request.toolChoice {
        case .auto?: wire.toolChoice = .init(type: "auto", disableParallelToolUse: disableParallel)
        case .required?: wire.toolChoice = .init(type: "any", disableParallelToolUse: disableParallel)
        case .none?: wire.toolChoice = .init(type: "none")
        case .tool(let name)?: wire.toolChoice = .init(type: "tool", name: name, disableParallelToolUse: disableParallel)
        case nil:
            if disableParallel == true, !request.tools.isEmpty { wire.toolChoice = .init(type: "auto", disableParallelToolUse: true) }
        }
        wire.extra = source == .anthropic ? request.vendorExtensions : [:]
        return try WireJSON.encode(Preserving(wire))
    }

    /// Leading system messages become `system`; the rest become alternating turns, with tool
    /// results folded into the user turn that follows the assistant's tool calls.
    private static func split(_ messages: [Message], source: WireAPI) throws(WireError) -> ([AnthropicContentBlock], [AnthropicMessage]) {
        var system: [AnthropicContentBlock] = []
        var turns: [AnthropicMessage] = []
        var conversationStarted = false
        for (index, message) in messages.enumerated() {
            let path = "messages[\(index)]"
            try Translation.check(message.extra, at: "\(path).", from: source, to: .anthropic, advisory: Translation.advisoryPartMembers)
            let role: String
            switch message.role {
            case .system, .developer:
                guard !conversationStarted else {
                    throw .untranslatable(
                        "A \(message.role.rawValue) message after the conversation started (\(path)) cannot be expressed in the "
                            + "Anthropic Messages API, which takes system instructions only before the first turn.")
                }
                system.append(contentsOf: try blocks(message.content, at: path, source: source))
                continue
            case .user, .tool: role = "user"
            case .assistant: role = "assistant"
            }
            conversationStarted = true
            let newBlocks = try blocks(message.content, at: path, source: source)
            if let last = turns.last, last.role == role {
                turns[turns.count - 1].content = .blocks(last.content.blocks + newBlocks)
            } else {
                turns.append(AnthropicMessage(role: role, content: .blocks(newBlocks)))
            }
        }
        // Anthropic wants tool results first in a user turn, and a plain string for a lone text block.
        turns = turns.map { turn in
            var blocks = turn.content.blocks
            if turn.role == "user" {
                let results = blocks.filter { if case .toolResult = $0 { true } else { false } }
                if !results.isEmpty {
                    blocks = results + blocks.filter { if case .toolResult = $0 { false } else { true } }
                }
            }
            if blocks.count == 1, case .text(let text, let extra) = blocks[0], extra.isEmpty {
                return AnthropicMessage(role: turn.role, content: .text(text))
            }
            return AnthropicMessage(role: turn.role, content: .blocks(blocks))
        }
        return (system, turns)
    }

    private static func blocks(_ parts: [ContentPart], at path: String, source: WireAPI) throws(WireError) -> [AnthropicContentBlock] {
        var result: [AnthropicContentBlock] = []
        for (index, part) in parts.enumerated() {
            let partPath = "\(path).content[\(index)]"
            switch part {
            case .text(let text):
                try Translation.check(text.extra, at: "\(partPath).", from: source, to: .anthropic, advisory: Translation.advisoryPartMembers)
                if text.text.isEmpty && source != .anthropic { continue }  // Anthropic rejects empty text blocks.
                result.append(.text(text.text, extra: source == .anthropic ? text.extra : [:]))
            case .image(let image):
                try Translation.check(image.extra, at: "\(partPath).", from: source, to: .anthropic, advisory: Translation.advisoryPartMembers)
                let sourceObject: JSONObject = switch image.source {
                case .url(let url): ["type": .string("url"), "url": .string(url)]
                case .base64(let type, let data): ["type": .string("base64"), "media_type": .string(type), "data": .string(data)]
                }
                result.append(.image(source: sourceObject, extra: source == .anthropic ? image.extra : [:]))
            case .toolCall(let call):
                guard let input = call.input else {
                    throw .invalidField(field: "\(path).tool_calls", problem: "holds arguments for '\(call.name)' that are not valid JSON")
                }
                result.append(.toolUse(id: call.id, name: call.name, input: input, extra: source == .anthropic ? call.extra : [:]))
            case .toolResult(let toolResult):
                let inner = try blocks(toolResult.content, at: partPath, source: source)
                let content: AnthropicContent? = inner.isEmpty ? nil
                    : (inner.count == 1 ? (inner[0].plainText.map { .text($0) } ?? .blocks(inner)) : .blocks(inner))
                result.append(.toolResult(toolUseID: toolResult.toolCallID, content: content,
                                          isError: toolResult.isError ? true : nil, extra: source == .anthropic ? toolResult.extra : [:]))
            case .opaque(let type, let body):
                guard source == .anthropic else { throw Translation.unsupported("A '\(type)' content part", at: partPath, target: .anthropic) }
                result.append(.other(type: type, body: body))
            }
        }
        return result
    }
}

extension AnthropicContentBlock {
    /// The text of a plain text block without extras.
    var plainText: String? {
        if case .text(let text, let extra) = self, extra.isEmpty { return text }
        return nil
    }
}
