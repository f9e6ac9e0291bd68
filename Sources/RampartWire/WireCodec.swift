import Foundation

/// The codecs of one client-facing wire API, chosen at run time.
///
/// The server works with whichever API a route speaks through this one type, so that the OpenAI
/// and Anthropic endpoints share a single code path.
public struct WireCodec: Sendable {
    public let api: WireAPI

    public init(_ api: WireAPI) {
        self.api = api
    }

    /// Decodes and validates a client's request body.
    public func decodeRequest(_ body: Data) throws(WireError) -> ChatRequest {
        switch api {
        case .openAI: try OpenAIRequestCodec.decode(body)
        case .anthropic: try AnthropicRequestCodec.decode(body)
        }
    }

    /// Encodes a complete answer for the client.
    public func encodeResponse(_ response: ChatResponse) throws(WireError) -> Data {
        switch api {
        case .openAI: try OpenAIResponseCodec.encode(response)
        case .anthropic: try AnthropicResponseCodec.encode(response)
        }
    }

    /// A stream encoder for one answer to `request`.
    public func streamEncoder(for request: ChatRequest) -> ClientStreamEncoder {
        switch api {
        case .openAI: .openAI(OpenAIStreamEncoder(model: request.model, includeUsage: request.includeUsageInStream))
        case .anthropic: .anthropic(AnthropicStreamEncoder(model: request.model))
        }
    }
}

/// Writes canonical stream events in a client's wire format (server-sent events).
public enum ClientStreamEncoder: Sendable {
    case openAI(OpenAIStreamEncoder)
    case anthropic(AnthropicStreamEncoder)

    /// The SSE text for one event (may be empty).
    public mutating func encode(_ event: StreamEvent) throws(WireError) -> String {
        switch self {
        case .openAI(var encoder):
            defer { self = .openAI(encoder) }
            return try encoder.encode(event)
        case .anthropic(var encoder):
            defer { self = .anthropic(encoder) }
            return try encoder.encode(event)
        }
    }

    /// The SSE text that ends a complete stream.
    public mutating func finish() throws(WireError) -> String {
        switch self {
        case .openAI(let encoder):
            return encoder.finish()
        case .anthropic(var encoder):
            defer { self = .anthropic(encoder) }
            return try encoder.finish()
        }
    }

    /// The SSE text that ends a stream with an error.
    public func error(_ error: RampartError) -> String {
        switch self {
        case .openAI(let encoder): encoder.error(error)
        case .anthropic(let encoder): encoder.error(error)
        }
    }
}
