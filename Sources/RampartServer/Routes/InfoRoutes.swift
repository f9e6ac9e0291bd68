import Foundation
import Hummingbird
import NIOCore
import RampartGateway
import RampartWire

/// `GET /healthz`, `GET /readyz` and `GET /v1/models`.
struct InfoRoutes: Sendable {
    let gateway: Gateway

    func register(on router: Router<RampartRequestContext>) {
        router.get("/healthz") { _, _ in Self.json(.object(["status": .string("ok")])) }
        router.get("/readyz") { _, _ in
            Self.json(.object([
                "status": .string("ready"),
                "models": .int(Int64(gateway.config.models.count)),
                "providers": .int(Int64(gateway.config.providers.count)),
            ]))
        }
        router.get("/v1/models") { request, _ in
            let principal = try gateway.authenticate(secret: ChatEndpoint.presentedKey(request.headers))
            let models = gateway.modelAliases(for: principal).map { alias in
                JSONValue.object(["id": .string(alias), "object": .string("model"), "created": .int(0), "owned_by": .string("rampart")])
            }
            return Self.json(.object(["object": .string("list"), "data": .array(models)]))
        }
    }

    static func json(_ value: JSONValue) -> Response {
        let data = (try? WireJSON.encode(value)) ?? Data()
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
