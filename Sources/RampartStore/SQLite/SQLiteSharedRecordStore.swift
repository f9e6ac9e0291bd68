import GRDB

extension SQLiteAuditStore: SharedRecordStore {
    public func put(kind: String, id: String, body: String) throws -> Int64 {
        try pool.write { db in
            // One writer at a time holds the database, so the next version is this write's alone.
            let version = (try Int64.fetchOne(db, sql: "SELECT MAX(version) FROM shared_records WHERE kind = ?", arguments: [kind]) ?? 0) + 1
            try db.execute(sql: "INSERT OR REPLACE INTO shared_records (kind, id, version, body) VALUES (?, ?, ?, ?)",
                           arguments: [kind, id, version, body])
            return version
        }
    }

    public func version(of kind: String) throws -> Int64 {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(version) FROM shared_records WHERE kind = ?", arguments: [kind]) ?? 0
        }
    }

    public func records(of kind: String) throws -> SharedRecords {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT version, body FROM shared_records WHERE kind = ? ORDER BY version", arguments: [kind])
            return SharedRecords(version: rows.last?["version"] ?? 0, bodies: rows.map { $0["body"] })
        }
    }
}
