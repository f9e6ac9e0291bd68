import Foundation
import Hummingbird
import RampartGateway
import RampartStore
import RampartWire

/// `/admin/policy`: the active and candidate policy versions with their history, and a rollback
/// that this replica applies before it answers (the next request is judged by the restored
/// policy; other replicas follow within a second).
struct PolicyRoutes: Sendable {
    let store: (any RampartDatabase)?
    let reloader: ConfigReloader?
    let audit: AuditRecorder?
    let authorize: @Sendable (Request) throws(RampartError) -> Void

    func register(on admin: RouterGroup<RampartRequestContext>) {
        admin.get("policy") { request, _ in
            let registry = try checked(request)
            struct View: Encodable { var active: PolicyVersion?; var candidate: PolicyVersion?; var changes: [PolicyChange] }
            let (selection, history) = try Self.reading { (try registry.selection(), try registry.history()) }
            return try AdminRoutes.json(View(active: selection.active, candidate: selection.candidate, changes: history))
        }
        admin.post("policy/rollback") { request, _ in
            let registry = try checked(request)
            guard let reloader else {
                throw RampartError(status: 404, code: "rampart_not_found", message: "This server was started without a configuration file; it has no policy to roll back.")
            }
            let actor = request.headers[.rampartActor] ?? "admin"
            let restored: PolicyVersion?
            do {
                restored = try registry.rollback(actor: actor)
            } catch let error as PolicyError {
                throw RampartError(status: 409, code: "rampart_policy_unchanged", message: error.message)
            }
            let outcome = await reloader.install(policy: try Self.reading { try registry.selection() }, actor: actor)
            audit?.admin("policy.rollback", actor: actor, details: ["version": restored?.version ?? "configuration", "hash": restored?.hash ?? ""])
            return try AdminRoutes.json(["status": "rolled_back", "message": outcome.message])
        }
    }

    private func checked(_ request: Request) throws -> PolicyRegistry {
        try authorize(request)
        guard let store else {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "This gateway runs without a store, so it keeps no policy versions.")
        }
        return PolicyRegistry(store: store)
    }

    private static func reading<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "The policy cannot be read from the store: \(error)")
        }
    }
}
