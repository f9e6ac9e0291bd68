import Logging
import RampartWire

/// The request pipeline behind the HTTP layer: authentication, model aliases, providers.
///
/// One instance serves one loaded configuration. It is immutable and safe to share between
/// requests; ``shutdown()`` releases the providers' connections.
public final class Gateway: Sendable {
    public let config: RampartConfig
    public let keyRing: KeyRing
    private let providers: [String: any Provider]
    private let aliases: [String: ModelAlias]
    private let logger: Logger

    /// An answer and the route that produced it.
    public struct Routed<Value: Sendable>: Sendable {
        public var value: Value
        public var target: Target
        /// Upstream attempts made (1 until routing with fallbacks arrives).
        public var attempts: Int
    }

    public init(config: RampartConfig, logger: Logger) {
        self.config = config
        self.logger = logger
        keyRing = KeyRing(config.keys)
        var providers: [String: any Provider] = [:]
        for provider in config.providers {
            providers[provider.id] = switch provider.kind {
            case .openAI(let options): HTTPProvider(id: provider.id, api: .openAI, options: options)
            case .anthropic(let options): HTTPProvider(id: provider.id, api: .anthropic, options: options)
            case .simulator(let options): SimulatorProvider(id: provider.id, options: options)
            }
        }
        self.providers = providers
        aliases = Dictionary(config.models.map { ($0.alias, $0) }, uniquingKeysWith: { first, _ in first })
        for model in config.models where model.targets.count > 1 {
            logger.warning("alias '\(model.alias)' lists \(model.targets.count) targets with strategy \(model.strategy.rawValue); this version routes every request to the first target (\(model.targets[0]))")
        }
    }

    /// The aliases clients may use, sorted.
    public var modelAliases: [String] { aliases.keys.sorted() }

    /// The principal for a presented key (`nil` when none was sent).
    public func authenticate(secret: String?) throws(RampartError) -> Principal {
        guard keyRing.requiresKeys else { return .anonymous }
        guard let secret, !secret.isEmpty else {
            throw RampartError(status: 401, code: "rampart_missing_api_key",
                               message: "No API key was sent. Send your Rampart key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.")
        }
        guard let principal = keyRing.principal(forSecret: secret) else {
            throw RampartError(status: 401, code: "rampart_invalid_api_key", message: "The API key is not valid for this Rampart gateway.")
        }
        return principal
    }

    /// Sends a request and waits for the whole answer.
    public func complete(_ request: ChatRequest, principal: Principal) async throws(RampartError) -> Routed<ChatResponse> {
        let (target, provider) = try route(request.model)
        do {
            return Routed(value: try await provider.complete(request, model: target.model), target: target, attempts: 1)
        } catch {
            throw report(error, target: target, request: request)
        }
    }

    /// Sends a request and returns its stream once the upstream has started answering.
    public func stream(_ request: ChatRequest, principal: Principal) async throws(RampartError) -> Routed<EventStream> {
        let (target, provider) = try route(request.model)
        do {
            return Routed(value: try await provider.stream(request, model: target.model), target: target, attempts: 1)
        } catch {
            throw report(error, target: target, request: request)
        }
    }

    /// Logs an upstream failure and returns the client's error.
    public func report(_ failure: UpstreamFailure, target: Target, request: ChatRequest) -> RampartError {
        let error = failure.clientError(provider: target.provider)
        logger.warning("upstream failure", metadata: ["route": "\(target)", "code": "\(error.code)", "detail": "\(error.message)"])
        return error
    }

    /// Stops every provider's connections.
    public func shutdown() async {
        for provider in providers.values { await provider.shutdown() }
    }

    private func route(_ alias: String) throws(RampartError) -> (Target, any Provider) {
        guard let model = aliases[alias], let target = model.targets.first, let provider = providers[target.provider] else {
            let known = modelAliases.prefix(20).joined(separator: ", ")
            throw RampartError(status: 404, code: "rampart_model_not_found",
                               message: "The model '\(alias)' does not exist on this gateway. Available models: \(known.isEmpty ? "none" : known).",
                               param: "model")
        }
        return (target, provider)
    }
}
