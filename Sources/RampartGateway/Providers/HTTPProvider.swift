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
/// on), a connect timeout, an idle read timeout that also bounds the gap between two stream
/// chunks, and a connection pool sized for concurrency.
public final class HTTPProvider: Provider {
    public let id: String
    public let api: WireAPI
    private let options: HTTPProviderOptions
    private let clients: LoopLocalHTTPClients
    private let endpoint: String
    private let headers: HTTPHeaders

    /// Largest upstream body Rampart reads into memory (a non-streaming answer or an error).
    static let maxBodyBytes = 32 * 1024 * 1024

    public init(id: String, api: WireAPI, options: HTTPProviderOptions) {
        self.id = id
        self.api = api
        self.options = options
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .milliseconds(Int64(options.connectTimeoutMilliseconds)),
                           read: .milliseconds(Int64(options.readTimeoutMilliseconds))))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 512)
        configuration.connectionPool.retryConnectionEstablishment = false
        // Rampart sends no Accept-Encoding, so answers arrive uncompressed; no decompressor needed.
        configuration.decompression = .disabled
        // No spans until Rampart is configured with a tracer: creating them costs per request.
        configuration.tracing.tracer = nil
        clients = LoopLocalHTTPClients(configuration: configuration)
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

    public func complete(_ request: ChatRequest, model: String) async throws(UpstreamFailure) -> ChatResponse {
        let request = request.streaming(false)
        let response = try await send(try encode(request, model: model), streaming: false)
        let body = try await collect(response)
        do {
            switch api {
            case .openAI: return try OpenAIResponseCodec.decode(body)
            case .anthropic: return try AnthropicResponseCodec.decode(body)
            }
        } catch {
            throw .malformed("the answer is not a valid \(api) response: \(error)")
        }
    }

    public func stream(_ request: ChatRequest, model: String) async throws(UpstreamFailure) -> EventStream {
        let request = request.streaming(true)
        let response = try await send(try encode(request, model: model), streaming: true)
        let contentType = response.headers.first(name: "content-type") ?? ""
        guard contentType.contains("text/event-stream") else {
            let body = try await collect(response)
            throw .malformed("asked for a stream, the provider answered '\(contentType)': \(String(decoding: body.prefix(120), as: UTF8.self))")
        }
        let api = self.api
        return EventStream {
            let reader = UpstreamStreamReader(body: response.body, api: api)
            return { try await reader.next() }
        }
    }

    public func shutdown() async {
        await clients.shutdown()
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
    private func send(_ body: Data, streaming: Bool) async throws(UpstreamFailure) -> HTTPClientResponse {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers = headers
        if streaming { request.headers.replaceOrAdd(name: "accept", value: "text/event-stream") }
        request.body = .bytes(ByteBuffer(data: body))
        let response: HTTPClientResponse
        do {
            response = try await clients.current.execute(request, timeout: .milliseconds(Int64(options.readTimeoutMilliseconds)))
        } catch {
            throw Self.classify(error)
        }
        guard (200..<300).contains(response.status.code) else {
            let errorBody = (try? await response.body.collect(upTo: 64 * 1024)).map { Data(buffer: $0) } ?? Data()
            let (message, type) = UpstreamErrorReport.describe(
                status: Int(response.status.code), body: errorBody, contentType: response.headers.first(name: "content-type"),
                secrets: [options.apiKey].compactMap { $0 })
            throw .status(Int(response.status.code), message: message, type: type,
                          retryAfterSeconds: response.headers.first(name: "retry-after").flatMap { Int($0) })
        }
        return response
    }

    private func collect(_ response: HTTPClientResponse) async throws(UpstreamFailure) -> Data {
        do {
            return Data(buffer: try await response.body.collect(upTo: Self.maxBodyBytes))
        } catch {
            throw Self.classify(error)
        }
    }

    /// The failure class of an error AsyncHTTPClient or NIO raised.
    static func classify(_ error: any Error) -> UpstreamFailure {
        if let failure = error as? UpstreamFailure { return failure }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return .timeout("connecting took too long")
            case .readTimeout: return .timeout("no data arrived within the read timeout")
            case .deadlineExceeded: return .timeout("no answer arrived within the read timeout")
            case .remoteConnectionClosed: return .connect("the provider closed the connection before answering")
            default: return .connect(String(describing: error))
            }
        }
        if error is CancellationError { return .connect("the request was cancelled") }
        if error is NIOTooManyBytesError { return .malformed("the answer is larger than \(maxBodyBytes) bytes") }
        return .connect(String(describing: error))
    }
}

/// Reads an upstream SSE body into canonical events, one network chunk at a time.
final class UpstreamStreamReader: @unchecked Sendable {
    // Only ever used from the single task that iterates the EventStream.
    private var body: HTTPClientResponse.Body.AsyncIterator
    private var parser = ServerSentEventParser()
    private var openAI = OpenAIStreamDecoder()
    private var anthropic = AnthropicStreamDecoder()
    private let api: WireAPI
    private var pending: [StreamEvent] = []
    private var pendingIndex = 0
    private var ended = false

    init(body: HTTPClientResponse.Body, api: WireAPI) {
        self.body = body.makeAsyncIterator()
        self.api = api
    }

    func next() async throws(UpstreamFailure) -> StreamEvent? {
        while pendingIndex == pending.count {
            if ended { return nil }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            let chunk: ByteBuffer?
            do {
                chunk = try await body.next()
            } catch {
                throw .streamCut("the stream broke off: \(HTTPProvider.classify(error))")
            }
            var events: [ServerSentEvent]
            do {
                if let chunk {
                    events = try parser.parse(chunk.readableBytesView)
                } else {
                    events = parser.finish().map { [$0] } ?? []
                    ended = true
                }
            } catch {
                throw .malformed("a stream event is larger than the parser allows")
            }
            for event in events { pending += try decode(event) }
            if ended && !isComplete { throw .streamCut("the provider closed the stream before finishing the answer") }
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    private var isComplete: Bool { api == .openAI ? openAI.isComplete : anthropic.isComplete }

    private func decode(_ event: ServerSentEvent) throws(UpstreamFailure) -> [StreamEvent] {
        do {
            switch api {
            case .openAI: return try openAI.decode(event)
            case .anthropic: return try anthropic.decode(event)
            }
        } catch {
            switch error {
            case .providerError(let type, let message): throw .status(500, message: message, type: type, retryAfterSeconds: nil)
            case .malformed(let detail): throw .malformed(detail)
            }
        }
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
