import Foundation

/// OpenAI Chat Completions requests ⇄ canonical ``ChatRequest``.
public enum OpenAIRequestCodec {
    /// Decodes and validates a client's request body.
    public static func decode(_ body: Data) throws(WireError) -> ChatRequest {
        let wire = try WireJSON.decode(OpenAIChatRequest.self, from: body)
        var request = try canonical(wire)
        request.clientBody = body
        return request
    }

    /// The canonical form of a decoded request, validated.
    public static func canonical(_ wire: OpenAIChatRequest) throws(WireError) -> ChatRequest {
        guard !wire.model.isEmpty else { throw .invalidField(field: "model", problem: "must not be empty") }
        guard !wire.messages.isEmpty else { throw .invalidField(field: "messages", problem: "must contain at least one message") }
        if case .int(let n)? = wire.extra["n"], n != 1 {
            throw .invalidField(field: "n", problem: "must be 1: Rampart judges and returns one answer per request")
        }
        let maxTokens = wire.maxCompletionTokens ?? wire.maxTokens
        if let maxTokens, maxTokens < 1 {
            throw .invalidField(field: wire.maxCompletionTokens != nil ? "max_completion_tokens" : "max_tokens", problem: "must be at least 1")
        }
        if let temperature = wire.temperature, !(0...2).contains(temperature) {
            throw .invalidField(field: "temperature", problem: "must be between 0 and 2")
        }
        if let topP = wire.topP, !(0...1).contains(topP) {
            throw .invalidField(field: "top_p", problem: "must be between 0 and 1")
        }
        var messages: [Message] = []
        messages.reserveCapacity(wire.messages.count)
        for (index, message) in wire.messages.enumerated() {
            messages.append(try canonical(message, at: "messages[\(index)]"))
        }
        var request = ChatRequest(
            model: wire.model,
            messages: messages,
            tools: (wire.tools ?? []).map {
                ToolDefinition(name: $0.function.name, description: $0.function.description,
                               parameters: $0.function.parameters ?? .object(["type": .string("object")]),
                               extra: $0.function.strict.map { ["strict": .bool($0)] } ?? [:])
            },
            toolChoice: try wire.toolChoice.map(canonical),
            maxTokens: maxTokens,
            temperature: wire.temperature,
            topP: wire.topP,
            stopSequences: wire.stop?.sequences ?? [],
            stream: wire.stream ?? false,
            includeUsageInStream: wire.streamOptions?.includeUsage ?? false,
            seed: wire.seed,
            endUser: wire.user,
            responseFormat: wire.responseFormat,
            parallelToolCalls: wire.parallelToolCalls,
            sourceAPI: .openAI,
            vendorExtensions: wire.extra
        )
        request.maxTokensMember = wire.maxCompletionTokens != nil ? "max_completion_tokens" : "max_tokens"
        return request
    }

    private static func canonical(_ choice: OpenAIToolChoice) throws(WireError) -> ToolChoice {
        switch choice {
        case .mode("auto"): .auto
        case .mode("required"): .required
        case .mode("none"): ToolChoice.none
        case .mode(let other): throw .invalidField(field: "tool_choice", problem: "must be none, auto, required or a function; got '\(other)'")
        case .function(let name): .tool(name)
        }
    }

    private static func canonical(_ message: OpenAIMessage, at path: String) throws(WireError) -> Message {
        switch message.role {
        case "system", "developer":
            let role: Role = message.role == "system" ? .system : .developer
            return Message(role: role, content: try parts(message.content, at: path), extra: message.extra)
        case "user":
            return Message(role: .user, content: try parts(message.content, at: path), extra: message.extra)
        case "assistant":
            var content = try parts(message.content, at: path)
            if let refusal = message.refusal, !refusal.isEmpty { content.append(.text(refusal)) }
            for call in message.toolCalls ?? [] {
                content.append(.toolCall(ToolCall(id: call.id, name: call.function.name, arguments: call.function.arguments)))
            }
            return Message(role: .assistant, content: content, extra: message.extra)
        case "tool":
            guard let id = message.toolCallID else {
                throw .invalidField(field: "\(path).tool_call_id", problem: "is required for a message with role 'tool'")
            }
            let result = ToolResult(toolCallID: id, content: try parts(message.content, at: path))
            return Message(role: .tool, content: [.toolResult(result)], extra: message.extra)
        default:
            throw .invalidField(field: "\(path).role", problem: "must be one of system, developer, user, assistant, tool; got '\(message.role)'")
        }
    }

    private static func parts(_ content: OpenAIContent?, at path: String) throws(WireError) -> [ContentPart] {
        switch content {
        case nil: return []
        case .text(let text): return [.text(text)]
        case .parts(let parts):
            return parts.map { part in
                switch part {
                case .text(let text): .text(text)
                case .imageURL(let url, let detail): .image(ImagePart(source: imageSource(url), detail: detail))
                case .other(let type, let body): .opaque(type: type, body: body)
                }
            }
        }
    }

    /// A `data:` URL becomes base64 data so that Anthropic can take it; any other URL stays a URL.
    static func imageSource(_ url: String) -> ImagePart.Source {
        guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ","),
              url[..<comma].hasSuffix(";base64") else { return .url(url) }
        let mediaType = url[url.index(url.startIndex, offsetBy: 5)..<comma].dropLast(";base64".count)
        return .base64(mediaType: String(mediaType), data: String(url[url.index(after: comma)...]))
    }

    // MARK: - Encoding for an OpenAI-compatible provider

    /// The request body for an OpenAI-compatible provider.
    /// - Parameters:
    ///   - model: the provider's model name (replaces the alias the client used).
    ///   - maxTokensField: `max_tokens` or `max_completion_tokens`, as the provider expects, for
    ///     requests that did not come from an OpenAI client.
    public static func encode(_ request: ChatRequest, model: String, maxTokensField: String = "max_tokens") throws(WireError) -> Data {
        let source = request.sourceAPI
        // The client's own bytes, when they already say everything: for a stream Rampart always
        // asks for usage, so a streaming body is reused only if it asked too.
        if source == .openAI, let body = request.clientBody, !request.stream || request.includeUsageInStream,
           let forwarded = JSONMemberRewriter.replacing("model", with: .string(model), in: body) {
            return forwarded
        }
        let extensions = request.vendorExtensions
        try Translation.check(extensions, at: "", from: source, to: .openAI, advisory: Translation.advisoryRequestMembers)
        if request.topK != nil, source != .openAI {
            throw .untranslatable("'top_k' cannot be expressed in the OpenAI Chat Completions API, and Rampart does not drop it silently.")
        }
        var wire = OpenAIChatRequest(model: model, messages: try messages(request.messages, source: source))
        if !request.tools.isEmpty {
            wire.tools = try request.tools.enumerated().map { (index, tool) throws(WireError) in
                try Translation.check(tool.extra.filter { $0.key != "strict" }, at: "tools[\(index)].", from: source, to: .openAI,
                                      advisory: Translation.advisoryPartMembers)
                return OpenAITool(function: .init(name: tool.name, description: tool.description, parameters: tool.parameters,
                                                  strict: tool.extra["strict"].flatMap { if case .bool(let b) = $0 { b } else { nil } }))
            }
        }
        wire.toolChoice = request.toolChoice.map {
            switch $0 {
            case .auto: .mode("auto")
            case .required: .mode("required")
            case .none: .mode("none")
            case .tool(let name): .function(name: name)
            }
        }
        wire.responseFormat = request.responseFormat
        wire.temperature = request.temperature
        wire.topP = request.topP
        let field = request.maxTokensMember ?? maxTokensField
        if field == "max_completion_tokens" { wire.maxCompletionTokens = request.maxTokens } else { wire.maxTokens = request.maxTokens }
        wire.stop = request.stopSequences.isEmpty ? nil : OpenAIStop(request.stopSequences)
        wire.seed = request.seed
        wire.user = request.endUser
        wire.parallelToolCalls = request.parallelToolCalls
        if request.stream {
            wire.stream = true
            // Always ask for usage: Rampart accounts for it even when the client did not ask.
            wire.streamOptions = .init(includeUsage: true)
        }
        wire.extra = source == .openAI ? extensions : [:]
        return try WireJSON.encode(Preserving(wire))
    }

    private static func messages(_ messages: [Message], source: WireAPI) throws(WireError) -> [OpenAIMessage] {
        var result: [OpenAIMessage] = []
        result.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            let path = "messages[\(index)]"
            try Translation.check(message.extra, at: "\(path).", from: source, to: .openAI, advisory: Translation.advisoryPartMembers)
            switch message.role {
            case .system, .developer, .user:
                var wire = OpenAIMessage(role: message.role.rawValue, content: try content(message.content, at: path, source: source))
                wire.extra = source == .openAI ? message.extra : [:]
                result.append(wire)
            case .assistant:
                let text = message.content.compactMap { if case .text(let part) = $0 { part.text } else { nil } }.joined()
                let calls = message.content.compactMap { part -> OpenAIToolCall? in
                    guard case .toolCall(let call) = part else { return nil }
                    return OpenAIToolCall(id: call.id, function: .init(name: call.name, arguments: call.arguments))
                }
                for part in message.content {
                    if case .opaque(let type, _) = part, source != .openAI {
                        throw Translation.unsupported("A '\(type)' block", at: path, target: .openAI)
                    }
                }
                var wire = OpenAIMessage(role: "assistant", content: text.isEmpty && !calls.isEmpty ? nil : .text(text),
                                         toolCalls: calls.isEmpty ? nil : calls)
                wire.extra = source == .openAI ? message.extra : [:]
                result.append(wire)
            case .tool:
                for part in message.content {
                    guard case .toolResult(let toolResult) = part else { continue }
                    let text = try toolResultText(toolResult, at: path)
                    var wire = OpenAIMessage(role: "tool", content: .text(text), toolCallID: toolResult.toolCallID)
                    wire.extra = source == .openAI ? message.extra : [:]
                    result.append(wire)
                }
            }
        }
        return result
    }

    /// OpenAI tool messages carry text only; an error result is marked in words since OpenAI has no flag.
    private static func toolResultText(_ result: ToolResult, at path: String) throws(WireError) -> String {
        var texts: [String] = []
        for part in result.content {
            switch part {
            case .text(let text): texts.append(text.text)
            default: throw Translation.unsupported("A non-text tool result", at: path, target: .openAI)
            }
        }
        let text = texts.joined(separator: "\n")
        return result.isError ? "Error: \(text)" : text
    }

    private static func content(_ parts: [ContentPart], at path: String, source: WireAPI) throws(WireError) -> OpenAIContent {
        if parts.count == 1, case .text(let part) = parts[0], part.extra.isEmpty || source != .openAI {
            try Translation.check(part.extra, at: "\(path).content[0].", from: source, to: .openAI, advisory: Translation.advisoryPartMembers)
            return .text(part.text)
        }
        var wireParts: [OpenAIContentPart] = []
        for (index, part) in parts.enumerated() {
            let partPath = "\(path).content[\(index)]"
            switch part {
            case .text(let text):
                try Translation.check(text.extra, at: "\(partPath).", from: source, to: .openAI, advisory: Translation.advisoryPartMembers)
                wireParts.append(.text(text.text))
            case .image(let image):
                try Translation.check(image.extra, at: "\(partPath).", from: source, to: .openAI, advisory: Translation.advisoryPartMembers)
                switch image.source {
                case .url(let url): wireParts.append(.imageURL(url: url, detail: image.detail))
                case .base64(let type, let data): wireParts.append(.imageURL(url: "data:\(type);base64,\(data)", detail: image.detail))
                }
            case .opaque(let type, let body):
                guard source == .openAI else { throw Translation.unsupported("A '\(type)' block", at: partPath, target: .openAI) }
                wireParts.append(.other(type: type, body: body))
            case .toolCall, .toolResult:
                throw Translation.unsupported("A tool block", at: partPath, target: .openAI)
            }
        }
        return .parts(wireParts)
    }
}
