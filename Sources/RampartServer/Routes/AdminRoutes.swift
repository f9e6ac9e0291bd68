import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RampartGateway
import RampartStore
import RampartWire

/// The admin API (docs/routing.md, "Admin API"): provider and breaker state, kill switches, the
/// admin audit trail, incidents, configuration reload. Every request needs
/// `Authorization: Bearer <server.admin_token>`.
struct AdminRoutes: Sendable {
    let slot: GatewaySlot
    private var gateway: Gateway { slot.current }
    /// Records each change as an admin audit event too (beside `admin-events.jsonl`).
    let audit: AuditRecorder?
    /// Links kill switches to incidents and serves `/admin/incidents`.
    let incidents: IncidentDesk?
    /// Serves `POST /admin/reload`; without it that route answers 404.
    let reloader: ConfigReloader?
    /// Where reports and recorded results are read from.
    let store: (any RampartDatabase)?
    /// Probes the targets and watches them for drift.
    let canaries: CanaryMonitor?

    func register(on router: Router<RampartRequestContext>) {
        let admin = router.group("/admin")
        admin.get("providers") { request, _ in
            try authorize(request)
            return try Self.json(AdminProvidersView(gateway: gateway, canaries: canaries))
        }
        admin.get("kill-switches") { request, _ in
            try authorize(request)
            let includeAll = request.uri.queryParameters.get("all") == "true"
            let now = Date()
            let switches = includeAll ? gateway.killSwitches.all : gateway.killSwitches.active(at: now)
            return try Self.json(["kill_switches": switches.map { KillSwitchView($0, now: now) }])
        }
        admin.post("kill-switches") { request, _ in
            try authorize(request)
            let body = try await request.body.collect(upTo: 64 * 1024)
            let order = try KillSwitchOrder(json: Data(buffer: body), gateway: gateway)
            let actor = request.headers[.rampartActor] ?? "admin"
            let created = try record {
                try gateway.killSwitches.create(scope: order.scope, target: order.target, tenant: order.tenant, attributes: order.attributes,
                                                reason: order.reason, expiresAt: order.expiresAt, actor: actor)
            }
            audit?.admin("kill_switch.create", actor: actor, details: Self.details(created))
            if let incidents { try await Self.link(created, to: order.incident, desk: incidents, actor: actor) }
            return try Self.json(KillSwitchView(created, now: Date()), status: .created)
        }
        admin.delete("kill-switches/:id") { request, context in
            try authorize(request)
            let id = context.parameters.get("id") ?? ""
            let actor = request.headers[.rampartActor] ?? "admin"
            guard let lifted = try record({ try gateway.killSwitches.remove(id: id, actor: actor) }) else {
                throw RampartError(status: 404, code: "rampart_not_found", message: "There is no kill switch '\(id)' in force.")
            }
            audit?.admin("kill_switch.remove", actor: actor, details: Self.details(lifted))
            return try Self.json(KillSwitchView(lifted, now: Date()))
        }
        IncidentRoutes(desk: incidents, authorize: authorize).register(on: admin)
        KeyRoutes(slot: slot, audit: audit, authorize: authorize).register(on: admin)
        ReportRoutes(slot: slot, store: store, authorize: authorize).register(on: admin)
        CanaryRoutes(monitor: canaries, audit: audit, authorize: authorize).register(on: admin)
        PolicyRoutes(store: store, reloader: reloader, audit: audit, authorize: authorize).register(on: admin)
        admin.post("reload") { request, _ in
            try authorize(request)
            guard let reloader else {
                throw RampartError(status: 404, code: "rampart_not_found", message: "This server was started without a configuration file; there is nothing to reload.")
            }
            let actor = request.headers[.rampartActor] ?? "admin"
            let outcome = await reloader.reload(actor: actor)
            audit?.admin("config.reload", actor: actor, details: ["reloaded": "\(outcome.reloaded)", "result": outcome.message])
            guard outcome.reloaded else {
                throw RampartError(status: 422, code: "rampart_invalid_config",
                                   message: outcome.message + ": " + outcome.problems.joined(separator: "; "))
            }
            return try Self.json(["status": "reloaded", "message": outcome.message])
        }
        admin.get("events") { request, _ in
            try authorize(request)
            let limit = request.uri.queryParameters.get("limit").flatMap(Int.init)
            return try Self.json(["events": gateway.killSwitches.events(limit: limit)])
        }
    }

    /// Checks the admin token in constant time.
    private func authorize(_ request: Request) throws(RampartError) {
        guard let token = gateway.config.server.adminToken else {
            throw RampartError(status: 403, code: "rampart_admin_disabled",
                               message: "The admin API is disabled: set server.admin_token (for example env:RAMPART_ADMIN_TOKEN) to enable it.")
        }
        let presented = ChatEndpoint.presentedKey(request.headers) ?? ""
        guard Data(SHA256.hash(data: Data(presented.utf8))) == Data(SHA256.hash(data: Data(token.utf8))) else {
            throw RampartError(status: 401, code: "rampart_invalid_admin_token",
                               message: "This admin request needs 'Authorization: Bearer <server.admin_token>'; the token sent is missing or wrong.")
        }
    }

    /// Records a thrown kill switch as a mitigation of `incidentID`, or, without one, opens an
    /// incident for it (a kill switch is itself a sign that something is wrong).
    static func link(_ killSwitch: KillSwitch, to incidentID: String?, desk: IncidentDesk, actor: String) async throws {
        let action = "kill switch \(killSwitch.id) on \(killSwitch.scope.rawValue) \(killSwitch.target)" + (killSwitch.tenant.map { " for tenant \($0)" } ?? "")
        do {
            if let incidentID {
                try await desk.mitigate(incidentID, action: action, actor: actor, reference: killSwitch.id)
            } else {
                let scope = Incident.Scope(aliases: killSwitch.scope == .alias ? [killSwitch.target] : [],
                                           tenants: killSwitch.tenant.map { [$0] } ?? [], keys: killSwitch.scope == .key ? [killSwitch.target] : [])
                let opened = try await desk.open(Incident(title: "Kill switch thrown on \(killSwitch.scope.rawValue) \(killSwitch.target): \(killSwitch.reason)", severity: .medium,
                                                          trigger: "kill_switch", scope: scope, actor: actor,
                                                          evidence: [.init(kind: "kill_switch", reference: killSwitch.id, summary: killSwitch.reason)]))
                try await desk.mitigate(opened.id, action: action, actor: actor, reference: killSwitch.id)
            }
        } catch let error as StoreError {
            throw RampartError(status: 404, code: "rampart_not_found",
                               message: "The kill switch is in force, but it could not be recorded on the incident: \(error.message)")
        }
    }

    /// A kill switch as an admin audit event describes it.
    static func details(_ killSwitch: KillSwitch) -> [String: String] {
        var details = ["kill_switch": killSwitch.id, "scope": killSwitch.scope.rawValue, "target": killSwitch.target,
                       "reason": killSwitch.reason, "summary": killSwitch.summary]
        if let tenant = killSwitch.tenant { details["tenant"] = tenant }
        if let expiresAt = killSwitch.expiresAt { details["expires_at"] = expiresAt.formatted(.iso8601) }
        return details
    }

    /// Runs an admin change, turning a failure to record it into a typed error.
    private func record<T>(_ change: () throws -> T) throws -> T {
        do {
            return try change()
        } catch let error as AdminLogError {
            throw RampartError(status: 500, code: "rampart_admin_log_unavailable",
                               message: "The change was not made because it could not be recorded: \(error.message)")
        } catch let error as StoreError {
            throw RampartError(status: 503, code: "rampart_store_unavailable",
                               message: "The change was not made because it could not be shared with the other replicas: \(error.message)")
        }
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try AdminJSON.encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

extension HTTPField.Name {
    /// Who is making an admin change, for the audit trail.
    static let rampartActor = Self("x-rampart-actor")!
}
