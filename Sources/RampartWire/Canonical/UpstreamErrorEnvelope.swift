/// `{"error": {"type", "message", "code"}}`: the error shape OpenAI and Anthropic share (Anthropic
/// adds a top-level `"type": "error"`), read leniently so that any provider's error can be described.
public struct UpstreamErrorEnvelope: Decodable, Sendable {
    public struct Detail: Decodable, Sendable {
        public var type: String?
        public var message: String?
        /// OpenAI's `code` (`context_length_exceeded`, `content_policy_violation`, …); some
        /// OpenAI-compatible servers send a number here, which is kept as text.
        public var code: String?

        private enum CodingKeys: String, CodingKey { case type, message, code }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try? container.decodeIfPresent(String.self, forKey: .type)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
            code = (try? container.decodeIfPresent(String.self, forKey: .code))
                ?? (try? container.decodeIfPresent(Int.self, forKey: .code)).flatMap { $0.map(String.init) }
        }
    }
    public var error: Detail?
}
