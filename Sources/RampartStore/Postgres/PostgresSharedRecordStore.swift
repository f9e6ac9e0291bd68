import PostgresNIO

extension PostgresAuditStore: SharedRecordStore {
    public func put(kind: String, id: String, body: String) throws -> Int64 {
        try ready().transaction { sql in
            // Writers to one kind take turns, across replicas, so versions never repeat.
            try sql.query("SELECT pg_advisory_xact_lock(hashtext(\("rampart.shared." + kind)))")
            let version = (try sql.query("SELECT MAX(version) FROM shared_records WHERE kind = \(kind)").first
                .flatMap { try $0.decode(Int64?.self) } ?? 0) + 1
            try sql.query("""
                INSERT INTO shared_records (kind, id, version, body) VALUES (\(kind), \(id), \(version), \(body))
                ON CONFLICT (kind, id) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body
                """)
            return version
        }
    }

    public func version(of kind: String) throws -> Int64 {
        try ready().withConnection { sql in
            try sql.query("SELECT MAX(version) FROM shared_records WHERE kind = \(kind)").first.flatMap { try $0.decode(Int64?.self) } ?? 0
        }
    }

    public func records(of kind: String) throws -> SharedRecords {
        try ready().withConnection { sql in
            let rows = try sql.query("SELECT version, body FROM shared_records WHERE kind = \(kind) ORDER BY version")
                .map { try $0.decode((Int64, String).self) }
            return SharedRecords(version: rows.last?.0 ?? 0, bodies: rows.map(\.1))
        }
    }
}
