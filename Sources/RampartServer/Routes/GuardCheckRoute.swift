import Foundation
import Hummingbird
import NIOCore
import RampartGateway
import RampartGuard
import RampartWire

/// `POST /v1/guard/check` (DESIGN.md §3): classify without proxying. Body `{"input": str}`,
/// `{"messages": [...]}` (the user turns are judged together) or `{"prompt": str, "response": str}`.
struct GuardCheckRoute: Sendable {
    let slot: GatewaySlot
    private var gateway: Gateway { slot.current }

    func register(on router: Router<RampartRequestContext>) {
        router.post("/v1/guard/check") { request, _ in
            _ = try await gateway.authenticate(secret: ChatEndpoint.presentedKey(request.headers))
            let body = try await request.body.collect(upTo: gateway.config.server.maxBodyBytes)
            let verdict = try gateway.check(try Self.subject(Data(buffer: body)))
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = .sortedKeys
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(verdict))))
        }
    }

    static func subject(_ data: Data) throws(RampartError) -> GuardSubject {
        let body: JSONObject
        do {
            body = try WireJSON.decode(JSONObject.self, from: data)
        } catch {
            throw RampartError(error)
        }
        if let input = body["input"]?.stringValue { return .text(input) }
        if let prompt = body["prompt"]?.stringValue, let response = body["response"]?.stringValue {
            return .exchange(prompt: prompt, response: response)
        }
        if let messages = body["messages"]?.arrayValue {
            let userTurns = messages.compactMap { message -> String? in
                guard message["role"]?.stringValue == "user" else { return nil }
                if let text = message["content"]?.stringValue { return text }
                return message["content"]?.arrayValue?.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            }
            return .text(userTurns.joined(separator: "\n"))
        }
        throw RampartError(status: 400, code: "rampart_invalid_request",
                           message: "The body must be {\"input\": string}, {\"messages\": [...]} or {\"prompt\": string, \"response\": string}.")
    }
}
