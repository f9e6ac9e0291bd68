import Foundation
import Hummingbird
import NIOCore
import RampartGateway
import RampartStore
import RampartWire

/// `/admin/keys`: managed virtual keys — create, list, rotate, revoke (docs/keys.md). A secret is in
/// the answer to a create or a rotate, once; the store keeps only its SHA-256.
struct KeyRoutes: Sendable {
    let slot: GatewaySlot
    let audit: AuditRecorder?
    let authorize: @Sendable (Request) throws(RampartError) -> Void

    func register(on admin: RouterGroup<RampartRequestContext>) {
        admin.get("keys") { request, _ in
            let keys = try registry(request)
            return try AdminRoutes.json(["keys": try stored { try keys.list() }.map { KeyView($0) }])
        }
        admin.post("keys") { request, _ in
            let keys = try registry(request)
            let body = try AdminBody.object(Data(buffer: try await request.body.collect(upTo: 64 * 1024)),
                                            allowed: ["name", "tenant", "attributes", "aliases", "expires_in_s", "expires_at", "limits"])
            let aliases = try Self.aliases(body["aliases"], known: Set(slot.current.config.models.map(\.alias)))
            let actor = request.headers[.rampartActor] ?? "admin"
            let name = try AdminBody.string(body, "name"), tenant = try AdminBody.string(body, "tenant")
            let attributes = try AdminBody.attributes(body["attributes"]), expiresAt = try AdminBody.expiry(body)
            let limits = try AdminBody.limits(body["limits"])
            let (key, secret) = try stored {
                try keys.create(name: name, tenant: tenant, attributes: attributes, aliases: aliases, expiresAt: expiresAt, limits: limits, actor: actor)
            }
            audit?.admin("key.create", actor: actor, details: ["key": key.id, "tenant": key.tenant ?? ""])
            return try AdminRoutes.json(KeyView(key, secret: secret), status: .created)
        }
        admin.post("keys/:id/rotate") { request, context in
            let keys = try registry(request)
            let id = context.parameters.get("id") ?? ""
            let body = try AdminBody.object(Data(buffer: try await request.body.collect(upTo: 64 * 1024)), allowed: ["grace_s"])
            let grace: Int64
            switch body["grace_s"] {
            case nil: grace = 3_600
            case .int(let seconds)? where seconds >= 0: grace = seconds
            default: throw AdminBody.invalid("grace_s", "must be a whole number of seconds, 0 or more")
            }
            let actor = request.headers[.rampartActor] ?? "admin"
            guard let (key, secret) = try stored({ try keys.rotate(id: id, grace: .seconds(grace), actor: actor) }) else { throw Self.notFound(id) }
            audit?.admin("key.rotate", actor: actor, details: ["key": id, "new_key": key.id, "grace_s": String(grace)])
            return try AdminRoutes.json(KeyView(key, secret: secret), status: .created)
        }
        admin.delete("keys/:id") { request, context in
            let keys = try registry(request)
            let id = context.parameters.get("id") ?? ""
            guard let revoked = try stored({ try keys.revoke(id: id) }) else { throw Self.notFound(id) }
            audit?.admin("key.revoke", actor: request.headers[.rampartActor] ?? "admin", details: ["key": id])
            return try AdminRoutes.json(KeyView(revoked))
        }
    }

    private func registry(_ request: Request) throws(RampartError) -> ManagedKeyRegistry {
        try authorize(request)
        guard let keys = slot.current.managedKeys else {
            throw RampartError(status: 404, code: "rampart_not_found", message: "This server keeps no managed keys (it has no store).")
        }
        return keys
    }

    private func stored<T>(_ change: () throws -> T) throws -> T {
        do {
            return try change()
        } catch {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "The key store could not be used: \(error)")
        }
    }

    /// `aliases`: a list of configured aliases (or absent: any).
    private static func aliases(_ value: JSONValue?, known: Set<String>) throws(RampartError) -> [String] {
        guard let value, value != .null else { return [] }
        guard let list = value.arrayValue?.compactMap(\.stringValue), list.count == value.arrayValue?.count else {
            throw AdminBody.invalid("aliases", "must be a list of model aliases")
        }
        if let unknown = list.first(where: { !known.contains($0) }) {
            throw AdminBody.invalid("aliases", "names '\(unknown)', which is not configured (configured: \(known.sorted().joined(separator: ", ")))")
        }
        return list
    }

    private static func notFound(_ id: String) -> RampartError {
        RampartError(status: 404, code: "rampart_not_found", message: "There is no working managed key '\(id)'.")
    }
}

/// A managed key as the admin API shows it: never its digest; its secret only when just made.
struct KeyView: Encodable {
    var id: String
    var name: String?
    var tenant: String?
    var attributes: [String: [String]]
    var aliases: [String]
    var hint: String
    var status: String
    var createdAt: Date
    var createdBy: String
    var expiresAt: Date?
    var revokedAt: Date?
    var replaces: String?
    var limits: LimitsView?
    var secret: String?

    init(_ key: ManagedKey, secret: String? = nil) {
        id = key.id
        name = key.name
        tenant = key.tenant
        attributes = key.attributes
        aliases = key.aliases
        hint = key.hint
        status = key.refusal() ?? "active"
        createdAt = key.createdAt
        createdBy = key.createdBy
        expiresAt = key.expiresAt
        revokedAt = key.revokedAt
        replaces = key.replaces
        limits = key.limits.map(LimitsView.init)
        self.secret = secret
    }
}

/// Limits as the admin API shows them (the same names as in the configuration).
struct LimitsView: Encodable {
    var requestsPerMinute: Int?
    var tokensPerMinute: Int?
    var concurrency: Int?
    var budget: BudgetView?

    struct BudgetView: Encodable {
        var usd: Double
        var per: String
        var alertAt: Double
    }

    init(_ limits: Limits) {
        requestsPerMinute = limits.requestsPerMinute
        tokensPerMinute = limits.tokensPerMinute
        concurrency = limits.concurrency
        budget = limits.budget.map { BudgetView(usd: $0.usd, per: $0.period.rawValue, alertAt: $0.alertAt) }
    }
}
