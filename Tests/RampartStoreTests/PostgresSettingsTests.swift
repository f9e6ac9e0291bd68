import Foundation
import Testing
@testable import RampartStore

@Suite struct PostgresSettingsTests {
    @Test func urlsAreReadWithLibpqDefaults() throws {
        let plain = try PostgresSettings.parse("postgres://rampart:s3cret@db.internal:6432/audit?sslmode=disable")
        #expect(plain.configuration.host == "db.internal" && plain.configuration.port == 6432)
        #expect(plain.configuration.username == "rampart" && plain.configuration.password == "s3cret" && plain.configuration.database == "audit")
        #expect(!plain.configuration.tls.isAllowed && plain.display == "postgres://rampart:***@db.internal:6432/audit?sslmode=disable")

        let defaults = try PostgresSettings.parse("postgresql://")
        #expect(defaults.configuration.host == "localhost" && defaults.configuration.port == 5432)
        #expect(defaults.configuration.username == "postgres" && defaults.configuration.database == "postgres")
        #expect(defaults.configuration.tls.isAllowed && !defaults.configuration.tls.isEnforced, "prefer, as libpq")

        let socket = try PostgresSettings.parse("postgres://app@/rampart?host=/var/run/postgresql")
        #expect(socket.configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432")
        let escaped = try PostgresSettings.parse("postgres://app:p%40ss%2Fword@h/db?sslmode=require")
        #expect(escaped.configuration.password == "p@ss/word" && escaped.configuration.tls.isEnforced)
    }

    @Test(arguments: [
        ("postgres://h/db?sslmode=sometimes", "sslmode must be"),
        ("postgres://h/db?pool_size=4", "unknown parameter 'pool_size'"),
        ("postgres://h/db?connect_timeout=soon", "connect_timeout"),
    ])
    func wrongURLsAreRejectedWithTheReason(url: String, reason: String) {
        #expect { try StoreLocation.parse(url) } throws: { ($0 as? StoreError)?.message.contains(reason) == true }
    }

    @Test func anUnreachableServerFailsEachCallWithAMessageThatHidesThePassword() throws {
        let store = try PostgresAuditStore(url: "postgres://rampart:hunter2@127.0.0.1:1/audit?connect_timeout=2")
        #expect { try store.head() } throws: { error in
            let message = (error as? StoreError)?.message ?? ""
            return message.contains("cannot reach PostgreSQL at postgres://rampart:***@127.0.0.1:1/audit") && !message.contains("hunter2")
        }
    }
}
