import Foundation
import Hummingbird
import NIOCore
import RampartGateway
import RampartWire

/// `/admin/canaries`: each target's latest canary run and drift, a run on demand, and clearing a
/// target's drift after an operator has dealt with it.
struct CanaryRoutes: Sendable {
    let monitor: CanaryMonitor?
    let audit: AuditRecorder?
    let authorize: @Sendable (Request) throws(RampartError) -> Void

    func register(on admin: RouterGroup<RampartRequestContext>) {
        admin.get("canaries") { request, _ in
            try AdminRoutes.json(["targets": try checked(request).status()])
        }
        admin.post("canaries/run") { request, _ in
            let monitor = try checked(request)
            let target = try request.uri.queryParameters.get("target").map { try Self.known($0, monitor: monitor) }
            let results = await monitor.run(target: target)
            return try AdminRoutes.json(["runs": results])
        }
        admin.post("canaries/clear") { request, _ in
            let monitor = try checked(request)
            guard let name = request.uri.queryParameters.get("target") else {
                throw RampartError(status: 400, code: "rampart_invalid_request", message: "Name the target: ?target=provider/model.", param: "target")
            }
            let target = try Self.known(name, monitor: monitor)
            monitor.clear(target)
            audit?.admin("canary.clear", actor: request.headers[.rampartActor] ?? "admin", details: ["target": target])
            return try AdminRoutes.json(["status": "cleared", "target": target])
        }
    }

    private func checked(_ request: Request) throws -> CanaryMonitor {
        try authorize(request)
        guard let monitor else {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "This gateway runs no canaries (it has no store).")
        }
        return monitor
    }

    /// `target`, checked against the targets canaries probe.
    private static func known(_ target: String, monitor: CanaryMonitor) throws -> String {
        let known = monitor.status().map(\.target)
        guard known.contains(target) else {
            throw RampartError(status: 404, code: "rampart_not_found",
                               message: "No alias routes to '\(target)'; canaries probe: \(known.joined(separator: ", ")).", param: "target")
        }
        return target
    }
}
