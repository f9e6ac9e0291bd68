import Foundation
import GRDB
import Testing
@testable import RampartStore

/// The SQLite file's layout: new databases get 64 KB pages (a batch's row spans a few dozen pages,
/// not hundreds), and a database an earlier version made keeps its pages and works as before.
@Suite struct SQLiteAuditStoreTests {
    static func layout(_ store: SQLiteAuditStore) throws -> (pageSize: Int, journalMode: String) {
        try store.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0, try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "")
        }
    }

    @Test func aNewDatabaseHasLargePagesInWALMode() throws {
        let store = try SQLiteAuditStore(path: temporaryDirectory() + "/audit.db")
        let layout = try Self.layout(store)
        #expect(layout.pageSize == 65_536 && layout.journalMode == "wal")
    }

    @Test func aDatabaseWithSmallerPagesKeepsThemAndTakesEvents() throws {
        let path = temporaryDirectory() + "/audit.db"
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "PRAGMA page_size = 4096; CREATE TABLE made_earlier (x INTEGER)")
        }
        let store = try SQLiteAuditStore(path: path)
        #expect(try Self.layout(store).pageSize == 4096)
        let events = (1...3).map { JournaledEvent(event: requestEvent($0)) }
        #expect(try store.append(events).seq == 3)
        #expect(try store.verify().intact)
    }
}
