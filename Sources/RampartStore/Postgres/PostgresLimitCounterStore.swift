import PostgresNIO

/// Counts on connections of their own that commit without waiting for the WAL flush
/// (``PostgresAuditStore/readyForCounting()``): every replica sees a count the moment it commits,
/// and a crash of the database server can lose the last fraction of a second of counts.
extension PostgresAuditStore: LimitCounterStore {
    public func add(_ amount: Int64, to bucket: String, slot: Int64, limit: Int64?) throws -> Bool {
        try readyForCounting().withConnection { sql in
            // One statement: the row lock PostgreSQL takes for the update makes concurrent adds
            // from every replica take turns, so the limit is never passed.
            let rows = if let limit {
                try sql.query("""
                    INSERT INTO limit_counters (bucket, slot, count) SELECT \(bucket), \(slot), \(amount) WHERE \(amount) <= \(limit)
                    ON CONFLICT (bucket, slot) DO UPDATE SET count = limit_counters.count + EXCLUDED.count
                    WHERE limit_counters.count + EXCLUDED.count <= \(limit)
                    RETURNING count
                    """)
            } else {
                try sql.query("""
                    INSERT INTO limit_counters (bucket, slot, count) VALUES (\(bucket), \(slot), \(amount))
                    ON CONFLICT (bucket, slot) DO UPDATE SET count = limit_counters.count + EXCLUDED.count
                    RETURNING count
                    """)
            }
            if Int.random(in: 0..<1_000) == 0 { try sql.query("DELETE FROM limit_counters WHERE slot < \(slot - 2)") }   // old windows, now and then
            return !rows.isEmpty
        }
    }

    public func count(of bucket: String, slot: Int64) throws -> Int64 {
        try readyForCounting().withConnection { sql in
            try sql.query("SELECT count FROM limit_counters WHERE bucket = \(bucket) AND slot = \(slot)").first.map { try $0.decode(Int64.self) } ?? 0
        }
    }
}
