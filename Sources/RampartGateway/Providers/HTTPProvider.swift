import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL
import RampartWire

/// A provider reached over HTTP that speaks OpenAI Chat Completions (OpenAI, vLLM, Ollama,
/// llama.cpp server, …) or Anthropic Messages.
///
/// Answers read whole (non-streaming calls) go through ``UpstreamConnections``, Rampart's lean
/// keep-alive HTTP/1.1 path, with every time limit per request. Streamed answers go through
/// AsyncHTTPClient, which streams bodies with back-pressure: `HTTPClient`s (one per event loop, see
/// ``LoopLocalHTTPClients``) configured for a proxy, with no connection-retry loop (a refused
/// connection is reported at once, so that routing can move on) and a pool sized for concurrency.
/// AsyncHTTPClient fixes the connect and read timeouts per client, so there is one set of clients
/// per ``ConnectionProfile`` its targets use; the time to the response head and the attempt's end
/// are enforced per request. Both paths verify TLS against the system's roots or `ca_file`.
public final class HTTPProvider: Provider {
    public let id: String
    public let api: WireAPI
    private let options: HTTPProviderOptions
    private let clients: [ConnectionProfile: LoopLocalHTTPClients]
    /// The clients of the first profile, for limits no target declared.
    private let defaultClients: LoopLocalHTTPClients
    private let endpoint: String
    private let headers: HTTPHeaders
    /// Keep-alive connections for answers read whole (see ``UpstreamConnections``).
    private let connections: UpstreamConnections
    /// The head of every non-streaming request, less its content-length.
    private let completionHead: HTTPRequestHead

    /// Largest upstream body Rampart reads into memory (a non-streaming answer or an error).
    static let maxBodyBytes = 32 * 1024 * 1024
    /// Most of an error answer's body read to describe it.
    static let maxErrorBytes = 64 * 1024

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
    ///
    /// - Throws: ``GatewayStartError`` when the endpoint is not an http(s) URL with a host, or TLS
    ///   cannot be set up for it.
    public init(id: String, api: WireAPI, options: HTTPProviderOptions, profiles: Set<ConnectionProfile>) throws(GatewayStartError) {
        self.id = id
        self.api = api
        self.options = options
        let defaults = TargetTimeouts()
        let profiles = profiles.isEmpty ? [ConnectionProfile(connect: defaults.connect, idle: defaults.idle)] : Array(profiles)
        let tls = TLSTrust.configuration(caFile: options.caFile)
        let clients = Dictionary(uniqueKeysWithValues: profiles.map { ($0, LoopLocalHTTPClients(configuration: Self.clientConfiguration($0, tls: tls))) })
        self.clients = clients
        defaultClients = clients[profiles[0]] ?? LoopLocalHTTPClients(configuration: Self.clientConfiguration(profiles[0], tls: tls))
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
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw GatewayStartError(message: "provider '\(id)': '\(endpoint)' is not an http(s) URL with a host")
        }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        do {
            connections = try UpstreamConnections(host: host, port: port, tls: scheme == "https" ? tls : nil)
        } catch {
            throw GatewayStartError(message: "provider '\(id)': cannot set up TLS for \(endpoint): \(error)")
        }
        var completionHeaders = headers
        completionHeaders.replaceOrAdd(name: "host", value: url.port.map { "\(host):\($0)" } ?? host)
        let path = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?\($0)" } ?? "")
        completionHead = HTTPRequestHead(version: .http1_1, method: .POST, uri: path, headers: completionHeaders)
    }

    private static func clientConfiguration(_ profile: ConnectionProfile, tls: TLSConfiguration) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, timeout: .init(connect: .init(profile.connect), read: .init(profile.idle)))
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
        let encoded = try encode(request, model: model)
        var head = completionHead
        head.headers.add(name: "content-length", value: String(encoded.count))
        let answer: UpstreamAnswer
        do {
            answer = try await connections.send(head: head, body: ByteBuffer(data: encoded), limits: limits, maxBodyBytes: Self.maxBodyBytes)
        } catch {
            throw Self.classify(error, deadline: limits.endKind)
        }
        guard (200..<300).contains(answer.status.code) else {
            throw failure(status: answer.status, headers: answer.headers, body: answer.body)
        }
        let body = Data(buffer: answer.body)
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
        let response = try await sendForStream(try encode(request, model: model), limits: limits)
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
        await connections.shutdown()
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

    /// Posts `body` asking for an event stream and returns the response once its head arrived with
    /// a success status.
    private func sendForStream(_ body: Data, limits: AttemptLimits) async throws(UpstreamFailure) -> HTTPClientResponse {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers = headers
        request.headers.replaceOrAdd(name: "accept", value: "text/event-stream")
        request.body = .bytes(ByteBuffer(data: body))
        let response: HTTPClientResponse
        let (headDeadline, headTimeout) = limits.firstByteDeadline
        do {
            response = try await client(limits).execute(request, deadline: .now() + TimeAmount(headDeadline - .now))
        } catch {
            throw Self.classify(error, deadline: headTimeout)
        }
        guard (200..<300).contains(response.status.code) else {
            let errorBody = (try? await response.body.collect(upTo: Self.maxErrorBytes)) ?? ByteBuffer()
            throw failure(status: response.status, headers: response.headers, body: errorBody)
        }
        return response
    }

    /// The failure an error status stands for, described from at most ``maxErrorBytes`` of its body.
    private func failure(status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer) -> UpstreamFailure {
        .status(UpstreamErrorReport.describe(
            status: Int(status.code), body: Data(buffer: body.getSlice(at: body.readerIndex, length: min(body.readableBytes, Self.maxErrorBytes)) ?? body),
            contentType: headers.first(name: "content-type"), retryAfter: headers.first(name: "retry-after"),
            secrets: [options.apiKey].compactMap { $0 }))
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
        if let error = error as? UpstreamExchangeError {
            switch error {
            case .closedBeforeAnswer: return .connect("the provider closed the connection before answering")
            case .closedMidAnswer: return .streamCut("the answer broke off before it was complete")
            case .timedOut(let kind, let why): return .timeout(kind, why)
            case .tooLarge(let limit): return .malformed("the answer is larger than \(limit) bytes")
            }
        }
        if case ChannelError.connectTimeout = error { return .timeout(.connect, "connecting took too long") }
        if let tls = TLSTrust.describe(error) { return .connect(tls) }
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
