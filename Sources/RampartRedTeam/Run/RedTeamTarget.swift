import Foundation
import Logging
import RampartGateway
import RampartWire

/// What a target did with one attack.
public enum TargetReply: Sendable, Hashable {
    /// An answer, with how it stopped.
    case answer(text: String, stop: StopReason)
    /// A gateway refused it with a typed policy error.
    case blocked(code: String, message: String)
    /// Anything else that went wrong: unreachable, timed out, an upstream error. `transient` when
    /// the same request may succeed later (a timeout, a 429, an overloaded or unreachable provider),
    /// which ``PacedTarget`` retries.
    case failed(String, transient: Bool)
}

/// Something `rampart redteam` attacks.
public protocol RedTeamTarget: Sendable {
    /// How reports name the target.
    var name: String { get }
    func send(_ attack: Attack) async -> TargetReply
    func shutdown() async
}

/// A Rampart gateway driven in process: the fast offline target (Rampart's own pipeline, with
/// whatever guard and providers its configuration names), and, through ``endpoint(url:api:model:apiKey:timeoutMS:)``,
/// the way to reach any OpenAI- or Anthropic-compatible endpoint with Rampart's own providers,
/// retries and error classification.
public struct GatewayTarget: RedTeamTarget {
    public let name: String
    let gateway: Gateway
    let alias: String
    let maxTokens: Int

    /// Codes that mean a gateway stopped the request on purpose: its own policy error, or an
    /// upstream gateway's policy refusal as Rampart classifies it.
    static let blockingCodes: Set = ["rampart_policy_violation", "rampart_upstream_content_refused"]

    /// Codes of failures that may pass when tried again: timeouts, rate limits, overload, an
    /// unreachable or erroring provider, no route while every breaker is open.
    static let transientCodes: Set = [
        "rampart_upstream_unavailable", "rampart_upstream_timeout", "rampart_deadline_exceeded", "rampart_upstream_stream_cut",
        "rampart_upstream_rate_limited", "rampart_upstream_overloaded", "rampart_upstream_error", "rampart_no_healthy_route",
    ]

    public init(name: String, gateway: Gateway, alias: String, maxTokens: Int = 512) {
        self.name = name
        self.gateway = gateway
        self.alias = alias
        self.maxTokens = maxTokens
    }

    /// A target for an HTTP endpoint speaking `api` (`openai` or `anthropic`): a gateway with that
    /// endpoint as its only provider and the guard off, so that only the endpoint's own defences count.
    public static func endpoint(url: String, api: String, model: String, apiKey: String?, timeoutMS: Int,
                                logger: Logger) throws -> GatewayTarget {
        let key = apiKey.map { ", api_key: \(Self.quoted($0))" } ?? ""
        let yaml = """
            guard: {input: {mode: off}, output: {mode: off}}
            providers: [{id: target, kind: \(api), base_url: \(Self.quoted(url))\(key), timeouts: {total_ms: \(timeoutMS)}}]
            models: [{alias: target, targets: [{provider: target, model: \(Self.quoted(model))}]}]
            """
        let config = try ConfigLoader.parse(yaml: yaml, source: "redteam target", environment: [:])
        return GatewayTarget(name: "\(api) \(url) (\(model))", gateway: try Gateway(config: config, logger: logger), alias: "target")
    }

    public func send(_ attack: Attack) async -> TargetReply {
        var request = ChatRequest(model: alias, messages: attack.turns.map(Self.message), maxTokens: maxTokens, sourceAPI: .openAI)
        if let sampling = attack.sampling {
            request.temperature = sampling.temperature
            request.seed = Int64(sampling.seed % 2_147_483_647)   // 31 bits: what every server accepts
        }
        do {
            let answer = try await gateway.complete(request, principal: .anonymous).value
            return .answer(text: answer.text, stop: answer.stopReason)
        } catch {
            if Self.blockingCodes.contains(error.code) { return .blocked(code: error.code, message: error.message) }
            return .failed("\(error.code): \(error.message)", transient: Self.transientCodes.contains(error.code))
        }
    }

    public func shutdown() async {
        await gateway.shutdown()
    }

    /// A turn as a chat message. A tool result becomes a user message that says it is one: a real
    /// tool message needs the assistant's tool call before it, which an attack does not have.
    static func message(_ turn: Turn) -> Message {
        switch turn.role {
        case .system: Message(role: .system, content: [.text(TextPart(text: turn.text))])
        case .assistant: Message(role: .assistant, content: [.text(TextPart(text: turn.text))])
        case .user: Message(role: .user, content: [.text(TextPart(text: turn.text))])
        case .tool: Message(role: .user, content: [.text(TextPart(text: "Tool result:\n\(turn.text)"))])
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
