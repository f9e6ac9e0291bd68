import Foundation

/// Why a model stopped, in canonical terms. Each case has one OpenAI and one Anthropic spelling.
public enum StopReason: Sendable, Hashable {
    /// Natural end (OpenAI `stop`, Anthropic `end_turn`).
    case endTurn
    /// A stop sequence matched (OpenAI `stop`, Anthropic `stop_sequence`).
    case stopSequence(String?)
    /// The token limit was reached (OpenAI `length`, Anthropic `max_tokens`).
    case maxTokens
    /// The model called tools (OpenAI `tool_calls`, Anthropic `tool_use`).
    case toolUse
    /// A safety system stopped the output (OpenAI `content_filter`, Anthropic `refusal`).
    case refusal
    /// Anthropic `pause_turn` (a long server-tool turn paused); OpenAI has no equivalent and reads it as `stop`.
    case pauseTurn
}

/// Token counts of one exchange.
public struct Usage: Sendable, Hashable {
    public var inputTokens: Int
    public var outputTokens: Int
    /// Input tokens read from a prompt cache, where the provider reports them.
    public var cachedInputTokens: Int?

    public init(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
    }

    public var totalTokens: Int { inputTokens + outputTokens }
}

/// A complete (non-streaming) answer in canonical form.
public struct ChatResponse: Sendable, Hashable {
    public var id: String
    public var model: String
    /// Text and tool-call parts, in order.
    public var content: [ContentPart]
    public var stopReason: StopReason
    public var usage: Usage?
    /// Seconds since 1970 when the answer was created.
    public var created: Int
    /// The API the provider spoke.
    public var sourceAPI: WireAPI
    /// Top-level members of the provider's response that Rampart does not model.
    public var vendorExtensions: JSONObject
    /// The provider's own JSON body for this answer, exactly as received. A client of the same
    /// API gets these bytes, so that nothing the provider said is lost (nested members such as
    /// `logprobs` or `annotations` included) and no re-encoding is paid for. Code that changes an
    /// answer must set it to `nil`, so that the change is what the client receives.
    public var providerBody: Data?

    public init(
        id: String, model: String, content: [ContentPart], stopReason: StopReason, usage: Usage?,
        created: Int, sourceAPI: WireAPI, vendorExtensions: JSONObject = [:]
    ) {
        self.id = id
        self.model = model
        self.content = content
        self.stopReason = stopReason
        self.usage = usage
        self.created = created
        self.sourceAPI = sourceAPI
        self.vendorExtensions = vendorExtensions
    }

    /// All text parts joined.
    public var text: String {
        content.compactMap { if case .text(let part) = $0 { part.text } else { nil } }.joined()
    }
}

/// One step of a streamed answer in canonical form.
///
/// A well-formed stream is `start`, then any number of deltas, then `finish`, then optionally
/// `usage`. Tool calls are numbered by `index` in order of appearance, counted separately from text.
public enum StreamEvent: Sendable, Hashable {
    case start(id: String, model: String)
    case textDelta(String)
    case toolCallStart(index: Int, id: String, name: String)
    case toolCallArgumentsDelta(index: Int, fragment: String)
    case finish(StopReason)
    case usage(Usage)
}
