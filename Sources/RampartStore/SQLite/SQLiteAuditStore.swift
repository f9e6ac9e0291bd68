import Foundation
import GRDB

/// The audit trail in a SQLite file (GRDB, WAL journal mode, `synchronous = NORMAL`): the default
/// store. A committed transaction survives the process being killed (the WAL is in the operating
/// system's cache); what the last moments before a power cut wrote may not, which is the usual
/// WAL trade-off. One process writes at a time.
///
/// Table `audit_events`: `seq` (the chain order), `id`, `time_ms`, indexed columns for queries
/// (`kind`, `request_id`, `key_id`, `tenant`, `alias`, `route`, `outcome`, `status`), `body` (the
/// canonical JSON, the source of truth), `prev_hash` and `hash`. Table `audit_anchor` holds the
/// last pruned event's sequence number and hash; `incidents` the incidents (``IncidentStore``).
public final class SQLiteAuditStore: AuditStore {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, busyTimeout: TimeInterval = 2) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError("cannot open the audit database \(path): \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: audit events") { db in
            try db.execute(sql: """
                CREATE TABLE audit_events (
                    seq INTEGER PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL UNIQUE,
                    time_ms INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    request_id TEXT, key_id TEXT, tenant TEXT, alias TEXT, route TEXT,
                    outcome TEXT NOT NULL,
                    status INTEGER,
                    body TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX audit_events_time ON audit_events(time_ms);
                CREATE TABLE audit_anchor (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL,
                    hash TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: incidents") { db in
            try db.execute(sql: """
                CREATE TABLE incidents (
                    number INTEGER PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL UNIQUE,
                    status TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    opened_ms INTEGER NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX incidents_status ON incidents(status);
                """)
        }
        return migrator
    }

    public func append(_ events: [JournaledEvent]) throws -> ChainHead {
        try pool.write { db in
            var head = try Self.head(db)
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO audit_events
                    (seq, id, time_ms, kind, request_id, key_id, tenant, alias, route, outcome, status, body, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for item in events {
                let event = item.event
                let seq = head.seq + 1
                let hash = AuditChain.hash(previous: head.hash, body: item.body)
                try insert.execute(arguments: [
                        seq, event.id, Self.milliseconds(event.time), event.kind.rawValue, event.requestID, event.keyID, event.tenant,
                        event.alias, event.route, event.outcome.rawValue, event.status, item.body, head.hash, hash,
                    ])
                if db.changesCount == 1 { head = ChainHead(seq: seq, hash: hash) }
            }
            return head
        }
    }

    public func head() throws -> ChainHead {
        try pool.read(Self.head)
    }

    public func verify() throws -> AuditVerification {
        try pool.read { db in
            let anchor = try Self.anchor(db)
            var expected = anchor
            var problems: [String] = []
            var count = 0
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, id, time_ms, kind, key_id, tenant, alias, outcome, body, prev_hash, hash FROM audit_events ORDER BY seq
                """)
            while let row = try rows.next() {
                count += 1
                let seq: Int64 = row["seq"]
                let body: String = row["body"]
                let previous: String = row["prev_hash"]
                let hash: String = row["hash"]
                if seq != expected.seq + 1 {
                    problems.append("seq \(seq): events \(expected.seq + 1)–\(seq - 1) are missing (deleted)")
                } else if previous != expected.hash {
                    problems.append("seq \(seq): its previous hash does not match event \(expected.seq) (an event was replaced)")
                }
                if AuditChain.hash(previous: previous, body: body) != hash {
                    problems.append("seq \(seq): its body does not match its hash (the event was edited)")
                } else if let mismatch = Self.columnMismatch(row, body: body) {
                    problems.append("seq \(seq): column \(mismatch) does not match the hashed body (the row was edited)")
                }
                expected = ChainHead(seq: seq, hash: hash)
                if problems.count >= 50 { problems.append("… stopped after 50 problems"); break }
            }
            return AuditVerification(events: count, head: expected, anchor: anchor, problems: problems)
        }
    }

    public func events(from start: Date, to end: Date) throws -> [AuditEvent] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM audit_events WHERE time_ms >= ? AND time_ms < ? ORDER BY time_ms, seq",
                                arguments: [Self.milliseconds(start), Self.milliseconds(end)])
                .map(AuditChain.decode)
        }
    }

    public func prune(before cutoff: Date) throws -> Int {
        try pool.write { db in
            // A prefix of the chain: everything before the first event at or after the cutoff.
            let keepFrom = try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM audit_events WHERE time_ms >= ?",
                                              arguments: [Self.milliseconds(cutoff)])
            let lastDeleted = try Row.fetchOne(db, sql: keepFrom == nil
                ? "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
                : "SELECT seq, hash FROM audit_events WHERE seq < ? ORDER BY seq DESC LIMIT 1", arguments: keepFrom.map { [$0] } ?? [])
            guard let lastDeleted else { return 0 }
            let seq: Int64 = lastDeleted["seq"]
            try db.execute(sql: "DELETE FROM audit_events WHERE seq <= ?", arguments: [seq])
            let deleted = db.changesCount
            try db.execute(sql: "INSERT OR REPLACE INTO audit_anchor (id, seq, hash) VALUES (1, ?, ?)",
                           arguments: [seq, lastDeleted["hash"] as String])
            return deleted
        }
    }

    private static func head(_ db: Database) throws -> ChainHead {
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1") {
            return ChainHead(seq: row["seq"], hash: row["hash"])
        }
        return try anchor(db)
    }

    private static func anchor(_ db: Database) throws -> ChainHead {
        try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_anchor WHERE id = 1").map { ChainHead(seq: $0["seq"], hash: $0["hash"]) } ?? .empty
    }

    /// The first indexed column whose value differs from the body's, if any.
    private static func columnMismatch(_ row: Row, body: String) -> String? {
        guard let event = try? AuditChain.decode(body) else { return "body" }
        let checks: [(String, String?, String?)] = [
            ("id", row["id"], event.id), ("kind", row["kind"], event.kind.rawValue), ("key_id", row["key_id"], event.keyID),
            ("tenant", row["tenant"], event.tenant), ("alias", row["alias"], event.alias), ("outcome", row["outcome"], event.outcome.rawValue),
        ]
        if let (name, _, _) = checks.first(where: { $0.1 != $0.2 }) { return name }
        return (row["time_ms"] as Int64) == milliseconds(event.time) ? nil : "time_ms"
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
