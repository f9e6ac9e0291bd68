import Foundation
import Logging
import PostgresNIO
import Testing
@testable import RampartStore

/// The PostgreSQL session's connections: calls do not wait on each other up to the pool's size,
/// never open more than it, and a connection the server dropped is replaced. Runs where the store
/// suites run against PostgreSQL (`RAMPART_TEST_POSTGRES_URL`, always in CI).
@Suite(.enabled(if: StoreKind.all.contains(.postgres))) struct PostgresSessionTests {
    func session(maximumConnections: Int) throws -> PostgresSession {
        let url = try StoreKind.postgres.makeStore().url
        return PostgresSession(settings: try PostgresSettings.parse(url), deadline: 20, maximumConnections: maximumConnections,
                               logger: Logger(label: "test"))
    }

    static func backendPID(_ sql: Statements) throws -> Int32 {
        try sql.query("SELECT pg_backend_pid()").first!.decode(Int32.self)
    }

    @Test func aLongTransactionDoesNotHoldUpOtherCalls() async throws {
        let session = try session(maximumConnections: 4)
        let inside = DispatchSemaphore(value: 0)
        let otherCallDone = DispatchSemaphore(value: 0)
        // The audit writer's batch, in the middle of its transaction until the other call is done
        // (at most 10 s: with one connection the other call would wait for this one to end).
        async let sawOtherCallFinish: Bool = Task.detached {
            try session.transaction { sql in
                try sql.run("SELECT 1")
                inside.signal()
                return otherCallDone.wait(timeout: .now() + 10) == .success
            }
        }.value
        await Task.detached { inside.wait() }.value
        // A request's limit count meanwhile.
        _ = try await Task.detached { try session.withConnection { try Self.backendPID($0) } }.value
        otherCallDone.signal()
        #expect(try await sawOtherCallFinish)
    }

    @Test func callsBeyondThePoolWaitForAConnectionAndNeverOpenMore() async throws {
        let session = try session(maximumConnections: 2)
        let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await Task.detached {
                        try session.withConnection { sql in
                            try sql.run("SELECT pg_sleep(0.05)")
                            return try Self.backendPID(sql)
                        }
                    }.value
                }
            }
            return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
        }
        #expect(pids.count <= 2, "\(pids.count) server connections for a pool of 2")
    }

    @Test func aConnectionTheServerDroppedIsReplaced() throws {
        let session = try session(maximumConnections: 1)
        let first = try session.withConnection { try Self.backendPID($0) }
        let admin = PostgresSession(settings: session.settings, logger: Logger(label: "test"))
        try admin.withConnection { try $0.query("SELECT pg_terminate_backend(\(first))") }
        admin.close()
        // The call that finds the connection dead may fail (as any call in flight when a server
        // drops it); the next one gets a new connection.
        let again = try (try? session.withConnection { try Self.backendPID($0) }) ?? session.withConnection { try Self.backendPID($0) }
        #expect(again != first)
    }
}

/// The store's limit counters commit on connections of their own without waiting for the WAL
/// flush; the audit trail's commits still wait for it.
@Suite(.enabled(if: StoreKind.all.contains(.postgres))) struct PostgresCounterSessionTests {
    @Test func countersCommitWithoutWaitingForTheFlushAndTheTrailWaits() throws {
        let store = try #require(try StoreKind.postgres.makeStore().store as? PostgresAuditStore)
        let show = { (session: PostgresSession) in
            try session.withConnection { try $0.query("SHOW synchronous_commit").first!.decode(String.self) }
        }
        #expect(try show(store.readyForCounting()) == "off")
        #expect(try show(store.ready()) == "on")
        #expect(try store.add(2, to: "key:k:requests", slot: 1, limit: 3) && !store.add(2, to: "key:k:requests", slot: 1, limit: 3))
        #expect(try store.count(of: "key:k:requests", slot: 1) == 2)
    }
}
