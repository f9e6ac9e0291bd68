import Foundation
import GRDB
import GRDBSQLite

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
        for migration in StoreSchema.migrations {
            migrator.registerMigration(migration.name) { db in try db.execute(sql: migration.sqlite) }
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
            // Bound through SQLite's own calls: GRDB's generic arguments cost more than the insert.
            let statement = insert.sqliteStatement
            for item in events {
                let event = item.columns
                let seq = head.seq + 1
                let hash = AuditChain.hash(previous: head.hash, body: item.body)
                sqlite3_reset(statement)
                sqlite3_bind_int64(statement, 1, seq)
                Self.bind(event.id, 2, statement)
                sqlite3_bind_int64(statement, 3, event.timeMs)
                Self.bind(event.kind.rawValue, 4, statement)
                Self.bind(event.requestID, 5, statement)
                Self.bind(event.keyID, 6, statement)
                Self.bind(event.tenant, 7, statement)
                Self.bind(event.alias, 8, statement)
                Self.bind(event.route, 9, statement)
                Self.bind(event.outcome.rawValue, 10, statement)
                if let status = event.status { sqlite3_bind_int64(statement, 11, Int64(status)) } else { sqlite3_bind_null(statement, 11) }
                Self.bind(head.hash, 13, statement)
                Self.bind(hash, 14, statement)
                // The body, the one long value, is bound without SQLite copying it: it is read only by this step.
                var body = item.body
                let result = body.withUTF8 { utf8 in
                    sqlite3_bind_text(statement, 12, UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(utf8.count), nil)
                    return sqlite3_step(statement)
                }
                guard result == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: result), message: db.lastErrorMessage) }
                if sqlite3_changes(db.sqliteConnection) == 1 { head = ChainHead(seq: seq, hash: hash) }
            }
            sqlite3_reset(statement)
            return head
        }
    }

    /// Binds `text` (or NULL) to parameter `index`; SQLite copies it.
    private static func bind(_ text: String?, _ index: Int32, _ statement: SQLiteStatement) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { utf8 in
            _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(utf8.count),
                                  Self.transient)
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    public func head() throws -> ChainHead {
        try pool.read(Self.head)
    }

    public func verify() throws -> AuditVerification {
        try pool.read { db in
            var verifier = ChainVerifier(anchor: try Self.anchor(db))
            let rows = try Row.fetchCursor(db, sql: "SELECT \(StoreSchema.verifiedColumns) FROM audit_events ORDER BY seq")
            while let row = try rows.next() {
                let stored = ChainVerifier.Row(
                    seq: row["seq"], id: row["id"], timeMs: row["time_ms"], kind: row["kind"], keyID: row["key_id"], tenant: row["tenant"],
                    alias: row["alias"], outcome: row["outcome"], body: row["body"], previousHash: row["prev_hash"], hash: row["hash"])
                guard verifier.check(stored) else { break }
            }
            return verifier.verification
        }
    }

    public func events(from start: Date, to end: Date) throws -> [AuditEvent] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM audit_events WHERE time_ms >= ? AND time_ms < ? ORDER BY time_ms, seq",
                                arguments: [AuditChain.milliseconds(start), AuditChain.milliseconds(end)])
                .map(AuditChain.decode)
        }
    }

    public func events(of kind: AuditEvent.Kind, from start: Date, to end: Date) throws -> [AuditEvent] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM audit_events WHERE time_ms >= ? AND time_ms < ? AND kind = ? ORDER BY time_ms, seq",
                                arguments: [AuditChain.milliseconds(start), AuditChain.milliseconds(end), kind.rawValue])
                .map(AuditChain.decode)
        }
    }

    public func prune(before cutoff: Date) throws -> Int {
        try pool.write { db in
            // A prefix of the chain: everything before the first event at or after the cutoff.
            let keepFrom = try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM audit_events WHERE time_ms >= ?",
                                              arguments: [AuditChain.milliseconds(cutoff)])
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
}
