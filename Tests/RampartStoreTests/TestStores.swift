import Foundation
import GRDB
import Logging
@testable import RampartStore

/// The databases the store suites run against: SQLite always, and PostgreSQL when
/// `RAMPART_TEST_POSTGRES_URL` names a server to create test databases on (`scripts/test.sh` starts
/// one; in CI it is required, so a missing server fails the suite instead of skipping it).
enum StoreKind: String, CustomStringConvertible, Sendable {
    case sqlite, postgres

    static var all: [StoreKind] {
        let environment = ProcessInfo.processInfo.environment
        return environment["RAMPART_TEST_POSTGRES_URL"] != nil || environment["CI"] == "true" ? [.sqlite, .postgres] : [.sqlite]
    }

    var description: String { rawValue }

    /// A new, empty store of this kind: its own SQLite file, or its own PostgreSQL database.
    func makeStore() throws -> TestStore {
        switch self {
        case .sqlite:
            let path = temporaryDirectory() + "/audit.db"
            return TestStore(url: "sqlite://" + path, store: try SQLiteAuditStore(path: path)) { sql in
                try DatabaseQueue(path: path).write { try $0.execute(sql: sql) }
            }
        case .postgres:
            let url = try Self.createPostgresDatabase()
            let session = PostgresSession(settings: try PostgresSettings.parse(url), logger: Logger(label: "test"))
            return TestStore(url: url, store: try PostgresAuditStore(url: url)) { sql in
                try session.withConnection { try $0.run(sql) }
            }
        }
    }

    /// Creates a database named for this test on the server `RAMPART_TEST_POSTGRES_URL` names and
    /// returns its URL.
    private static func createPostgresDatabase() throws -> String {
        guard let server = ProcessInfo.processInfo.environment["RAMPART_TEST_POSTGRES_URL"],
              var components = URLComponents(string: server) else {
            throw StoreError("RAMPART_TEST_POSTGRES_URL is not set: CI runs the store suites against PostgreSQL (scripts/test.sh starts one)")
        }
        let name = "rampart_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = PostgresSession(settings: try PostgresSettings.parse(server), logger: Logger(label: "test"))
        try admin.withConnection { try $0.run("CREATE DATABASE \(name)") }
        admin.close()
        components.path = "/" + name
        return components.string!
    }
}

/// A fresh store and a way to change its rows behind its back.
struct TestStore {
    var url: String
    var store: any RampartDatabase
    /// Runs SQL on the store's database directly, as someone tampering with it would.
    var tamper: (String) throws -> Void
}
