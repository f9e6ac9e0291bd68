import Foundation
import Testing
@testable import RampartGateway
import RampartStore
@testable import RampartRisk

@Suite struct BlastRadiusTests {
    let config = try! ConfigLoader.parse(yaml: """
        providers: [{id: sim, kind: simulator}, {id: backup, kind: simulator}]
        models:
          - {alias: assistant, targets: [{provider: sim, model: m}, {provider: backup, model: b}], access: {deny: {tenant: [contractor]}}}
          - {alias: internal, targets: [{provider: sim, model: m}]}
        keys:
          - {id: app-a, secret: a, tenant: acme}
          - {id: app-b, secret: b, tenant: beta}
          - {id: app-c, secret: c, tenant: contractor}
        """, environment: [:])

    func request(_ tenant: String, alias: String = "assistant") -> AuditEvent {
        AuditEvent(kind: .request, keyID: "app-\(tenant.prefix(1))", tenant: tenant, alias: alias, outcome: .ok)
    }

    func incident(reach: String) -> Incident {
        Incident(title: "t", severity: .high, trigger: "redteam", scope: .init(aliases: ["assistant"], techniques: ["grandmother"]), actor: "test",
                 evidence: [.init(kind: "redteam_technique", reference: "grandmother", summary: "\(reach): 40% success")])
    }

    func hunt(_ byTenant: [String: Int]) -> HuntReport {
        var report = HuntReport(detector: "technique:grandmother", from: .distantPast, to: .distantFuture, requests: 0)
        report.byTenant = byTenant
        return report
    }

    @Test func exposureFollowsTheAccessRulesAndTrafficComesFromTheTrail() {
        let events = (0..<6).map { _ in request("acme") } + (0..<2).map { _ in request("beta") } + [request("acme", alias: "internal")]
        let radius = BlastRadius.assess(incident(reach: "broad"), config: config, events: events, window: DateInterval(), hunts: [hunt(["acme": 3])])
        #expect(radius.aliases.map(\.alias) == ["assistant"])
        #expect(radius.aliases[0].targets == ["sim/m", "backup/b"])
        #expect(radius.aliases[0].keys == ["app-a", "app-b"] && radius.aliases[0].tenants == ["acme", "beta"], "the contractor is denied")
        #expect(radius.aliases[0].requests == 8 && radius.aliases[0].requestsByTenant == ["acme": 6, "beta": 2])
        #expect(radius.reach == "broad" && radius.matched == 3)
        // One tenant attacked and the weakness is not universal: isolate that tenant only.
        #expect(radius.isolation == ["scope": "alias", "target": "assistant", "incident": "", "tenant": "acme"])
        #expect(abs(radius.isolationCutsOff - 6.0 / 9.0) < 1e-9)
    }

    @Test func aUniversalWeaknessIsIsolatedForEveryone() {
        let events = [request("acme"), request("beta")]
        let radius = BlastRadius.assess(incident(reach: "universal"), config: config, events: events, window: DateInterval(), hunts: [hunt(["acme": 1])])
        #expect(radius.isolation["tenant"] == nil && radius.isolationCutsOff == 1)
    }
}

@Suite struct BlockRateWatchTests {
    @Test func aJumpOverTheBaselineFiresAndASteadyRateDoesNot() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-blockrate-\(UUID().uuidString)").path
        let store = try SQLiteAuditStore(path: directory + "/audit.db")
        let desk = IncidentDesk(store: store, escalation: EscalationConfig(), logger: .init(label: "test"))
        var settings = BlockRateWatch.Settings()
        settings.window = .seconds(60)
        settings.baseline = .seconds(600)
        settings.minimumBlocks = 5
        let watch = BlockRateWatch(settings: settings, desk: desk)
        let now = Date()
        func blocked(_ at: Date) -> AuditEvent {
            AuditEvent(time: at, kind: .request, guardRecords: [.init(direction: "input", verdict: "block", stage: 1, action: "block",
                                                                     categories: ["weapons": 0.9, "jailbreak": 0.2], explanation: nil)],
                       outcome: .blocked)
        }
        // Baseline: 2 % of requests blocked for weapons; recent: the same rate — nothing opens.
        for index in 0..<500 { watch.observe(index % 50 == 0 ? blocked(now.addingTimeInterval(-300)) : AuditEvent(time: now.addingTimeInterval(-300), kind: .request, outcome: .ok)) }
        for index in 0..<250 { watch.observe(index % 50 == 0 ? blocked(now.addingTimeInterval(-10)) : AuditEvent(time: now.addingTimeInterval(-10), kind: .request, outcome: .ok)) }
        await watch.check(now: now)
        #expect(try store.incidents(status: nil).isEmpty)
        // Then 20 more blocks in the window: 25 of 270, 9 % against 2 % — it opens, once.
        for _ in 0..<20 { watch.observe(blocked(now.addingTimeInterval(-5))) }
        await watch.check(now: now)
        await watch.check(now: now)
        let incidents = try store.incidents(status: nil)
        #expect(incidents.count == 1 && incidents[0].scope.categories == ["weapons"] && incidents[0].trigger == "block_rate")
        await desk.shutdown()
    }
}
