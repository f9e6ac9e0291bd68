import Foundation

/// The two client-facing wire APIs Rampart speaks, and the two provider families behind them.
public enum WireAPI: String, Sendable, Hashable, CustomStringConvertible {
    case openAI = "openai"
    case anthropic

    public var description: String {
        switch self {
        case .openAI: "OpenAI Chat Completions"
        case .anthropic: "Anthropic Messages"
        }
    }
}

/// A chat request in Rampart's canonical form: one model for both wire APIs.
///
/// Decoders fill it from a client's wire request and encoders write it for a provider. Everything a
/// wire request carries that this type does not model sits in ``vendorExtensions`` (top level) or in
/// the `extra` of a message, part or tool, tagged by ``sourceAPI``; encoders for the same API forward it
/// unchanged, and translation to the other API fails with ``WireError/untranslatable(_:)`` rather than
/// dropping it (except the advisory members listed by the translator).
public struct ChatRequest: Sendable, Hashable {
    public var model: String
    /// The conversation in order; `.system` and `.developer` messages may appear anywhere OpenAI allows.
    public var messages: [Message]
    public var tools: [ToolDefinition]
    public var toolChoice: ToolChoice?
    public var maxTokens: Int?
    public var temperature: Double?
    public var topP: Double?
    /// Anthropic's `top_k`; OpenAI has no equivalent.
    public var topK: Int?
    public var stopSequences: [String]
    public var stream: Bool
    /// Whether the client asked for usage in the stream (OpenAI `stream_options.include_usage`).
    public var includeUsageInStream: Bool
    public var seed: Int64?
    /// The end user on whose behalf the request is made (OpenAI `user`, Anthropic `metadata.user_id`).
    public var endUser: String?
    /// OpenAI `response_format`, forwarded as given.
    public var responseFormat: JSONValue?
    /// OpenAI `parallel_tool_calls`; Anthropic's `disable_parallel_tool_use` is its negation.
    public var parallelToolCalls: Bool?
    /// The member that carried ``maxTokens`` in an OpenAI client's request (`max_tokens` or
    /// `max_completion_tokens`), so that an OpenAI-compatible provider receives the one the client chose.
    public var maxTokensMember: String?
    /// The API the client spoke.
    public var sourceAPI: WireAPI
    /// Top-level members of the client's request that Rampart does not model.
    public var vendorExtensions: JSONObject
    /// The client's JSON body exactly as received. A provider of the same API is sent these bytes
    /// with only `model` rewritten, so that nothing the client sent is lost or re-rendered and no
    /// re-encoding is paid for. Code that changes a request must set it to `nil`, so that the
    /// change is what the provider receives.
    public var clientBody: Data?

    public init(
        model: String, messages: [Message], tools: [ToolDefinition] = [], toolChoice: ToolChoice? = nil,
        maxTokens: Int? = nil, temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil,
        stopSequences: [String] = [], stream: Bool = false, includeUsageInStream: Bool = false,
        seed: Int64? = nil, endUser: String? = nil, responseFormat: JSONValue? = nil,
        parallelToolCalls: Bool? = nil, sourceAPI: WireAPI, vendorExtensions: JSONObject = [:]
    ) {
        self.model = model
        self.messages = messages
        self.tools = tools
        self.toolChoice = toolChoice
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.stopSequences = stopSequences
        self.stream = stream
        self.includeUsageInStream = includeUsageInStream
        self.seed = seed
        self.endUser = endUser
        self.responseFormat = responseFormat
        self.parallelToolCalls = parallelToolCalls
        self.sourceAPI = sourceAPI
        self.vendorExtensions = vendorExtensions
    }

    /// The text of every user message, in order: what a guard or a simulator reads.
    public var userText: [String] {
        messages.filter { $0.role == .user }.map(\.text)
    }
}

/// Who wrote a message.
public enum Role: String, Sendable, Hashable {
    case system
    /// OpenAI's `developer` role: a system message for reasoning models. Anthropic treats it as system.
    case developer
    case user
    case assistant
    /// The result of a tool call (OpenAI role `tool`; Anthropic `tool_result` blocks in a user turn).
    case tool
}

/// One message of a conversation.
public struct Message: Sendable, Hashable {
    public var role: Role
    public var content: [ContentPart]
    /// Members of the wire message Rampart does not model (for example OpenAI's `name`).
    public var extra: JSONObject

    public init(role: Role, content: [ContentPart], extra: JSONObject = [:]) {
        self.role = role
        self.content = content
        self.extra = extra
    }

    /// The concatenated text parts (tool results included), for classifiers and the simulator.
    public var text: String {
        content.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A piece of a message.
public enum ContentPart: Sendable, Hashable {
    case text(TextPart)
    case image(ImagePart)
    case toolCall(ToolCall)
    case toolResult(ToolResult)
    /// A part only the source API understands (for example an Anthropic `document` or `thinking` block,
    /// an OpenAI `input_audio` part), forwarded as is to the same API and untranslatable otherwise.
    case opaque(type: String, body: JSONObject)

    /// The text this part contributes to the conversation's plain text.
    public var plainText: String {
        switch self {
        case .text(let part): part.text
        case .toolResult(let result): result.content.map(\.plainText).joined(separator: "\n")
        case .toolCall(let call): call.arguments
        case .image, .opaque: ""
        }
    }

    /// A text part with nothing extra.
    public static func text(_ text: String) -> ContentPart { .text(TextPart(text: text)) }
}

public struct TextPart: Sendable, Hashable {
    public var text: String
    /// Members Rampart does not model (Anthropic `cache_control`, `citations`).
    public var extra: JSONObject
    public init(text: String, extra: JSONObject = [:]) {
        self.text = text
        self.extra = extra
    }
}

public struct ImagePart: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case url(String)
        case base64(mediaType: String, data: String)
    }
    public var source: Source
    /// OpenAI's `detail` hint (`auto|low|high`).
    public var detail: String?
    public var extra: JSONObject
    public init(source: Source, detail: String? = nil, extra: JSONObject = [:]) {
        self.source = source
        self.detail = detail
        self.extra = extra
    }
}

/// A call the model made to a tool. `arguments` is the JSON text of the arguments, as OpenAI sends it.
public struct ToolCall: Sendable, Hashable {
    public var id: String
    public var name: String
    public var arguments: String
    public var extra: JSONObject
    public init(id: String, name: String, arguments: String, extra: JSONObject = [:]) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.extra = extra
    }
}

extension ToolCall {
    /// The arguments parsed as the JSON value Anthropic's `input` carries (`{}` when empty), or
    /// `nil` when they are not valid JSON.
    public var input: JSONValue? {
        let text = arguments.trimmingCharacters(in: .whitespaces)
        return try? WireJSON.decode(JSONValue.self, from: Data((text.isEmpty ? "{}" : text).utf8))
    }
}

/// What a tool returned, sent back to the model.
public struct ToolResult: Sendable, Hashable {
    public var toolCallID: String
    public var content: [ContentPart]
    public var isError: Bool
    public var extra: JSONObject
    public init(toolCallID: String, content: [ContentPart], isError: Bool = false, extra: JSONObject = [:]) {
        self.toolCallID = toolCallID
        self.content = content
        self.isError = isError
        self.extra = extra
    }
}

/// A tool the model may call.
public struct ToolDefinition: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// The JSON schema of the arguments.
    public var parameters: JSONValue
    public var extra: JSONObject
    public init(name: String, description: String? = nil, parameters: JSONValue, extra: JSONObject = [:]) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.extra = extra
    }
}

/// How the model may use tools.
public enum ToolChoice: Sendable, Hashable {
    /// The model decides (OpenAI `auto`, Anthropic `{type: auto}`).
    case auto
    /// The model must call some tool (OpenAI `required`, Anthropic `{type: any}`).
    case required
    /// The model must not call tools.
    case none
    /// The model must call this tool.
    case tool(String)
}
