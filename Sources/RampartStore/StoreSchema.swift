import Foundation

/// The store's schema, migration by migration, for SQLite and PostgreSQL alike.
///
/// Both databases hold the same tables, columns and indexes under the same migration names. Each
/// migration is written once, in PostgreSQL's spelling; SQLite's is the same text with `BIGINT`
/// read as `INTEGER` (SQLite's integers are 64-bit, and `seq INTEGER PRIMARY KEY` is its row id).
/// A new migration is added at the end of ``migrations``, never by editing an applied one.
enum StoreSchema {
    struct Migration: Sendable {
        /// The name recorded once the migration is applied (GRDB's `grdb_migrations` for SQLite,
        /// `rampart_migrations` for PostgreSQL).
        var name: String
        var postgres: String

        var sqlite: String { postgres.replacingOccurrences(of: "BIGINT", with: "INTEGER") }
    }

    static let migrations: [Migration] = [
        Migration(
            name: "v1: audit events",
            postgres: """
                CREATE TABLE audit_events (
                    seq BIGINT PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL UNIQUE,
                    time_ms BIGINT NOT NULL,
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
                    seq BIGINT NOT NULL,
                    hash TEXT NOT NULL
                );
                """),
        Migration(
            name: "v2: incidents",
            postgres: """
                CREATE TABLE incidents (
                    number INTEGER PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL UNIQUE,
                    status TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    opened_ms BIGINT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX incidents_status ON incidents(status);
                """),
        Migration(
            name: "v3: shared records",
            postgres: """
                CREATE TABLE shared_records (
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (kind, id)
                );
                CREATE INDEX shared_records_version ON shared_records(kind, version);
                """),
        Migration(
            name: "v4: limit counters",
            postgres: """
                CREATE TABLE limit_counters (
                    bucket TEXT NOT NULL,
                    slot BIGINT NOT NULL,
                    count BIGINT NOT NULL,
                    PRIMARY KEY (bucket, slot)
                );
                """),
        Migration(
            name: "v5: audit batches",
            postgres: """
                CREATE TABLE audit_batches (
                    first_seq BIGINT PRIMARY KEY NOT NULL,
                    last_seq BIGINT NOT NULL,
                    first_id TEXT NOT NULL UNIQUE,
                    min_time_ms BIGINT NOT NULL,
                    max_time_ms BIGINT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hashes TEXT NOT NULL,
                    bodies TEXT NOT NULL
                );
                CREATE INDEX audit_batches_time ON audit_batches(max_time_ms);
                """),
    ]

    /// A migration's statements, one by one: each ends with `;`, and none holds a `;` inside.
    static func statements(_ script: String) -> [String] {
        script.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The columns every store reads back for ``ChainVerifier``, in this order.
    static let verifiedColumns = "seq, id, time_ms, kind, key_id, tenant, alias, outcome, body, prev_hash, hash"
}
