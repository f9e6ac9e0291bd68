import AsyncAlgorithms
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat
import RampartGateway
import RampartStore
import RampartWire

/// `POST /v1/chat/completions` and `POST /v1/messages`: one handler, parameterised by the wire API
/// the route speaks. Authenticates, reads the body within the limit, decodes to canonical form,
/// hands it to the gateway, and writes the answer back in the client's format — as JSON, or as a
/// stream that forwards each event the moment the upstream produces it. With an audit recorder,
/// every request ends in one audit event: recorded before a JSON answer is returned, and when a
/// stream has ended (or failed, or its client left).
struct ChatEndpoint: Sendable {
    let codec: WireCodec
    /// Each request is served by the gateway current when it arrived, held until it ends.
    let slot: GatewaySlot
    let maxBodyBytes: Int
    let audit: AuditRecorder?

    func handle(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let trail = audit.map { _ in RequestTrail(requestID: context.requestID, api: codec.api) }
        let hold = RequestHold(slot: slot)
        var heldByStream = false
        defer { if !heldByStream { hold.end() } }
        do {
            let (response, streaming) = try await serve(request, context: context, trail: trail, hold: hold)
            heldByStream = streaming
            if let trail, !streaming { audit?.finish(trail, status: 200) }
            return response
        } catch {
            if let trail {
                // Recorded as ErrorMiddleware will answer it; a client that left, as cancelled.
                if !(error is CancellationError), let clientError = ErrorMiddleware.clientError(for: error, request: request, requestID: context.requestID) {
                    audit?.finish(trail, status: clientError.status, error: clientError)
                } else {
                    audit?.finish(trail, status: 499, cancelled: true)
                }
            }
            throw error
        }
    }

    /// The answer, and whether it is a stream (whose audit event its body records).
    private func serve(_ request: Request, context: RampartRequestContext, trail: RequestTrail?, hold: RequestHold) async throws -> (Response, Bool) {
        let gateway = hold.gateway
        let principal = try await gateway.authenticate(secret: Self.presentedKey(request.headers))
        trail?.authenticated(principal)
        hold.admitted(try await gateway.limiter.admit(principal, config: gateway.config))
        let timeout = try Self.timeout(request.headers)
        let body = try await readBody(request)
        let chat: ChatRequest
        do {
            chat = try codec.decodeRequest(body)
        } catch {
            throw RampartError(error)
        }
        trail?.asked(chat)
        if chat.stream {
            let routed = try await context.client.cancellingOnDisconnect {
                try await gateway.stream(chat, principal: principal, timeout: timeout, trail: trail)
            }
            return (Response(status: .ok, headers: RouteHeaders.fields(contentType: "text/event-stream", routed),
                             body: streamBody(routed.value, request: chat, target: routed.target, deadline: routed.deadline,
                                              client: context.client, trail: trail, hold: hold)), true)
        }
        let routed = try await context.client.cancellingOnDisconnect {
            try await gateway.complete(chat, principal: principal, timeout: timeout, trail: trail)
        }
        trail?.answered(routed.value)
        let json: Data
        do {
            json = try codec.encodeResponse(routed.value)
        } catch {
            throw gateway.report(.untranslatable(error), target: routed.target, request: chat)
        }
        return (Response(status: .ok, headers: RouteHeaders.fields(contentType: "application/json", routed),
                         body: .init(byteBuffer: ByteBuffer(data: json))), false)
    }

    /// The client's own deadline from `x-rampart-timeout-ms`, if it sent one.
    static func timeout(_ headers: HTTPFields) throws(RampartError) -> Duration? {
        guard let value = headers[.rampartTimeout] else { return nil }
        guard let milliseconds = Int(value.trimmingCharacters(in: .whitespaces)), milliseconds > 0 else {
            throw RampartError(status: 400, code: "rampart_invalid_request",
                               message: "The header x-rampart-timeout-ms must be a positive whole number of milliseconds; got '\(value)'.")
        }
        return .milliseconds(min(milliseconds, 24 * 3_600_000))
    }

    /// The client's key from `Authorization: Bearer …` or `x-api-key`.
    static func presentedKey(_ headers: HTTPFields) -> String? {
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
            return authorization
        }
        return headers[.xAPIKey]
    }

    private func readBody(_ request: Request) async throws -> Data {
        let tooLarge = RampartError(status: 413, code: "rampart_request_too_large",
                                    message: "The request body is larger than this gateway's limit of \(maxBodyBytes) bytes (server.max_body_bytes).")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes { throw tooLarge }
        do {
            return Data(buffer: try await request.body.collect(upTo: maxBodyBytes))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
    }

    /// A body that relays one event at a time from the upstream and writes it at once.
    ///
    /// A producer task reads the upstream into a channel that holds at most one event, so that
    /// back-pressure reaches the upstream; a client hang-up ends the relay at once, even while the
    /// upstream is silent; so does the request's deadline, with a typed error event. Either way
    /// the producer is cancelled, which drops the upstream stream and so cancels the upstream request.
    private func streamBody(_ events: EventStream, request: ChatRequest, target: Target, deadline: ContinuousClock.Instant,
                            client: ClientConnection, trail: RequestTrail?, hold: RequestHold) -> ResponseBody {
        let codec = codec
        let gateway = hold.gateway
        let audit = audit
        return ResponseBody { writer in
            defer { hold.end() }   // the request ends with its stream
            // Every way out records the request once: the end of the stream, an error event, or —
            // when the client went away or a write failed — as cancelled.
            var recorded = false
            defer { if !recorded, let trail { audit?.finish(trail, status: 499, cancelled: true) } }
            let relay = AsyncThrowingChannel<StreamEvent, any Error>()
            let hangUp = client.onHangUp { relay.fail(ClientConnection.Disconnected()) }
            defer { client.remove(hangUp) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await event in events {
                            try Task.checkCancellation()
                            await relay.send(event)
                        }
                        relay.finish()
                    } catch {
                        relay.fail(error)
                    }
                }
                group.addTask {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    relay.fail(UpstreamFailure.timeout(.deadline, "the answer was still streaming when the request's deadline passed"))
                }
                defer { group.cancelAll() }
                var encoder = codec.streamEncoder(for: request)
                var iterator = relay.makeAsyncIterator()
                var streamError: RampartError?
                while true {
                    let frame: String
                    let done: Bool
                    do {
                        if let event = try await iterator.next() {
                            trail?.streamed(event)
                            frame = try encoder.encode(event)
                            done = false
                        } else {
                            frame = try encoder.finish()
                            done = true
                        }
                    } catch let disconnected as ClientConnection.Disconnected {
                        throw disconnected
                    } catch {
                        let failure = error as? UpstreamFailure ?? (error as? WireError).map(UpstreamFailure.untranslatable)
                            ?? .streamCut("\(error)")
                        let clientError = gateway.report(failure, target: target, request: request)
                        streamError = clientError
                        frame = encoder.error(clientError)
                        done = true
                    }
                    if done, let trail {
                        audit?.finish(trail, status: 200, error: streamError)
                        recorded = true
                    }
                    if !frame.isEmpty { try await writer.write(ByteBuffer(string: frame)) }
                    if done { break }
                }
            }
            try await writer.finish(nil)
        }
    }
}
