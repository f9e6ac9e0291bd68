import Foundation
import Hummingbird
import NIOCore
import RampartGateway
import RampartStore
import RampartWire

/// `/admin/incidents`: list, show, acknowledge and resolve, as `rampart incidents` does.
struct IncidentRoutes: Sendable {
    let desk: IncidentDesk?
    let authorize: @Sendable (Request) throws(RampartError) -> Void

    func register(on admin: RouterGroup<RampartRequestContext>) {
        admin.get("incidents") { request, _ in
            let desk = try checked(request)
            let status = try request.uri.queryParameters.get("status").map { value throws(RampartError) in
                guard let status = Incident.Status(rawValue: value) else {
                    throw RampartError(status: 400, code: "rampart_invalid_request", message: "status must be open, acknowledged or resolved", param: "status")
                }
                return status
            }
            return Self.json("[" + (try desk.store.incidents(status: status).map(IncidentJSON.encode)).joined(separator: ",") + "]")
        }
        admin.get("incidents/:id") { request, context in
            let desk = try checked(request)
            guard let incident = try desk.store.incident(id: context.parameters.get("id") ?? "") else { throw Self.notFound(context) }
            return Self.json(try IncidentJSON.encode(incident))
        }
        admin.post("incidents/:id/ack") { request, context in
            let desk = try checked(request)
            let body = try await Self.body(request)
            let incident = try await Self.existing(context) { id in
                try await desk.acknowledge(id, actor: Self.actor(request), owner: body["owner"]?.stringValue)
            }
            return Self.json(try IncidentJSON.encode(incident))
        }
        admin.post("incidents/:id/resolve") { request, context in
            let desk = try checked(request)
            let body = try await Self.body(request)
            guard let note = body["note"]?.stringValue, !note.isEmpty else {
                throw RampartError(status: 400, code: "rampart_invalid_request", message: "note must say what was done and why it is over", param: "note")
            }
            let incident = try await Self.existing(context) { id in try await desk.resolve(id, actor: Self.actor(request), note: note) }
            return Self.json(try IncidentJSON.encode(incident))
        }
    }

    private func checked(_ request: Request) throws -> IncidentDesk {
        try authorize(request)
        guard let desk else {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "This gateway runs without a store, so it keeps no incidents.")
        }
        return desk
    }

    private static func existing(_ context: RampartRequestContext, _ change: (String) async throws -> Incident) async throws -> Incident {
        do {
            return try await change(context.parameters.get("id") ?? "")
        } catch is StoreError {
            throw notFound(context)
        }
    }

    private static func notFound(_ context: RampartRequestContext) -> RampartError {
        RampartError(status: 404, code: "rampart_not_found", message: "There is no incident '\(context.parameters.get("id") ?? "")'.")
    }

    private static func actor(_ request: Request) -> String {
        request.headers[.rampartActor] ?? "admin"
    }

    private static func body(_ request: Request) async throws -> JSONObject {
        let data = Data(buffer: try await request.body.collect(upTo: 64 * 1024))
        guard !data.isEmpty else { return [:] }
        do {
            return try WireJSON.decode(JSONObject.self, from: data)
        } catch {
            throw RampartError(error)
        }
    }

    private static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
