import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import NIOCore
import RampartStore

/// Opens incidents, moves them through acknowledged and resolved, records mitigations, and tells
/// the escalation routes (`escalation` in the configuration) about each change.
///
/// Every notification — sent, or failed after its retries — is written into the incident's
/// timeline, so the record shows who was told what and when. Webhooks get the JSON
/// `{"event": "incident.opened", "incident": {…}}` with `x-rampart-timestamp` and
/// `x-rampart-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the route's secret>`;
/// commands get the same JSON on standard input and succeed by exiting 0. Call ``shutdown()`` when done.
public final class IncidentDesk: Sendable {
    public let store: any IncidentStore
    private let escalation: EscalationConfig
    private let logger: Logger
    private let http: HTTPClient

    public init(store: any IncidentStore, escalation: EscalationConfig, logger: Logger) {
        self.store = store
        self.escalation = escalation
        self.logger = logger
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(15)))
        configuration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func shutdown() async {
        try? await http.shutdown()
    }

    /// Stores `incident` under a new id and notifies the routes that want it.
    @discardableResult
    public func open(_ incident: Incident) async throws -> Incident {
        let stored = try store.open(incident)
        logger.notice("incident opened", metadata: ["id": "\(stored.id)", "severity": "\(stored.severity.rawValue)", "title": "\(stored.title)"])
        return await notify(stored, event: "opened")
    }

    /// Opens `incident` unless an unresolved one already carries evidence with `reference` (one
    /// incident per provider target, per category's block rate, … until it is resolved).
    func openUnlessOpen(_ incident: Incident, reference: String) async {
        let unresolved = (try? store.incidents(status: nil)) ?? []
        guard !unresolved.contains(where: { $0.status != .resolved && $0.evidence.contains { $0.reference == reference } }) else { return }
        _ = try? await open(incident)
    }

    /// Marks it acknowledged (by `actor`, who becomes its owner unless `owner` names another).
    @discardableResult
    public func acknowledge(_ id: String, actor: String, owner: String? = nil) async throws -> Incident {
        let incident = try store.update(id: id) { incident in
            guard incident.status == .open else { return }
            incident.status = .acknowledged
            incident.acknowledgedAt = Date()
            incident.owner = owner ?? actor
            incident.timeline.append(.init(kind: "acknowledged", text: "owner \(owner ?? actor)", actor: actor))
        }
        return await notify(incident, event: "acknowledged")
    }

    /// Marks it resolved, with a closing note.
    @discardableResult
    public func resolve(_ id: String, actor: String, note: String) async throws -> Incident {
        let incident = try store.update(id: id) { incident in
            incident.status = .resolved
            incident.resolvedAt = Date()
            incident.timeline.append(.init(kind: "resolved", text: note, actor: actor))
        }
        return await notify(incident, event: "resolved")
    }

    /// Records a mitigation (a kill switch thrown, a rule added) in its timeline.
    @discardableResult
    public func mitigate(_ id: String, action: String, actor: String, reference: String?) async throws -> Incident {
        let incident = try store.update(id: id) { incident in
            let mitigation = Incident.Mitigation(action: action, actor: actor, reference: reference)
            incident.mitigations.append(mitigation)
            let elapsed = Int(mitigation.time.timeIntervalSince(incident.openedAt).rounded())
            incident.timeline.append(.init(time: mitigation.time, kind: "mitigated", text: "\(action) (\(elapsed) s after opening)", actor: actor))
        }
        return await notify(incident, event: "mitigated")
    }

    /// Tells every route that wants `incident` about `event`, recording each outcome in its timeline.
    private func notify(_ incident: Incident, event: String) async -> Incident {
        let routes = escalation.routes.filter { $0.wants(incident) }
        guard !routes.isEmpty else { return incident }
        var entries: [Incident.Entry] = []
        for route in routes {
            let outcome = await deliver(incident, event: event, route: route)
            entries.append(.init(kind: outcome == nil ? "notified" : "notification_failed",
                                 text: "\(event) → \(route.name)" + (outcome.map { ": \($0)" } ?? ""), actor: "rampart"))
        }
        let recorded = entries
        return (try? store.update(id: incident.id) { $0.timeline += recorded }) ?? incident
    }

    /// Sends one notification with retries; nil on success, else why it failed.
    private func deliver(_ incident: Incident, event: String, route: EscalationConfig.Route) async -> String? {
        guard let payload = try? Self.payload(incident, event: event) else { return "the incident could not be encoded" }
        if case .log = route.destination {
            logger.notice("incident \(event)", metadata: ["route": "\(route.name)", "id": "\(incident.id)", "severity": "\(incident.severity.rawValue)"])
            return nil
        }
        var wait = escalation.backoff
        var failure = ""
        for attempt in 0...escalation.retries {
            if attempt > 0 {
                try? await Task.sleep(for: wait)
                wait *= 2
            }
            do {
                switch route.destination {
                case .webhook(let url, let secret): try await post(payload, to: url, secret: secret, event: event)
                case .command(let arguments): try Self.run(arguments, input: payload)
                case .log: break
                }
                return nil
            } catch {
                failure = "\(error)"
                logger.warning("incident notification failed", metadata: [
                    "route": "\(route.name)", "id": "\(incident.id)", "attempt": "\(attempt + 1)", "error": "\(failure)",
                ])
            }
        }
        return "failed after \(escalation.retries + 1) tries: \(failure)"
    }

    private func post(_ payload: Data, to url: String, secret: String?, event: String) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        let timestamp = String(Int(Date().timeIntervalSince1970))
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "rampart")
        request.headers.add(name: "x-rampart-event", value: "incident.\(event)")
        request.headers.add(name: "x-rampart-timestamp", value: timestamp)
        if let secret { request.headers.add(name: "x-rampart-signature", value: "sha256=" + Self.signature(payload, timestamp: timestamp, secret: secret)) }
        request.body = .bytes(ByteBuffer(data: payload))
        let response = try await http.execute(request, timeout: .seconds(15))
        guard (200..<300).contains(response.status.code) else { throw NotificationError(message: "the receiver answered \(response.status.code)") }
    }

    /// Hex HMAC-SHA256 of `<timestamp>.<body>`: what a receiver recomputes to trust a webhook.
    public static func signature(_ body: Data, timestamp: String, secret: String) -> String {
        var message = Data(timestamp.utf8)
        message.append(UInt8(ascii: "."))
        message.append(body)
        return AuditChain.hex(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8))))
    }

    static func payload(_ incident: Incident, event: String) throws -> Data {
        let body = try IncidentJSON.encode(incident)
        return Data(#"{"event":"incident.\#(event)","incident":\#(body)}"#.utf8)
    }

    /// Runs a command with `input` as its standard input. The input comes from a temporary file,
    /// not a pipe: a command that exits without reading it must not kill Rampart with SIGPIPE.
    private static func run(_ arguments: [String], input: Data) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-incident-\(UUID().uuidString).json")
        try input.write(to: file, options: .atomic)
        defer { try? FileManager.default.removeItem(at: file) }
        let stdin = try FileHandle(forReadingFrom: file)
        defer { try? stdin.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardInput = stdin
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw NotificationError(message: "\(arguments[0]) exited \(process.terminationStatus)") }
    }
}

struct NotificationError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
