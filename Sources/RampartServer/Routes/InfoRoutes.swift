import Foundation
import Hummingbird
import NIOCore
import RampartGateway
import RampartStore
import RampartWire

/// `GET /healthz`, `GET /readyz` and `GET /v1/models`.
struct InfoRoutes: Sendable {
    let slot: GatewaySlot
    private var gateway: Gateway { slot.current }
    let audit: AuditRecorder?

    func register(on router: Router<RampartRequestContext>) {
        router.get("/healthz") { _, _ in Self.json(.object(["status": .string("ok")])) }
        router.get("/readyz") { _, _ in
            var body: JSONObject = [
                "status": .string("ready"),
                "models": .int(Int64(gateway.config.models.count)),
                "providers": .int(Int64(gateway.config.providers.count)),
            ]
            guard let status = audit?.log.status else { return Self.json(.object(body)) }
            body["audit"] = .object([
                "pending": .int(Int64(status.pending)), "spilled_bytes": .int(Int64(status.spilledBytes)),
                "dropped": .int(Int64(status.dropped)), "store_error": status.storeError.map(JSONValue.string) ?? .null,
            ])
            guard status.healthy else {
                body["status"] = .string("degraded")
                body["reason"] = .string(status.dropped > 0
                    ? "the audit trail dropped \(status.dropped) events (its spill is full)"
                    : "the audit store is unreachable; events spill to the journal")
                return Self.json(.object(body), status: .serviceUnavailable)
            }
            return Self.json(.object(body))
        }
        router.get("/v1/models") { request, _ in
            let principal = try await gateway.authenticate(secret: ChatEndpoint.presentedKey(request.headers))
            let models = gateway.modelAliases(for: principal).map { alias in
                JSONValue.object(["id": .string(alias), "object": .string("model"), "created": .int(0), "owned_by": .string("rampart")])
            }
            return Self.json(.object(["object": .string("list"), "data": .array(models)]))
        }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? WireJSON.encode(value)) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
