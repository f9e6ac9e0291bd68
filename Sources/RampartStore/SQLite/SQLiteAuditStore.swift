import Foundation
import GRDB
import GRDBSQLite

/// The audit trail in a SQLite file (GRDB, WAL journal mode, `synchronous = NORMAL`, 64 KB pages in a new file): the default
/// store. A committed transaction survives the process being killed (the WAL is in the operating
/// system's cache); what the last moments before a power cut wrote may not, which is the usual
/// WAL trade-off. One process writes at a time.
///
/// Events are appended as batches, a row of `audit_batches` per append (``AuditBatch``, schema
/// v5). Table `audit_events` holds the events written before that, a row each: `seq` (the chain
/// order), `id`, `time_ms`, indexed columns (`kind`, `request_id`, `key_id`, `tenant`, `alias`,
/// `route`, `outcome`, `status`), `body` (the canonical JSON, the source of truth), `prev_hash` and
/// `hash`; the chain runs through it and on into the batches. Table `audit_anchor` holds the
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
            // 64 KB pages for a new file (an existing one keeps its own): a batch's row of bodies
            // then spans a few dozen pages rather than hundreds, each a WAL frame written and
            // checkpointed on its own, which cut the writer's CPU per event by a quarter.
            try db.execute(sql: "PRAGMA page_size = 65536")
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
            let head = try Self.head(db)
            guard let batch = AuditBatch(chaining: try Self.unstored(events, db), after: head) else { return head }
            try Self.insert(batch, db)
            return batch.head
        }
    }

    /// Inserts `batch`, binding its hashes and bodies (megabytes, for a full batch) where they
    /// are: SQLite reads them during the step, and GRDB's arguments would copy them twice.
    private static func insert(_ batch: AuditBatch, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO audit_batches (\(AuditBatch.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").sqliteStatement
        sqlite3_reset(statement)
        defer { sqlite3_clear_bindings(statement) }
        sqlite3_bind_int64(statement, 1, batch.firstSeq)
        sqlite3_bind_int64(statement, 2, batch.lastSeq)
        sqlite3_bind_int64(statement, 4, batch.minTimeMs)
        sqlite3_bind_int64(statement, 5, batch.maxTimeMs)
        bind(batch.firstID, 3, statement)
        bind(batch.previousHash, 6, statement)
        var (hashes, bodies) = (batch.hashes, batch.bodies)
        let result = hashes.withUTF8 { hashes in
            bodies.withUTF8 { bodies in
                bind(inPlace: hashes, 7, statement)
                bind(inPlace: bodies, 8, statement)
                return sqlite3_step(statement)
            }
        }
        guard result == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: result), message: db.lastErrorMessage) }
    }

    /// Binds a copy of `text` to parameter `index`.
    private static func bind(_ text: String, _ index: Int32, _ statement: SQLiteStatement) {
        var text = text
        text.withUTF8 { bind($0, index, statement, destructor: transient) }
    }

    /// Binds `utf8` to parameter `index` where it is: it must stay valid until the next step has run.
    private static func bind(inPlace utf8: UnsafeBufferPointer<UInt8>, _ index: Int32, _ statement: SQLiteStatement) {
        bind(utf8, index, statement, destructor: nil)
    }

    private static func bind(_ utf8: UnsafeBufferPointer<UInt8>, _ index: Int32, _ statement: SQLiteStatement, destructor: sqlite3_destructor_type?) {
        sqlite3_bind_text(statement, index, UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(utf8.count), destructor)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// `events` less those already stored (``AuditBatch/unstored(_:batchStarting:storedOneRowEach:)``).
    private static func unstored(_ events: [JournaledEvent], _ db: Database) throws -> [JournaledEvent] {
        try AuditBatch.unstored(events, batchStarting: { id in
            try String.fetchOne(db, sql: "SELECT bodies FROM audit_batches WHERE first_id = ?", arguments: [id])
        }, storedOneRowEach: { ids in
            let lookup = try db.cachedStatement(sql: "SELECT 1 FROM audit_events WHERE id = ?")
            return Set(try ids.filter { try Bool.fetchOne(lookup, arguments: [$0]) == true })
        })
    }

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
                guard verifier.check(stored) else { return verifier.verification }
            }
            let batches = try Row.fetchCursor(db, sql: "SELECT \(AuditBatch.columns) FROM audit_batches ORDER BY first_seq")
            while let row = try batches.next() {
                guard verifier.check(Self.batch(row)) else { break }
            }
            return verifier.verification
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
        return try pool.read { db in
            var found = try Row.fetchAll(db, sql: """
                SELECT time_ms, seq, body FROM audit_events WHERE time_ms >= ? AND time_ms < ? AND (? IS NULL OR kind = ?)
                """, arguments: [startMs, endMs, kind?.rawValue, kind?.rawValue])
                .map { StoredEvent(timeMs: $0[0], seq: $0[1], event: try AuditChain.decode($0[2])) }
            let batches = try Row.fetchCursor(db, sql: """
                SELECT \(AuditBatch.columns) FROM audit_batches WHERE max_time_ms >= ? AND min_time_ms < ? ORDER BY first_seq
                """, arguments: [startMs, endMs])
            while let row = try batches.next() { found += Self.batch(row).events(fromMs: startMs, toMs: endMs, kind: kind) }
            return StoredEvent.ordered(found)
        }
    }

    public func prune(before cutoff: Date) throws -> Int {
        try pool.write { db in
            // A prefix of the chain: everything before the first event at or after the cutoff
            // (for a batch, the first batch holding one: batches go whole).
            let cutoffMs = AuditChain.milliseconds(cutoff)
            let keepFrom = [
                try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM audit_events WHERE time_ms >= ?", arguments: [cutoffMs]),
                try Int64.fetchOne(db, sql: "SELECT MIN(first_seq) FROM audit_batches WHERE max_time_ms >= ?", arguments: [cutoffMs]),
            ].compactMap { $0 }.min() ?? .max
            let lastDeleted = [
                try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_events WHERE seq < ? ORDER BY seq DESC LIMIT 1", arguments: [keepFrom]),
                try Row.fetchOne(db, sql: "SELECT last_seq, substr(hashes, -64) FROM audit_batches WHERE last_seq < ? ORDER BY first_seq DESC LIMIT 1",
                                 arguments: [keepFrom]),
            ].compactMap { $0.map { ChainHead(seq: $0[0], hash: $0[1]) } }.max { $0.seq < $1.seq }
            guard let lastDeleted else { return 0 }
            try db.execute(sql: "DELETE FROM audit_events WHERE seq <= ?", arguments: [lastDeleted.seq])
            var deleted = db.changesCount
            deleted += try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(last_seq - first_seq + 1), 0) FROM audit_batches WHERE last_seq <= ?",
                                        arguments: [lastDeleted.seq]) ?? 0
            try db.execute(sql: "DELETE FROM audit_batches WHERE last_seq <= ?", arguments: [lastDeleted.seq])
            try db.execute(sql: "INSERT OR REPLACE INTO audit_anchor (id, seq, hash) VALUES (1, ?, ?)", arguments: [lastDeleted.seq, lastDeleted.hash])
            return deleted
        }
    }

    private static func batch(_ row: Row) -> AuditBatch {
        AuditBatch(firstSeq: row[0], lastSeq: row[1], firstID: row[2], minTimeMs: row[3], maxTimeMs: row[4], previousHash: row[5],
                   hashes: row[6], bodies: row[7])
    }

    private static func head(_ db: Database) throws -> ChainHead {
        if let row = try Row.fetchOne(db, sql: "SELECT last_seq, substr(hashes, -64) FROM audit_batches ORDER BY first_seq DESC LIMIT 1") {
            return ChainHead(seq: row[0], hash: row[1])
        }
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1") {
            return ChainHead(seq: row["seq"], hash: row["hash"])
        }
        return try anchor(db)
    }

    private static func anchor(_ db: Database) throws -> ChainHead {
        try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_anchor WHERE id = 1").map { ChainHead(seq: $0["seq"], hash: $0["hash"]) } ?? .empty
    }
}
