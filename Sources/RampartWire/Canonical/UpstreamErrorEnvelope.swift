/// `{"error": {"type", "message"}}`: the error shape OpenAI and Anthropic share (Anthropic adds a
/// top-level `"type": "error"`), read leniently so that any provider's error can be described.
public struct UpstreamErrorEnvelope: Decodable, Sendable {
    public struct Detail: Decodable, Sendable {
        public var type: String?
        public var message: String?
    }
    public var error: Detail?
}
