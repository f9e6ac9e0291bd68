import Dispatch
import Foundation
import Hummingbird
import NIOCore
import RampartGateway
import RampartGuard
import RampartRisk
import RampartStore
import RampartWire

/// `/admin` reads of what the risk layer and the CLI write: an incident's report and the posture
/// report (as `rampart report` writes them), and the latest red-team run and guard evaluation that
/// `rampart redteam --record` and `rampart eval --record` left in the store.
struct ReportRoutes: Sendable {
    let slot: GatewaySlot
    let store: (any RampartDatabase)?
    let authorize: @Sendable (Request) throws(RampartError) -> Void
    /// Reports read the whole window's events: off the event loops, one at a time.
    private static let queue = DispatchQueue(label: "rampart.reports")

    func register(on admin: RouterGroup<RampartRequestContext>) {
        admin.get("incidents/:id/report") { request, context in
            let store = try checked(request)
            let id = context.parameters.get("id") ?? ""
            let audience = try Self.choice(request, "audience", default: IncidentReport.Audience.engineering)
            let format = try Self.choice(request, "format", default: RiskReportFormat.html)
            let lookBack = try Self.period(request, default: "30d")
            let config = slot.current.config
            let report = try await Self.offLoop { () throws -> String? in
                guard let incident = try store.incident(id: id) else { return nil }
                return try RiskReportWriter(config: config, store: store, classifier: Stage1Classifier.bundled())
                    .incident(incident, audience: audience, format: format, lookBack: lookBack)
            }
            guard let report else { throw RampartError(status: 404, code: "rampart_not_found", message: "There is no incident '\(id)'.") }
            return Self.document(report, format: format)
        }
        admin.get("reports/posture") { request, _ in
            let store = try checked(request)
            let format = try Self.choice(request, "format", default: RiskReportFormat.html)
            let period = try Self.period(request, default: "7d")
            let config = slot.current.config
            let report = try await Self.offLoop {
                try RiskReportWriter(config: config, store: store, classifier: Stage1Classifier.bundled()).posture(period: period, format: format)
            }
            return Self.document(report, format: format)
        }
        admin.get("redteam/latest") { request, _ in
            try Self.latest(.redTeamRun, store: try checked(request),
                            missing: "No red-team run has been recorded in this store. Run `rampart redteam --config FILE --record` to record one.")
        }
        admin.get("guard/evaluation/latest") { request, _ in
            try Self.latest(.guardEvaluation, store: try checked(request),
                            missing: "No guard evaluation has been recorded in this store. Run `rampart eval --record FILE` to record one.")
        }
    }

    private func checked(_ request: Request) throws -> any RampartDatabase {
        try authorize(request)
        guard let store else {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "This gateway runs without a store, so it has no reports.")
        }
        return store
    }

    private static func latest(_ kind: RecordedResults.Kind, store: any RampartDatabase, missing: String) throws -> Response {
        let recorded: String?
        do {
            recorded = try RecordedResults(store: store).latest(kind)
        } catch {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "The store cannot be read: \(error)")
        }
        guard let recorded else { throw RampartError(status: 404, code: "rampart_not_found", message: missing) }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: recorded)))
    }

    private static func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await OffLoop.run(on: queue, work)
        } catch let error as RampartError {
            throw error
        } catch {
            throw RampartError(status: 503, code: "rampart_store_unavailable", message: "The report could not be written: \(error)")
        }
    }

    private static func choice<Value: RawRepresentable & CaseIterable>(_ request: Request, _ name: String, default value: Value) throws -> Value
    where Value.RawValue == String {
        guard let given = request.uri.queryParameters.get(name) else { return value }
        guard let chosen = Value(rawValue: given) else {
            throw RampartError(status: 400, code: "rampart_invalid_request",
                               message: "\(name) must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", ")); got '\(given)'.", param: name)
        }
        return chosen
    }

    private static func period(_ request: Request, default value: String) throws -> TimeInterval {
        let given = request.uri.queryParameters.get("since") ?? value
        guard let seconds = ReportPeriod.seconds(given) else {
            throw RampartError(status: 400, code: "rampart_invalid_request",
                               message: "since must be a number and a unit (m, h, d or w), like 30d or 12h; got '\(given)'.", param: "since")
        }
        return seconds
    }

    private static func document(_ text: String, format: RiskReportFormat) -> Response {
        let type = switch format {
        case .html: "text/html; charset=utf-8"
        case .json: "application/json"
        case .md: "text/markdown; charset=utf-8"
        }
        return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
