import Foundation
import Testing
import RampartStore
@testable import RampartGateway

/// Escalation through command and log routes (webhooks are tested end to end with a receiver).
@Suite struct IncidentDeskTests {
    func desk(_ routes: [EscalationConfig.Route]) throws -> IncidentDesk {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-desk-\(UUID().uuidString)/audit.db").path
        var escalation = EscalationConfig()
        escalation.routes = routes
        escalation.retries = 2
        escalation.backoff = .milliseconds(10)
        return IncidentDesk(store: try SQLiteAuditStore(path: path), escalation: escalation, logger: .init(label: "test"))
    }

    @Test func aCommandGetsTheIncidentOnStandardInputAndAFailingOneIsRetriedAndRecorded() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-hook-\(UUID().uuidString).json").path
        let desk = try desk([
            .init(name: "pager", minSeverity: .high, destination: .command(["/bin/sh", "-c", "cat > \(output)"])),
            .init(name: "broken", minSeverity: .high, destination: .command(["/bin/sh", "-c", "exit 3"])),
            .init(name: "weapons-only", minSeverity: .low, categories: ["weapons"], destination: .log),
        ])
        let incident = try await desk.open(Incident(title: "test", severity: .critical, trigger: "manual", scope: .init(categories: ["cyber"]), actor: "t"))
        let delivered = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        #expect(delivered?["event"] as? String == "incident.opened")
        #expect((delivered?["incident"] as? [String: Any])?["id"] as? String == incident.id)
        let timeline = incident.timeline.map(\.kind)
        #expect(timeline == ["opened", "notified", "notification_failed"], "the category-bound route stays out of it")
        #expect(incident.timeline.last?.text == "opened → broken: failed after 3 tries: /bin/sh exited 3")

        let low = try await desk.open(Incident(title: "minor", severity: .low, trigger: "manual", scope: .init(), actor: "t"))
        #expect(low.timeline.map(\.kind) == ["opened"], "below every route's severity: nobody is told")
        await desk.shutdown()
    }

    @Test func signaturesAreHMACSHA256OfTimestampAndBody() {
        // HMAC-SHA256(key "key", message "1.{}"), as Python's hmac module computes it.
        #expect(IncidentDesk.signature(Data("{}".utf8), timestamp: "1", secret: "key") == "1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224")
    }
}
