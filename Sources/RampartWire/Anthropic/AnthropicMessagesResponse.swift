/// The body of an Anthropic Messages answer (non-streaming), also the `message` of `message_start`.
public struct AnthropicMessagesResponse: Codable, Sendable, Hashable, PreservesUnknownMembers {
    public var id: String
    public var type: String = "message"
    public var role: String = "assistant"
    public var content: [AnthropicContentBlock]
    public var model: String
    /// `null` in `message_start`, then one of end_turn, max_tokens, stop_sequence, tool_use, pause_turn, refusal.
    public var stopReason: String?
    public var stopSequence: String?
    public var usage: AnthropicUsage
    public var extra: JSONObject = [:]
    static let modelledKeys = CodingKeys.names

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, role, content, model, usage
        case stopReason = "stop_reason", stopSequence = "stop_sequence"
    }

    public init(id: String, content: [AnthropicContentBlock], model: String, stopReason: String?, stopSequence: String?, usage: AnthropicUsage) {
        self.id = id
        self.content = content
        self.model = model
        self.stopReason = stopReason
        self.stopSequence = stopSequence
        self.usage = usage
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(role, forKey: .role)
        try container.encode(content, forKey: .content)
        try container.encode(model, forKey: .model)
        // Anthropic always sends these two, as null when unset; clients read them.
        try container.encode(stopReason, forKey: .stopReason)
        try container.encode(stopSequence, forKey: .stopSequence)
        try container.encode(usage, forKey: .usage)
    }
}

/// Token usage as Anthropic reports it.
public struct AnthropicUsage: Codable, Sendable, Hashable {
    public var inputTokens: Int?
    public var outputTokens: Int
    public var cacheReadInputTokens: Int?
    public var cacheCreationInputTokens: Int?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens", outputTokens = "output_tokens"
        case cacheReadInputTokens = "cache_read_input_tokens", cacheCreationInputTokens = "cache_creation_input_tokens"
    }

    public init(inputTokens: Int?, outputTokens: Int, cacheReadInputTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheReadInputTokens = cacheReadInputTokens
    }

    public init(_ usage: Usage) {
        self.init(inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cacheReadInputTokens: usage.cachedInputTokens)
    }

    /// Canonical usage; Anthropic counts cached input separately, canonical input includes it.
    public var canonical: Usage {
        let cached = (cacheReadInputTokens ?? 0) + (cacheCreationInputTokens ?? 0)
        return Usage(inputTokens: (inputTokens ?? 0) + cached, outputTokens: outputTokens, cachedInputTokens: cacheReadInputTokens)
    }
}

/// One event of an Anthropic Messages stream; `type` tells which members are set.
public struct AnthropicStreamEvent: Codable, Sendable, Hashable {
    public var type: String
    public var message: AnthropicMessagesResponse?
    public var index: Int?
    public var contentBlock: AnthropicContentBlock?
    public var delta: Delta?
    public var usage: AnthropicUsage?
    public var error: ErrorDetail?

    /// `content_block_delta` (`text_delta`, `input_json_delta`, …) or `message_delta` payload.
    public struct Delta: Codable, Sendable, Hashable {
        public var type: String?
        public var text: String?
        public var partialJSON: String?
        public var stopReason: String?
        public var stopSequence: String?

        enum CodingKeys: String, CodingKey {
            case type, text
            case partialJSON = "partial_json", stopReason = "stop_reason", stopSequence = "stop_sequence"
        }

        public init(type: String? = nil, text: String? = nil, partialJSON: String? = nil, stopReason: String? = nil, stopSequence: String? = nil) {
            self.type = type
            self.text = text
            self.partialJSON = partialJSON
            self.stopReason = stopReason
            self.stopSequence = stopSequence
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(type, forKey: .type)
            try container.encodeIfPresent(text, forKey: .text)
            try container.encodeIfPresent(partialJSON, forKey: .partialJSON)
            if type == nil {  // message_delta: both members always present, null when unset.
                try container.encode(stopReason, forKey: .stopReason)
                try container.encode(stopSequence, forKey: .stopSequence)
            }
        }
    }

    public struct ErrorDetail: Codable, Sendable, Hashable {
        public var type: String?
        public var message: String?
    }

    enum CodingKeys: String, CodingKey {
        case type, message, index, delta, usage, error
        case contentBlock = "content_block"
    }

    public init(type: String, message: AnthropicMessagesResponse? = nil, index: Int? = nil,
                contentBlock: AnthropicContentBlock? = nil, delta: Delta? = nil, usage: AnthropicUsage? = nil) {
        self.type = type
        self.message = message
        self.index = index
        self.contentBlock = contentBlock
        self.delta = delta
        self.usage = usage
    }
}
