import Foundation
import Logging
import PostgresNIO

/// The audit trail in PostgreSQL (postgres-nio), for several replicas sharing one trail: the same
/// tables, columns and migrations as ``SQLiteAuditStore`` (``StoreSchema``).
///
/// Guarantees: appends from any number of processes form one chain, because each takes a
/// transaction-scoped advisory lock (`rampart.audit_chain`) before reading the head and inserting
/// after it; a committed append is durable with the server's default `synchronous_commit = on`.
/// Migrations run once however many processes start together (a session advisory lock around them).
/// A server that cannot be reached when the store is opened does not stop it opening: the schema is
/// brought up to date by the first call that reaches it, and until then every call throws (so
/// `rampart serve` starts, spills its audit events and reports itself degraded until the database
/// answers).
public final class PostgresAuditStore: AuditStore, IncidentStore {
    private let session: PostgresSession
    /// Connections of their own for limit counters (``LimitCounterStore``): one statement per
    /// limited request, so they neither wait behind audit batches nor for a WAL flush each.
    private let counterSession: PostgresSession
    private let migrated = Locked(false)

    /// Rows per page when walking the chain: events (before schema v5), and batches.
    private static let verifyPage = 5_000
    private static let batchPage = 50

    /// Connects to the database `url` names and brings its schema up to date.
    public init(url: String, logger: Logger = Logger(label: "rampart.store")) throws(StoreError) {
        let settings = try PostgresSettings.parse(url)
        session = PostgresSession(settings: settings, logger: logger)
        counterSession = PostgresSession(settings: settings.committingWithoutFlush, logger: logger)
        do {
            try migrate()
        } catch {
            logger.warning("PostgreSQL store not reachable yet; it is set up when it answers", metadata: ["error": "\(error.message)"])
        }
    }

    /// The session, once the schema is up to date (migrating first when it is not yet).
    func ready() throws(StoreError) -> PostgresSession {
        if !migrated.withLock({ $0 }) { try migrate() }
        return session
    }

    /// The limit counters' session, once the schema is up to date.
    func readyForCounting() throws(StoreError) -> PostgresSession {
        _ = try ready()
        return counterSession
    }

    deinit {
        session.close()
        counterSession.close()
    }

    private func migrate() throws(StoreError) {
        try session.withConnection { sql in
            try sql.run("SELECT pg_advisory_lock(hashtext('rampart.migrations'))")
            defer { _ = try? sql.run("SELECT pg_advisory_unlock(hashtext('rampart.migrations'))") }
            try sql.run("CREATE TABLE IF NOT EXISTS rampart_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = Set(try sql.query("SELECT name FROM rampart_migrations").map { try $0.decode(String.self) })
            for migration in StoreSchema.migrations where !applied.contains(migration.name) {
                try sql.run("BEGIN")
                do {
                    for statement in StoreSchema.statements(migration.postgres) { try sql.run(statement) }
                    try sql.query("INSERT INTO rampart_migrations (name) VALUES (\(migration.name))")
                    try sql.run("COMMIT")
                } catch {
                    try? sql.run("ROLLBACK")
                    throw StoreError("migration '\(migration.name)' failed: \(session.describe(error))")
                }
            }
        }
        migrated.withLock { $0 = true }
    }

    public func append(_ events: [JournaledEvent]) throws -> ChainHead {
        try ready().transaction { sql in
            try sql.run("SELECT pg_advisory_xact_lock(hashtext('rampart.audit_chain'))")
            let head = try Self.head(sql)
            guard let batch = AuditBatch(chaining: try Self.unstored(events, sql), after: head) else { return head }
            try sql.query("""
                INSERT INTO audit_batches (\(unescaped: AuditBatch.columns))
                VALUES (\(batch.firstSeq), \(batch.lastSeq), \(batch.firstID), \(batch.minTimeMs), \(batch.maxTimeMs), \(batch.previousHash),
                        \(batch.hashes), \(batch.bodies))
                """)
            return batch.head
        }
    }

    /// `events` less those already stored (``AuditBatch/unstored(_:batchStarting:storedOneRowEach:)``).
    private static func unstored(_ events: [JournaledEvent], _ sql: Statements) throws -> [JournaledEvent] {
        try AuditBatch.unstored(events, batchStarting: { id in
            try sql.query("SELECT bodies FROM audit_batches WHERE first_id = \(id)").first?.decode(String.self)
        }, storedOneRowEach: { ids in
            Set(try sql.query("SELECT id FROM audit_events WHERE id = ANY(\(ids))").map { try $0.decode(String.self) })
        })
    }

    public func head() throws -> ChainHead {
        try ready().withConnection(Self.head)
    }

    public func verify() throws -> AuditVerification {
        try ready().transaction { sql in
            try sql.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")   // one snapshot for every page
            var verifier = ChainVerifier(anchor: try Self.anchor(sql))
            var after = Int64.min
            while true {
                let rows = try sql.query("""
                    SELECT \(unescaped: StoreSchema.verifiedColumns) FROM audit_events WHERE seq > \(after) ORDER BY seq LIMIT \(Self.verifyPage)
                    """)
                for row in rows {
                    let (seq, id, timeMs, kind, keyID, tenant, alias, outcome, body, previous, hash) =
                        try row.decode((Int64, String, Int64, String, String?, String?, String?, String, String, String, String).self)
                    let stored = ChainVerifier.Row(seq: seq, id: id, timeMs: timeMs, kind: kind, keyID: keyID, tenant: tenant, alias: alias,
                                                   outcome: outcome, body: body, previousHash: previous, hash: hash)
                    guard verifier.check(stored) else { return verifier.verification }
                    after = seq
                }
                if rows.count < Self.verifyPage { break }
            }
            after = Int64.min
            while true {
                let batches = try sql.query("""
                    SELECT \(unescaped: AuditBatch.columns) FROM audit_batches WHERE first_seq > \(after) ORDER BY first_seq LIMIT \(Self.batchPage)
                    """).map(Self.batch)
                for batch in batches {
                    guard verifier.check(batch) else { return verifier.verification }
                    after = batch.firstSeq
                }
                if batches.count < Self.batchPage { return verifier.verification }
            }
        }
    }

    public func events(from start: Date, to end: Date) throws -> [AuditEvent] {
        try events(from: start, to: end, kind: nil)
    }

    public func events(of kind: AuditEvent.Kind, from start: Date, to end: Date) throws -> [AuditEvent] {
        try events(from: start, to: end, kind: kind)
    }

    private func events(from start: Date, to end: Date, kind: AuditEvent.Kind?) throws -> [AuditEvent] {
        let (startMs, endMs) = (AuditChain.milliseconds(start), AuditChain.milliseconds(end))
        return try ready().transaction { sql in
            try sql.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")   // both tables from one snapshot
            var found = try sql.query("""
                SELECT time_ms, seq, body FROM audit_events WHERE time_ms >= \(startMs) AND time_ms < \(endMs)
                AND (\(kind?.rawValue)::text IS NULL OR kind = \(kind?.rawValue))
                """).map { row in
                let (timeMs, seq, body) = try row.decode((Int64, Int64, String).self)
                return StoredEvent(timeMs: timeMs, seq: seq, event: try AuditChain.decode(body))
            }
            for batch in try sql.query("""
                SELECT \(unescaped: AuditBatch.columns) FROM audit_batches WHERE max_time_ms >= \(startMs) AND min_time_ms < \(endMs)
                ORDER BY first_seq
                """).map(Self.batch) {
                found += batch.events(fromMs: startMs, toMs: endMs, kind: kind)
            }
            return StoredEvent.ordered(found)
        }
    }

    public func prune(before cutoff: Date) throws -> Int {
        try ready().transaction { sql in
            try sql.run("SELECT pg_advisory_xact_lock(hashtext('rampart.audit_chain'))")
            // A prefix of the chain: everything before the first event at or after the cutoff
            // (for a batch, the first batch holding one: batches go whole).
            let cutoffMs = AuditChain.milliseconds(cutoff)
            let keepFrom = try sql.query("""
                SELECT LEAST((SELECT MIN(seq) FROM audit_events WHERE time_ms >= \(cutoffMs)),
                             (SELECT MIN(first_seq) FROM audit_batches WHERE max_time_ms >= \(cutoffMs)))
                """).first.flatMap { try $0.decode(Int64?.self) } ?? .max
            let lastDeleted = try sql.query("""
                SELECT seq, hash FROM (
                    SELECT seq, hash FROM audit_events WHERE seq < \(keepFrom)
                    UNION ALL SELECT last_seq, right(hashes, 64) FROM audit_batches WHERE last_seq < \(keepFrom)
                ) AS deleted ORDER BY seq DESC LIMIT 1
                """).first.map { try $0.decode((Int64, String).self) }
            guard let (seq, hash) = lastDeleted else { return 0 }
            let legacy = try sql.query("DELETE FROM audit_events WHERE seq <= \(seq) RETURNING seq").count
            let batched = try sql.query("DELETE FROM audit_batches WHERE last_seq <= \(seq) RETURNING last_seq - first_seq + 1")
                .reduce(0) { $0 + Int(try $1.decode(Int64.self)) }
            try sql.query("""
                INSERT INTO audit_anchor (id, seq, hash) VALUES (1, \(seq), \(hash))
                ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash
                """)
            return legacy + batched
        }
    }

    private static func batch(_ row: PostgresRow) throws -> AuditBatch {
        let (firstSeq, lastSeq, firstID, minTimeMs, maxTimeMs, previousHash, hashes, bodies) =
            try row.decode((Int64, Int64, String, Int64, Int64, String, String, String).self)
        return AuditBatch(firstSeq: firstSeq, lastSeq: lastSeq, firstID: firstID, minTimeMs: minTimeMs, maxTimeMs: maxTimeMs,
                          previousHash: previousHash, hashes: hashes, bodies: bodies)
    }

    private static func head(_ sql: Statements) throws -> ChainHead {
        if let (seq, hash) = try sql.query("SELECT last_seq, right(hashes, 64) FROM audit_batches ORDER BY first_seq DESC LIMIT 1").first?
            .decode((Int64, String).self) {
            return ChainHead(seq: seq, hash: hash)
        }
        if let (seq, hash) = try sql.query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").first?.decode((Int64, String).self) {
            return ChainHead(seq: seq, hash: hash)
        }
        return try anchor(sql)
    }

    private static func anchor(_ sql: Statements) throws -> ChainHead {
        try sql.query("SELECT seq, hash FROM audit_anchor WHERE id = 1").first
            .map { try $0.decode((Int64, String).self) }.map { ChainHead(seq: $0.0, hash: $0.1) } ?? .empty
    }
}
