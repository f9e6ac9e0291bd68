/// The body of an OpenAI `POST /v1/chat/completions` request.
///
/// Members Rampart does not model (`logprobs`, `n`, `reasoning_effort`, …) are kept in ``extra``.
public struct OpenAIChatRequest: Codable, Sendable, Hashable, PreservesUnknownMembers {
    public var model: String
    public var messages: [OpenAIMessage]
    public var tools: [OpenAITool]?
    public var toolChoice: OpenAIToolChoice?
    public var responseFormat: JSONValue?
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var maxCompletionTokens: Int?
    public var stop: OpenAIStop?
    public var seed: Int64?
    public var user: String?
    public var stream: Bool?
    public var streamOptions: StreamOptions?
    public var parallelToolCalls: Bool?
    public var extra: JSONObject = [:]
    static let modelledKeys = CodingKeys.names

    public struct StreamOptions: Codable, Sendable, Hashable {
        public var includeUsage: Bool?
        public init(includeUsage: Bool?) { self.includeUsage = includeUsage }
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case model, messages, tools, temperature, stop, seed, user, stream
        case toolChoice = "tool_choice", responseFormat = "response_format", topP = "top_p"
        case maxTokens = "max_tokens", maxCompletionTokens = "max_completion_tokens"
        case streamOptions = "stream_options", parallelToolCalls = "parallel_tool_calls"
    }

    public init(model: String, messages: [OpenAIMessage]) {
        self.model = model
        self.messages = messages
    }

    /// One pass over the members (this is decoded for every request): modelled ones by type, the
    /// rest kept in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var model: String?
        var messages: [OpenAIMessage]?
        for key in container.allKeys {
            switch CodingKeys(rawValue: key.stringValue) {
            case .model: model = try container.decode(String.self, forKey: key)
            case .messages: messages = try container.decode([OpenAIMessage].self, forKey: key)
            case .tools: tools = try container.decodeIfPresent([OpenAITool].self, forKey: key)
            case .toolChoice: toolChoice = try container.decodeIfPresent(OpenAIToolChoice.self, forKey: key)
            case .responseFormat: responseFormat = try container.decodeIfPresent(JSONValue.self, forKey: key)
            case .temperature: temperature = try container.decodeIfPresent(Double.self, forKey: key)
            case .topP: topP = try container.decodeIfPresent(Double.self, forKey: key)
            case .maxTokens: maxTokens = try container.decodeIfPresent(Int.self, forKey: key)
            case .maxCompletionTokens: maxCompletionTokens = try container.decodeIfPresent(Int.self, forKey: key)
            case .stop: stop = try container.decodeIfPresent(OpenAIStop.self, forKey: key)
            case .seed: seed = try container.decodeIfPresent(Int64.self, forKey: key)
            case .user: user = try container.decodeIfPresent(String.self, forKey: key)
            case .stream: stream = try container.decodeIfPresent(Bool.self, forKey: key)
            case .streamOptions: streamOptions = try container.decodeIfPresent(StreamOptions.self, forKey: key)
            case .parallelToolCalls: parallelToolCalls = try container.decodeIfPresent(Bool.self, forKey: key)
            case nil: extra[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        guard let model else { throw DecodingError.keyNotFound(CodingKeys.model, .init(codingPath: decoder.codingPath, debugDescription: "")) }
        guard let messages else { throw DecodingError.keyNotFound(CodingKeys.messages, .init(codingPath: decoder.codingPath, debugDescription: "")) }
        self.model = model
        self.messages = messages
    }
}

/// `stop`: one string or a list.
public struct OpenAIStop: Codable, Sendable, Hashable {
    public var sequences: [String]
    public init(_ sequences: [String]) { self.sequences = sequences }
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            sequences = [one]
        } else if let many = try? container.decode([String].self) {
            sequences = many
        } else {
            throw wrongType(decoder, expected: "a string or an array of strings")
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sequences)
    }
}

/// One message of an OpenAI conversation.
public struct OpenAIMessage: Codable, Sendable, Hashable {
    public var role: String
    public var content: OpenAIContent?
    public var toolCalls: [OpenAIToolCall]?
    public var toolCallID: String?
    public var refusal: String?
    /// Members not modelled here, such as `name`.
    public var extra: JSONObject = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case role, content, refusal
        case toolCalls = "tool_calls", toolCallID = "tool_call_id"
    }

    public init(role: String, content: OpenAIContent?, toolCalls: [OpenAIToolCall]? = nil, toolCallID: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    /// One pass over the members: modelled ones decoded by type, the rest kept in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var role: String?
        for key in container.allKeys {
            switch key.stringValue {
            case "role": role = try container.decode(String.self, forKey: key)
            case "content": content = try container.decodeIfPresent(OpenAIContent.self, forKey: key)
            case "tool_calls": toolCalls = try container.decodeIfPresent([OpenAIToolCall].self, forKey: key)
            case "tool_call_id": toolCallID = try container.decodeIfPresent(String.self, forKey: key)
            case "refusal": refusal = try container.decodeIfPresent(String.self, forKey: key)
            default: extra[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        guard let role else {
            throw DecodingError.keyNotFound(CodingKeys.role, .init(codingPath: decoder.codingPath, debugDescription: "role is required"))
        }
        self.role = role
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(content, forKey: .content)
        try container.encodeIfPresent(toolCalls, forKey: .toolCalls)
        try container.encodeIfPresent(toolCallID, forKey: .toolCallID)
        try container.encodeIfPresent(refusal, forKey: .refusal)
        try encoder.encodeExtras(extra)
    }
}

/// Message content: a plain string or a list of typed parts.
public enum OpenAIContent: Codable, Sendable, Hashable {
    case text(String)
    case parts([OpenAIContentPart])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if (try? container.decode([JSONValue].self)) != nil {
            self = .parts(try container.decode([OpenAIContentPart].self))
        } else {
            throw wrongType(decoder, expected: "a string or an array of content parts")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .parts(let parts): try container.encode(parts)
        }
    }
}

/// A content part: `text`, `image_url`, or any other type kept as raw JSON.
public enum OpenAIContentPart: Codable, Sendable, Hashable {
    case text(String)
    case imageURL(url: String, detail: String?)
    case other(type: String, body: JSONObject)

    private enum Keys: String, CodingKey { case type, text, imageURL = "image_url" }
    private struct ImageURL: Codable { var url: String; var detail: String? }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "text":
            self = .text(try container.decode(String.self, forKey: .text))
        case "image_url":
            let image = try container.decode(ImageURL.self, forKey: .imageURL)
            self = .imageURL(url: image.url, detail: image.detail)
        default:
            self = .other(type: type, body: try decoder.singleValueContainer().decode(JSONObject.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
        case .imageURL(let url, let detail):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("image_url", forKey: .type)
            try container.encode(ImageURL(url: url, detail: detail), forKey: .imageURL)
        case .other(_, let body):
            var container = encoder.singleValueContainer()
            try container.encode(body)
        }
    }
}

/// A tool call made by the assistant.
public struct OpenAIToolCall: Codable, Sendable, Hashable {
    public var id: String
    public var type: String = "function"
    public var function: Function

    public struct Function: Codable, Sendable, Hashable {
        public var name: String
        /// The arguments as JSON text.
        public var arguments: String
        public init(name: String, arguments: String) {
            self.name = name
            self.arguments = arguments
        }
    }

    public init(id: String, function: Function) {
        self.id = id
        self.function = function
    }
}

/// A tool definition: `{"type": "function", "function": {...}}`.
public struct OpenAITool: Codable, Sendable, Hashable {
    public var type: String
    public var function: Function

    public struct Function: Codable, Sendable, Hashable {
        public var name: String
        public var description: String?
        public var parameters: JSONValue?
        public var strict: Bool?
        public init(name: String, description: String?, parameters: JSONValue?, strict: Bool? = nil) {
            self.name = name
            self.description = description
            self.parameters = parameters
            self.strict = strict
        }
    }

    public init(function: Function) {
        self.type = "function"
        self.function = function
    }
}

/// `tool_choice`: `"none" | "auto" | "required"` or `{"type": "function", "function": {"name": ...}}`.
public enum OpenAIToolChoice: Codable, Sendable, Hashable {
    case mode(String)
    case function(name: String)

    private struct Named: Codable { var type: String; var function: Name }
    private struct Name: Codable { var name: String }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let mode = try? container.decode(String.self) {
            self = .mode(mode)
        } else if let named = try? container.decode(Named.self) {
            self = .function(name: named.function.name)
        } else {
            throw wrongType(decoder, expected: #""none", "auto", "required" or {"type": "function", "function": {"name": ...}}"#)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .mode(let mode): try container.encode(mode)
        case .function(let name): try container.encode(Named(type: "function", function: Name(name: name)))
        }
    }
}
