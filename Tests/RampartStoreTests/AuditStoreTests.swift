import Foundation
import GRDB
import Logging
import Testing
@testable import RampartStore

func temporaryDirectory() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-store-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func requestEvent(_ index: Int, tenant: String = "acme", time: Date = Date()) -> AuditEvent {
    AuditEvent(time: time, kind: .request, requestID: "req-\(index)", keyID: "app-1", tenant: tenant, alias: "assistant", api: "openai",
               route: "sim/m", attempts: 1, outcome: .ok, status: 200, latencyMs: 1.5,
               usage: .init(promptTokens: 3, completionTokens: 5), prompt: StoredText(sha256: AuditChain.sha256("hello \(index)")))
}

@Suite struct AuditChainTests {
    @Test func eventsRoundTripThroughTheirCanonicalJSON() throws {
        let event = requestEvent(1)
        let body = AuditChain.encode(event)
        #expect(try AuditChain.decode(body) == event)
        #expect(body.contains(#""request_id":"req-1""#) && body.contains(#""prompt_tokens":3"#))
        #expect(AuditChain.encode(try AuditChain.decode(body)) == body, "canonical: encoding again gives the same bytes")
    }

    @Test func awkwardTextAndNumbersSurviveTheCanonicalForm() throws {
        var event = requestEvent(2)
        event.prompt = StoredText(sha256: "x", text: "quote \" backslash \\ newline \n tab \t bell \u{07} émoji 🛡️ </script>", redacted: true)
        event.guardRecords = [.init(direction: "input", verdict: "block", stage: 2, action: "block",
                                    categories: ["weapons": 0.978, "cyber": 1e-7, "fraud": 1], explanation: "a \"why\"")]
        event.details = ["b": "2", "a": "1"]
        event.latencyMs = 0.125
        let body = AuditChain.encode(event)
        #expect(try AuditChain.decode(body) == event)
        #expect(AuditChain.encode(try AuditChain.decode(body)) == body)
        #expect(body.contains(#""details":{"a":"1","b":"2"}"#) && body.contains(#"\u0007"#))
        // Members in key order: where each top-level key first appears.
        let keys = ["alias", "api", "attempts", "details", "guard", "id", "key_id", "kind", "latency_ms", "outcome", "prompt", "request_id",
                    "route", "status", "tenant", "time", "usage"]
        let positions = keys.compactMap { body.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test(arguments: StoreKind.all) func anIntactChainVerifiesAndEditsDeletionsAndColumnChangesAreFound(kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        let store = fresh.store
        let head = try store.append((1...5).map { JournaledEvent(event: requestEvent($0)) })
        _ = try store.append((6...7).map { JournaledEvent(event: requestEvent($0)) })
        #expect(try store.append((8...9).map { JournaledEvent(event: requestEvent($0)) }).seq == 9)
        #expect(head.seq == 5)
        let intact = try store.verify()
        #expect(intact.intact && intact.events == 9 && intact.head.seq == 9, "\(intact.problems)")

        try fresh.tamper(#"UPDATE audit_batches SET bodies = replace(bodies, '"req-2"', '"req-X"') WHERE first_seq = 1"#)
        try fresh.tamper("DELETE FROM audit_batches WHERE first_seq = 6")
        try fresh.tamper("UPDATE audit_batches SET first_id = 'other' WHERE first_seq = 8")
        let broken = try store.verify()
        #expect(!broken.intact)
        #expect(broken.problems.contains { $0.hasPrefix("seq 2:") && $0.contains("edited") })
        #expect(!broken.problems.contains { $0.hasPrefix("seq 3:") })
        #expect(broken.problems.contains { $0.hasPrefix("seq 8:") && $0.contains("events 6–7 are missing") })
        #expect(broken.problems.contains { $0.hasPrefix("seq 8:") && $0.contains("columns do not match") })
    }

    /// A store written before events were batched (schema v5) keeps its rows: the chain runs on
    /// from them into the batches, and reading, verifying, replaying and pruning see both.
    @Test(arguments: StoreKind.all) func eventsStoredOneRowEachBeforeBatchesStayInTheChain(kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        let store = fresh.store
        let old = Date().addingTimeInterval(-40 * 86_400)
        var previous = ChainHead.empty
        let legacy = (1...3).map { JournaledEvent(event: requestEvent($0, time: old)) }
        for (index, item) in legacy.enumerated() {
            let hash = AuditChain.hash(previous: previous.hash, body: item.body)
            let seq = previous.seq + 1
            try fresh.tamper("""
                INSERT INTO audit_events (seq, id, time_ms, kind, request_id, key_id, tenant, alias, route, outcome, status, body, prev_hash, hash)
                VALUES (\(seq), '\(item.id)', \(item.timeMs), 'request', 'req-\(index + 1)', 'app-1', 'acme',
                        'assistant', 'sim/m', 'ok', 200, '\(item.body)', '\(previous.hash)', '\(hash)')
                """)
            previous = ChainHead(seq: seq, hash: hash)
        }
        #expect(try store.head() == previous)
        // A replayed journal segment holding the last of those and a new event: only the new one is stored.
        #expect(try store.append([legacy[2], JournaledEvent(event: requestEvent(4))]).seq == 4)
        _ = try store.append((5...6).map { JournaledEvent(event: requestEvent($0)) })
        #expect(try store.verify().intact && store.verify().events == 6)
        #expect(try store.events(from: .distantPast, to: .distantFuture).map(\.requestID) == (1...6).map { "req-\($0)" })
        #expect(try store.prune(before: Date().addingTimeInterval(-30 * 86_400)) == 3)
        let pruned = try store.verify()
        #expect(pruned.intact && pruned.events == 3 && pruned.anchor == previous)
    }

    @Test(arguments: StoreKind.all) func replayedEventsAreNotStoredTwice(kind: StoreKind) throws {
        let store = try kind.makeStore().store
        let events = (1...3).map { JournaledEvent(event: requestEvent($0)) }
        _ = try store.append(events)
        let head = try store.append(events + [JournaledEvent(event: requestEvent(4))])
        #expect(head.seq == 4)
        #expect(try store.verify().intact)
        #expect(try store.events(from: .distantPast, to: .distantFuture).map(\.requestID) == (1...4).map { "req-\($0)" })
    }

    @Test(arguments: StoreKind.all) func eventsOfOneKindAreReadAlone(kind: StoreKind) throws {
        let store = try kind.makeStore().store
        let canary = AuditEvent(kind: .canary, route: "sim/m", outcome: .done, details: ["probes": "v1"])
        let shadow = AuditEvent(kind: .shadow, requestID: "req-2", policy: .init(version: "v2", hash: "abc", model: "m1"), outcome: .done)
        _ = try store.append([requestEvent(1), canary, shadow, requestEvent(3)].map { JournaledEvent(event: $0) })
        #expect(try store.events(of: .canary, from: .distantPast, to: .distantFuture) == [canary])
        #expect(try store.events(of: .shadow, from: .distantPast, to: .distantFuture).map(\.policy) == [shadow.policy])
        #expect(try store.events(of: .request, from: .distantPast, to: .distantFuture).map(\.requestID) == ["req-1", "req-3"])
        #expect(try store.events(of: .canary, from: Date().addingTimeInterval(60), to: .distantFuture).isEmpty)
    }

    @Test(arguments: StoreKind.all) func pruningKeepsTheChainVerifiable(kind: StoreKind) throws {
        let store = try kind.makeStore().store
        let old = Date().addingTimeInterval(-40 * 86_400)
        _ = try store.append((1...4).map { JournaledEvent(event: requestEvent($0, time: old)) })
        _ = try store.append((5...6).map { JournaledEvent(event: requestEvent($0)) })
        #expect(try store.prune(before: Date().addingTimeInterval(-30 * 86_400)) == 4)
        let verification = try store.verify()
        #expect(verification.intact && verification.events == 2 && verification.anchor.seq == 4)
        #expect(try store.events(from: .distantPast, to: .distantFuture).map(\.requestID) == ["req-5", "req-6"])
        #expect(try store.append([JournaledEvent(event: requestEvent(7))]).seq == 7)
        #expect(try store.verify().intact)
    }

    /// Two processes sharing one database (replicas on PostgreSQL, or two commands on one SQLite
    /// file) append to one chain: every event once, in one unbroken sequence.
    @Test(arguments: StoreKind.all) func twoWritersOnOneDatabaseBuildOneChain(kind: StoreKind) async throws {
        let fresh = try kind.makeStore()
        let other = try StoreLocation.parse(fresh.url).open()
        await withTaskGroup(of: Void.self) { group in
            for (writer, store) in [fresh.store, other].enumerated() {
                group.addTask {
                    for batch in 0..<20 {
                        let events = (0..<10).map { JournaledEvent(event: requestEvent(writer * 1_000 + batch * 10 + $0)) }
                        _ = try? store.append(events)
                    }
                }
            }
        }
        let verification = try fresh.store.verify()
        #expect(verification.intact && verification.events == 400, "\(verification.problems)")
    }
}

@Suite struct IncidentStoreTests {
    func incident(_ title: String) -> Incident {
        Incident(title: title, severity: .high, trigger: "manual", scope: .init(aliases: ["assistant"]), actor: "test")
    }

    @Test(arguments: StoreKind.all) func incidentsAreNumberedListedAndUpdated(kind: StoreKind) throws {
        let store = try kind.makeStore().store
        let first = try store.open(incident("first"))
        let second = try store.open(incident("second"))
        #expect(first.id == "INC-1" && second.id == "INC-2")
        let acknowledged = try store.update(id: "INC-1") { $0.status = .acknowledged }
        let reread = try store.incident(id: "INC-1")
        #expect(acknowledged.status == .acknowledged && reread?.status == .acknowledged)
        #expect(try store.incidents(status: nil).map(\.id) == ["INC-2", "INC-1"])
        #expect(try store.incidents(status: .open).map(\.id) == ["INC-2"])
        let missing = try store.incident(id: "INC-9")
        #expect(missing == nil)
        #expect(throws: StoreError.self) { try store.update(id: "INC-9") { $0.status = .resolved } }
    }

    @Test(arguments: StoreKind.all) func twoProcessesOpeningAtOnceGetDifferentNumbers(kind: StoreKind) async throws {
        let fresh = try kind.makeStore()
        let other = try StoreLocation.parse(fresh.url).open()
        let ids = await withTaskGroup(of: [String].self) { group in
            for store in [fresh.store, other] {
                group.addTask { (0..<10).compactMap { _ in try? store.open(self.incident("race")).id } }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(ids.count == 20 && Set(ids).count == 20)
    }
}

/// A store that fails while `available` is false.
final class SwitchableStore: AuditStore, @unchecked Sendable {
    let base: any AuditStore
    let lock = NSLock()
    var available = true

    init(base: any AuditStore) {
        self.base = base
    }

    func setAvailable(_ value: Bool) {
        lock.lock()
        available = value
        lock.unlock()
    }

    private func check() throws {
        lock.lock()
        defer { lock.unlock() }
        if !available { throw StoreError("the store is down (test)") }
    }

    func append(_ events: [JournaledEvent]) throws -> ChainHead { try check(); return try base.append(events) }
    func head() throws -> ChainHead { try base.head() }
    func verify() throws -> AuditVerification { try base.verify() }
    func events(from start: Date, to end: Date) throws -> [AuditEvent] { try base.events(from: start, to: end) }
    func events(of kind: AuditEvent.Kind, from start: Date, to end: Date) throws -> [AuditEvent] { try base.events(of: kind, from: start, to: end) }
    func prune(before cutoff: Date) throws -> Int { try base.prune(before: cutoff) }
}

@Suite struct AuditLogTests {
    let logger = Logger(label: "test")

    func waitUntil(_ condition: () throws -> Bool) async throws {
        for _ in 0..<200 where try !condition() { try await Task.sleep(for: .milliseconds(25)) }
        #expect(try condition())
    }

    @Test(arguments: StoreKind.all) func eventsSpillWhileTheStoreIsDownAndAreStoredInOrderWhenItReturns(kind: StoreKind) async throws {
        let directory = temporaryDirectory()
        let store = SwitchableStore(base: try kind.makeStore().store)
        store.setAvailable(false)
        let log = try AuditLog(store: store, journalDirectory: directory + "/journal", logger: logger)
        for index in 1...300 { log.record(requestEvent(index)) }
        try await waitUntil { log.status.storeError != nil }
        #expect(!log.status.healthy && log.status.spilledBytes > 0)
        store.setAvailable(true)
        try await waitUntil { try store.base.head().seq == 300 }
        #expect(try store.base.events(from: .distantPast, to: .distantFuture).map(\.requestID) == (1...300).map { "req-\($0)" })
        try await waitUntil { log.status.healthy && log.status.pending == 0 }
        await log.shutdown()
        #expect(try store.base.verify().intact)
    }

    @Test(arguments: StoreKind.all) func whatARunLeftInTheJournalIsStoredAtTheNextStart(kind: StoreKind) async throws {
        let directory = temporaryDirectory()
        let store = SwitchableStore(base: try kind.makeStore().store)
        store.setAvailable(false)
        let first = try AuditLog(store: store, journalDirectory: directory + "/journal", logger: logger)
        for index in 1...50 { first.record(requestEvent(index)) }
        await first.shutdown()   // the store is down: nothing is stored, the journal keeps it all
        #expect(try store.base.head().seq == 0)

        store.setAvailable(true)
        let second = try AuditLog(store: store, journalDirectory: directory + "/journal", logger: logger)
        second.record(requestEvent(51))
        await second.shutdown()
        #expect(try store.base.events(from: .distantPast, to: .distantFuture).map(\.requestID) == (1...51).map { "req-\($0)" })
        let head = try JSONDecoder().decode(ChainHead.self, from: Data(contentsOf: URL(fileURLWithPath: second.headFile)))
        #expect(head == (try store.base.head()))
    }

    @Test(arguments: StoreKind.all) func aFullSpillDropsAndSaysSo(kind: StoreKind) async throws {
        let directory = temporaryDirectory()
        let store = SwitchableStore(base: try kind.makeStore().store)
        store.setAvailable(false)
        var options = AuditLog.Options()
        options.spillLimitBytes = 4_000
        let log = try AuditLog(store: store, journalDirectory: directory + "/journal", options: options, logger: logger)
        for index in 1...100 { log.record(requestEvent(index)) }
        #expect(log.status.dropped > 0 && !log.status.healthy)
        await log.shutdown()
    }
}

@Suite struct AuditEventIDTests {
    @Test func idsAreVersion7UUIDsThatSortInTimeOrder() {
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let ids = (0..<50).map { AuditEvent.timeOrderedID(start.addingTimeInterval(Double($0) / 100)) }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        for id in ids {
            let uuid = UUID(uuidString: id)
            #expect(uuid != nil && id == id.lowercased() && Array(id)[14] == "7" && "89ab".contains(Array(id)[19]))
        }
    }
}

@Suite struct SharedRecordStoreTests {
    @Test(arguments: StoreKind.all) func versionsGrowWithEveryWriteAndReplacedRecordsMove(kind: StoreKind) throws {
        let store = try kind.makeStore().store
        #expect(try store.version(of: "kill_switch") == 0 && store.records(of: "kill_switch").bodies.isEmpty)
        #expect(try store.put(kind: "kill_switch", id: "a", body: #"{"id":"a"}"#) == 1)
        #expect(try store.put(kind: "kill_switch", id: "b", body: #"{"id":"b"}"#) == 2)
        #expect(try store.put(kind: "other", id: "a", body: "{}") == 1, "each kind counts on its own")
        #expect(try store.put(kind: "kill_switch", id: "a", body: #"{"id":"a","lifted":true}"#) == 3)
        let records = try store.records(of: "kill_switch")
        #expect(records.version == 3 && records.bodies == [#"{"id":"b"}"#, #"{"id":"a","lifted":true}"#])
    }

    @Test(arguments: StoreKind.all) func twoProcessesWritingAtOnceNeverShareAVersion(kind: StoreKind) async throws {
        let fresh = try kind.makeStore()
        let other = try StoreLocation.parse(fresh.url).open()
        let versions = await withTaskGroup(of: [Int64].self) { group in
            for (writer, store) in [fresh.store, other].enumerated() {
                group.addTask { (0..<15).compactMap { try? store.put(kind: "kill_switch", id: "\(writer)-\($0)", body: "{}") } }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(versions.count == 30 && Set(versions).count == 30 && versions.max() == 30)
    }
}
