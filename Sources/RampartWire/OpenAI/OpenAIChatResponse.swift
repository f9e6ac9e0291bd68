/// The body of an OpenAI chat completion (non-streaming).
public struct OpenAIChatResponse: Codable, Sendable, Hashable, PreservesUnknownMembers {
    public var id: String
    public var object: String = "chat.completion"
    public var created: Int
    public var model: String
    public var choices: [Choice]
    public var usage: OpenAIUsage?
    public var systemFingerprint: String?
    public var extra: JSONObject = [:]
    static let modelledKeys = CodingKeys.names

    public struct Choice: Codable, Sendable, Hashable {
        public var index: Int
        public var message: OpenAIMessage
        public var finishReason: String?
        public var logprobs: JSONValue?

        enum CodingKeys: String, CodingKey {
            case index, message, logprobs
            case finishReason = "finish_reason"
        }

        public init(index: Int, message: OpenAIMessage, finishReason: String?) {
            self.index = index
            self.message = message
            self.finishReason = finishReason
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, object, created, model, choices, usage
        case systemFingerprint = "system_fingerprint"
    }

    public init(id: String, created: Int, model: String, choices: [Choice], usage: OpenAIUsage?) {
        self.id = id
        self.created = created
        self.model = model
        self.choices = choices
        self.usage = usage
    }

    /// One pass over the members (this is decoded for every answer): modelled ones by type, the
    /// rest kept in `extra`. `object` is not required, since some OpenAI-compatible servers omit it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var id: String?, created: Int?, model: String?, choices: [Choice]?
        for key in container.allKeys {
            switch CodingKeys(rawValue: key.stringValue) {
            case .id: id = try container.decode(String.self, forKey: key)
            case .object: object = try container.decode(String.self, forKey: key)
            case .created: created = try container.decode(Int.self, forKey: key)
            case .model: model = try container.decode(String.self, forKey: key)
            case .choices: choices = try container.decode([Choice].self, forKey: key)
            case .usage: usage = try container.decodeIfPresent(OpenAIUsage.self, forKey: key)
            case .systemFingerprint: systemFingerprint = try container.decodeIfPresent(String.self, forKey: key)
            case nil: extra[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        func missing(_ key: CodingKeys) -> DecodingError {
            .keyNotFound(key, .init(codingPath: decoder.codingPath, debugDescription: "\(key.stringValue) is required"))
        }
        guard let id else { throw missing(.id) }
        guard let choices else { throw missing(.choices) }
        self.id = id
        self.created = created ?? 0
        self.model = model ?? ""
        self.choices = choices
    }
}

/// Token usage as OpenAI reports it.
public struct OpenAIUsage: Codable, Sendable, Hashable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var promptTokensDetails: Details?

    public struct Details: Codable, Sendable, Hashable {
        public var cachedTokens: Int?
        enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
        case totalTokens = "total_tokens", promptTokensDetails = "prompt_tokens_details"
    }

    public init(_ usage: Usage) {
        promptTokens = usage.inputTokens
        completionTokens = usage.outputTokens
        totalTokens = usage.totalTokens
        promptTokensDetails = usage.cachedInputTokens.map { Details(cachedTokens: $0) }
    }

    public var canonical: Usage {
        Usage(inputTokens: promptTokens, outputTokens: completionTokens, cachedInputTokens: promptTokensDetails?.cachedTokens)
    }
}

/// One `chat.completion.chunk` of an OpenAI stream.
public struct OpenAIChatChunk: Codable, Sendable, Hashable {
    public var id: String
    public var object: String = "chat.completion.chunk"
    public var created: Int
    public var model: String
    public var choices: [Choice]
    /// Present (with empty `choices`) in the last chunk when `stream_options.include_usage` is set.
    public var usage: OpenAIUsage?

    public struct Choice: Codable, Sendable, Hashable {
        public var index: Int
        public var delta: Delta
        public var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta
            case finishReason = "finish_reason"
        }

        public init(index: Int = 0, delta: Delta, finishReason: String? = nil) {
            self.index = index
            self.delta = delta
            self.finishReason = finishReason
        }
    }

    public struct Delta: Codable, Sendable, Hashable {
        public var role: String?
        public var content: String?
        public var toolCalls: [ToolCallDelta]?
        public var refusal: String?

        enum CodingKeys: String, CodingKey {
            case role, content, refusal
            case toolCalls = "tool_calls"
        }

        public init(role: String? = nil, content: String? = nil, toolCalls: [ToolCallDelta]? = nil) {
            self.role = role
            self.content = content
            self.toolCalls = toolCalls
        }
    }

    public struct ToolCallDelta: Codable, Sendable, Hashable {
        public var index: Int
        public var id: String?
        public var type: String?
        public var function: FunctionDelta?

        public struct FunctionDelta: Codable, Sendable, Hashable {
            public var name: String?
            public var arguments: String?
        }

        public init(index: Int, id: String? = nil, name: String? = nil, arguments: String? = nil) {
            self.index = index
            self.id = id
            self.type = id == nil ? nil : "function"
            self.function = FunctionDelta(name: name, arguments: arguments)
        }
    }

    public init(id: String, created: Int, model: String, choices: [Choice], usage: OpenAIUsage? = nil) {
        self.id = id
        self.created = created
        self.model = model
        self.choices = choices
        self.usage = usage
    }
}

/// The body of an OpenAI error response.
public struct OpenAIErrorBody: Codable, Sendable, Hashable {
    public struct Detail: Codable, Sendable, Hashable {
        public var message: String
        public var type: String?
        public var param: String?
        public var code: String?
    }
    public var error: Detail
}
