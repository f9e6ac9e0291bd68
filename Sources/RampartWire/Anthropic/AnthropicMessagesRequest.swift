/// The body of an Anthropic `POST /v1/messages` request.
///
/// Members Rampart does not model (`thinking`, `container`, `mcp_servers`, …) are kept in ``extra``.
public struct AnthropicMessagesRequest: Codable, Sendable, Hashable, PreservesUnknownMembers {
    public var model: String
    public var messages: [AnthropicMessage]
    public var maxTokens: Int
    /// A string or a list of text blocks.
    public var system: AnthropicContent?
    public var metadata: Metadata?
    public var stopSequences: [String]?
    public var stream: Bool?
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var tools: [AnthropicTool]?
    public var toolChoice: AnthropicToolChoice?
    public var extra: JSONObject = [:]
    static let modelledKeys = CodingKeys.names

    public struct Metadata: Codable, Sendable, Hashable {
        public var userID: String?
        public init(userID: String?) { self.userID = userID }
        enum CodingKeys: String, CodingKey { case userID = "user_id" }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case model, messages, system, metadata, stream, temperature, tools
        case maxTokens = "max_tokens", stopSequences = "stop_sequences", topP = "top_p", topK = "top_k"
        case toolChoice = "tool_choice"
    }

    public init(model: String, messages: [AnthropicMessage], maxTokens: Int) {
        self.model = model
        self.messages = messages
        self.maxTokens = maxTokens
    }
}

/// One turn of an Anthropic conversation.
public struct AnthropicMessage: Codable, Sendable, Hashable {
    public var role: String
    public var content: AnthropicContent

    public init(role: String, content: AnthropicContent) {
        self.role = role
        self.content = content
    }
}

/// Message content (and `system`): a string or a list of blocks.
public enum AnthropicContent: Codable, Sendable, Hashable {
    case text(String)
    case blocks([AnthropicContentBlock])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if (try? container.decode([JSONValue].self)) != nil {
            self = .blocks(try container.decode([AnthropicContentBlock].self))
        } else {
            throw wrongType(decoder, expected: "a string or an array of content blocks")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .blocks(let blocks): try container.encode(blocks)
        }
    }

    public var blocks: [AnthropicContentBlock] {
        switch self {
        case .text(let text): [.text(text, extra: [:])]
        case .blocks(let blocks): blocks
        }
    }
}

/// A content block. Types Rampart does not model (`document`, `thinking`, server tool blocks, …)
/// are kept whole in `.other`.
public enum AnthropicContentBlock: Codable, Sendable, Hashable {
    case text(String, extra: JSONObject)
    /// `source` is `{type: base64, media_type, data}` or `{type: url, url}`.
    case image(source: JSONObject, extra: JSONObject)
    case toolUse(id: String, name: String, input: JSONValue, extra: JSONObject)
    case toolResult(toolUseID: String, content: AnthropicContent?, isError: Bool?, extra: JSONObject)
    case other(type: String, body: JSONObject)

    private enum Keys: String, CodingKey {
        case type, text, source, id, name, input, content
        case toolUseID = "tool_use_id", isError = "is_error"
    }

    private static let modelled: [String: Set<String>] = [
        "text": ["type", "text"], "image": ["type", "source"], "tool_use": ["type", "id", "name", "input"],
        "tool_result": ["type", "tool_use_id", "content", "is_error"],
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let type = try container.decode(String.self, forKey: .type)
        guard let known = Self.modelled[type] else {
            self = .other(type: type, body: try decoder.singleValueContainer().decode(JSONObject.self))
            return
        }
        let extra = try decoder.decodeExtras(excluding: known)
        switch type {
        case "text":
            self = .text(try container.decode(String.self, forKey: .text), extra: extra)
        case "image":
            self = .image(source: try container.decode(JSONObject.self, forKey: .source), extra: extra)
        case "tool_use":
            self = .toolUse(id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
                            input: try container.decode(JSONValue.self, forKey: .input), extra: extra)
        default:
            self = .toolResult(toolUseID: try container.decode(String.self, forKey: .toolUseID),
                               content: try container.decodeIfPresent(AnthropicContent.self, forKey: .content),
                               isError: try container.decodeIfPresent(Bool.self, forKey: .isError), extra: extra)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .other(_, let body) = self {
            var container = encoder.singleValueContainer()
            try container.encode(body)
            return
        }
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .text(let text, let extra):
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
            try encoder.encodeExtras(extra)
        case .image(let source, let extra):
            try container.encode("image", forKey: .type)
            try container.encode(source, forKey: .source)
            try encoder.encodeExtras(extra)
        case .toolUse(let id, let name, let input, let extra):
            try container.encode("tool_use", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(input, forKey: .input)
            try encoder.encodeExtras(extra)
        case .toolResult(let id, let content, let isError, let extra):
            try container.encode("tool_result", forKey: .type)
            try container.encode(id, forKey: .toolUseID)
            try container.encodeIfPresent(content, forKey: .content)
            try container.encodeIfPresent(isError, forKey: .isError)
            try encoder.encodeExtras(extra)
        case .other:
            break
        }
    }
}

/// A tool definition. Server tools (`web_search_…`, with a `type` and no `input_schema`) are kept
/// in ``extra`` and only reach Anthropic providers.
public struct AnthropicTool: Codable, Sendable, Hashable {
    public var name: String
    public var description: String?
    public var inputSchema: JSONValue?
    public var extra: JSONObject = [:]
    private static let memberNames = CodingKeys.names

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description
        case inputSchema = "input_schema"
    }

    public init(name: String, description: String?, inputSchema: JSONValue?) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        inputSchema = try container.decodeIfPresent(JSONValue.self, forKey: .inputSchema)
        extra = try decoder.decodeExtras(excluding: Self.memberNames)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(inputSchema, forKey: .inputSchema)
        try encoder.encodeExtras(extra)
    }
}

/// `tool_choice`: `{type: auto|any|tool|none, name?, disable_parallel_tool_use?}`.
public struct AnthropicToolChoice: Codable, Sendable, Hashable {
    public var type: String
    public var name: String?
    public var disableParallelToolUse: Bool?

    enum CodingKeys: String, CodingKey {
        case type, name
        case disableParallelToolUse = "disable_parallel_tool_use"
    }

    public init(type: String, name: String? = nil, disableParallelToolUse: Bool? = nil) {
        self.type = type
        self.name = name
        self.disableParallelToolUse = disableParallelToolUse
    }
}
