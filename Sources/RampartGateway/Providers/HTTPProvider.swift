import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import RampartWire

/// A provider reached over HTTP that speaks OpenAI Chat Completions (OpenAI, vLLM, Ollama,
/// llama.cpp server, …) or Anthropic Messages.
///
/// It owns `HTTPClient`s (one per event loop, see ``LoopLocalHTTPClients``) configured for a proxy:
/// no connection-retry loop (a refused connection is reported at once, so that routing can move
/// on) and a connection pool sized for concurrency. AsyncHTTPClient fixes the connect and read
/// timeouts per client, so there is one set of clients per ``ConnectionProfile`` its targets use;
/// the time to the response head and the attempt's end are enforced per request.
public final class HTTPProvider: Provider {
    public let id: String
    public let api: WireAPI
    private let options: HTTPProviderOptions
    private let clients: [ConnectionProfile: LoopLocalHTTPClients]
    /// The clients of the first profile, for limits no target declared.
    private let defaultClients: LoopLocalHTTPClients
    private let endpoint: String
    private let headers: HTTPHeaders

    /// Largest upstream body Rampart reads into memory (a non-streaming answer or an error).
    static let maxBodyBytes = 32 * 1024 * 1024

    /// The client-level timeouts one set of clients is built with.
    public struct ConnectionProfile: Sendable, Hashable {
        public var connect: Duration
        /// The longest silence between two reads (AsyncHTTPClient's read timeout).
        public var idle: Duration

        public init(connect: Duration, idle: Duration) {
            self.connect = connect
            self.idle = idle
        }

        public init(_ limits: AttemptLimits) {
            self.init(connect: limits.connect, idle: limits.idle)
        }
    }

    /// A provider with clients for each of `profiles` (at least one is always made).
    public init(id: String, api: WireAPI, options: HTTPProviderOptions, profiles: Set<ConnectionProfile>) {
        self.id = id
        self.api = api
        self.options = options
        let defaults = TargetTimeouts()
        let profiles = profiles.isEmpty ? [ConnectionProfile(connect: defaults.connect, idle: defaults.idle)] : Array(profiles)
        let clients = Dictionary(uniqueKeysWithValues: profiles.map { ($0, LoopLocalHTTPClients(configuration: Self.clientConfiguration($0))) })
        self.clients = clients
        defaultClients = clients[profiles[0]] ?? LoopLocalHTTPClients(configuration: Self.clientConfiguration(profiles[0]))
        var headers = HTTPHeaders([("content-type", "application/json"), ("user-agent", "rampart")])
        switch api {
        case .openAI:
            endpoint = options.baseURL + "/chat/completions"
            if let key = options.apiKey { headers.add(name: "authorization", value: "Bearer \(key)") }
        case .anthropic:
            endpoint = options.baseURL + "/v1/messages"
            if let key = options.apiKey { headers.add(name: "x-api-key", value: key) }
            headers.add(name: "anthropic-version", value: options.anthropicVersion)
        }
        for (name, value) in options.headers { headers.replaceOrAdd(name: name, value: value) }
        self.headers = headers
    }

    private static func clientConfiguration(_ profile: ConnectionProfile) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .init(profile.connect), read: .init(profile.idle)))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 512)
        configuration.connectionPool.retryConnectionEstablishment = false
        // Rampart sends no Accept-Encoding, so answers arrive uncompressed; no decompressor needed.
        configuration.decompression = .disabled
        // No spans until Rampart is configured with a tracer: creating them costs per request.
        configuration.tracing.tracer = nil
        return configuration
    }

    public func complete(_ request: ChatRequest, model: String, limits: AttemptLimits) async throws(UpstreamFailure) -> ChatResponse {
        let request = request.streaming(false)
        let response = try await send(try encode(request, model: model), streaming: false, limits: limits)
        let body = try await collect(response, limits: limits)
        do {
            switch api {
            case .openAI: return try OpenAIResponseCodec.decode(body)
            case .anthropic: return try AnthropicResponseCodec.decode(body)
            }
        } catch {
            throw .malformed("the answer is not a valid \(api) response: \(error)")
        }
    }

    public func stream(_ request: ChatRequest, model: String, limits: AttemptLimits) async throws(UpstreamFailure) -> EventStream {
        let request = request.streaming(true)
        let response = try await send(try encode(request, model: model), streaming: true, limits: limits)
        let contentType = response.headers.first(name: "content-type") ?? ""
        guard contentType.contains("text/event-stream") else {
            let body = try await collect(response, limits: limits)
            throw .malformed("asked for a stream, the provider answered '\(contentType)': \(String(decoding: body.prefix(120), as: UTF8.self))")
        }
        let api = self.api
        return EventStream {
            let reader = UpstreamStreamReader(body: response.body, api: api, limits: limits)
            return { try await reader.next() }
        }
    }

    public func shutdown() async {
        for client in clients.values { await client.shutdown() }
    }

    private func encode(_ request: ChatRequest, model: String) throws(UpstreamFailure) -> Data {
        do {
            switch api {
            case .openAI: return try OpenAIRequestCodec.encode(request, model: model, maxTokensField: options.maxTokensField)
            case .anthropic: return try AnthropicRequestCodec.encode(request, model: model, defaultMaxTokens: options.defaultMaxTokens)
            }
        } catch {
            throw .untranslatable(error)
        }
    }

    /// Posts `body` and returns the response once its head arrived with a success status.
    private func send(_ body: Data, streaming: Bool, limits: AttemptLimits) async throws(UpstreamFailure) -> HTTPClientResponse {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers = headers
        if streaming { request.headers.replaceOrAdd(name: "accept", value: "text/event-stream") }
        request.body = .bytes(ByteBuffer(data: body))
        let response: HTTPClientResponse
        let (headDeadline, headTimeout) = limits.firstByteDeadline
        do {
            response = try await client(limits).execute(request, deadline: .now() + TimeAmount(headDeadline - .now))
        } catch {
            throw Self.classify(error, deadline: headTimeout)
        }
        guard (200..<300).contains(response.status.code) else {
            let errorBody = (try? await response.body.collect(upTo: 64 * 1024)).map { Data(buffer: $0) } ?? Data()
            throw .status(UpstreamErrorReport.describe(
                status: Int(response.status.code), body: errorBody, contentType: response.headers.first(name: "content-type"),
                retryAfter: response.headers.first(name: "retry-after"), secrets: [options.apiKey].compactMap { $0 }))
        }
        return response
    }

    /// The clients for this attempt's connect and idle timeouts.
    private func client(_ limits: AttemptLimits) -> HTTPClient {
        (clients[ConnectionProfile(limits)] ?? defaultClients).current
    }

    private func collect(_ response: HTTPClientResponse, limits: AttemptLimits) async throws(UpstreamFailure) -> Data {
        do {
            return Data(buffer: try await response.body.collect(upTo: Self.maxBodyBytes))
        } catch {
            // The head arrived: a failure now is a timeout, an oversized answer, or an answer cut short.
            switch Self.classify(error, deadline: limits.endKind) {
            case .connect(let detail): throw .streamCut("the answer broke off before it was complete: \(detail)")
            case let failure: throw failure
            }
        }
    }

    /// The failure class of an error AsyncHTTPClient or NIO raised; `deadline` names the limit
    /// that AsyncHTTPClient's deadline stood for.
    static func classify(_ error: any Error, deadline: TimeoutKind) -> UpstreamFailure {
        if let failure = error as? UpstreamFailure { return failure }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return .timeout(.connect, "connecting took too long")
            case .readTimeout: return .timeout(.idle, "the provider went silent for longer than the idle timeout")
            case .deadlineExceeded: return .timeout(deadline, "no answer arrived within the \(deadline) timeout")
            case .remoteConnectionClosed: return .connect("the provider closed the connection before answering")
            default: return .connect(String(describing: error))
            }
        }
        if error is CancellationError { return .connect("the request was cancelled") }
        if error is NIOTooManyBytesError { return .malformed("the answer is larger than \(maxBodyBytes) bytes") }
        return .connect(String(describing: error))
    }
}

extension ChatRequest {
    /// This request with `stream` set as a provider call needs it; a change drops the client's
    /// body, which would otherwise still say the opposite.
    func streaming(_ stream: Bool) -> ChatRequest {
        guard self.stream != stream else { return self }
        var request = self
        request.stream = stream
        request.clientBody = nil
        return request
    }
}
