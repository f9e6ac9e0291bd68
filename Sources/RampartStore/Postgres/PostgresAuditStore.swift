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
    private let migrated = Locked(false)

    /// Rows per `INSERT`: 14 binds each, under PostgreSQL's 65,535-bind limit.
    private static let rowsPerInsert = 1_000
    /// Rows per page when walking the chain.
    private static let verifyPage = 5_000

    /// Connects to the database `url` names and brings its schema up to date.
    public init(url: String, logger: Logger = Logger(label: "rampart.store")) throws(StoreError) {
        session = PostgresSession(settings: try PostgresSettings.parse(url), logger: logger)
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

    deinit {
        session.close()
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
            let ids = events.map(\.columns.id)
            let stored = Set(try sql.query("SELECT id FROM audit_events WHERE id = ANY(\(ids))").map { try $0.decode(String.self) })
            let links = AuditChain.link(events, after: head, skipping: stored)
            var start = links.startIndex
            while start < links.endIndex {
                let end = min(start + Self.rowsPerInsert, links.endIndex)
                try sql.query(Self.insert(links[start..<end]))
                start = end
            }
            return links.last.map { ChainHead(seq: $0.seq, hash: $0.hash) } ?? head
        }
    }

    /// One multi-row `INSERT` for `links`.
    private static func insert(_ links: ArraySlice<ChainLink>) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: links.count * 14)
        var rows: [String] = []
        rows.reserveCapacity(links.count)
        for link in links {
            let event = link.item.columns
            let first = binds.count + 1
            rows.append("(" + (first..<first + 14).map { "$\($0)" }.joined(separator: ",") + ")")
            binds.append(link.seq)
            binds.append(event.id)
            binds.append(event.timeMs)
            binds.append(event.kind.rawValue)
            binds.append(event.requestID)
            binds.append(event.keyID)
            binds.append(event.tenant)
            binds.append(event.alias)
            binds.append(event.route)
            binds.append(event.outcome.rawValue)
            binds.append(event.status.map(Int32.init))
            binds.append(link.item.body)
            binds.append(link.previousHash)
            binds.append(link.hash)
        }
        return PostgresQuery(unsafeSQL: """
            INSERT INTO audit_events
                (seq, id, time_ms, kind, request_id, key_id, tenant, alias, route, outcome, status, body, prev_hash, hash)
            VALUES \(rows.joined(separator: ","))
            """, binds: binds)
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
                if rows.count < Self.verifyPage { return verifier.verification }
            }
        }
    }

    public func events(from start: Date, to end: Date) throws -> [AuditEvent] {
        try ready().withConnection { sql in
            try sql.query("""
                SELECT body FROM audit_events WHERE time_ms >= \(AuditChain.milliseconds(start)) AND time_ms < \(AuditChain.milliseconds(end))
                ORDER BY time_ms, seq
                """).map { try AuditChain.decode($0.decode(String.self)) }
        }
    }

    public func events(of kind: AuditEvent.Kind, from start: Date, to end: Date) throws -> [AuditEvent] {
        try ready().withConnection { sql in
            try sql.query("""
                SELECT body FROM audit_events WHERE time_ms >= \(AuditChain.milliseconds(start)) AND time_ms < \(AuditChain.milliseconds(end))
                AND kind = \(kind.rawValue) ORDER BY time_ms, seq
                """).map { try AuditChain.decode($0.decode(String.self)) }
        }
    }

    public func prune(before cutoff: Date) throws -> Int {
        try ready().transaction { sql in
            try sql.run("SELECT pg_advisory_xact_lock(hashtext('rampart.audit_chain'))")
            // A prefix of the chain: everything before the first event at or after the cutoff.
            let keepFrom = try sql.query("SELECT MIN(seq) FROM audit_events WHERE time_ms >= \(AuditChain.milliseconds(cutoff))")
                .first.flatMap { try $0.decode(Int64?.self) }
            let lastDeleted = try sql.query(keepFrom.map { "SELECT seq, hash FROM audit_events WHERE seq < \($0) ORDER BY seq DESC LIMIT 1" }
                                            ?? "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
                .first.map { try $0.decode((Int64, String).self) }
            guard let (seq, hash) = lastDeleted else { return 0 }
            let deleted = try sql.query("DELETE FROM audit_events WHERE seq <= \(seq) RETURNING seq").count
            try sql.query("""
                INSERT INTO audit_anchor (id, seq, hash) VALUES (1, \(seq), \(hash))
                ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash
                """)
            return deleted
        }
    }

    private static func head(_ sql: Statements) throws -> ChainHead {
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
