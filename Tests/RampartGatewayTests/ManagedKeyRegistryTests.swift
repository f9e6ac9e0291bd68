import Foundation
import Testing
import RampartStore
import RampartWire
@testable import RampartGateway

@Suite struct ManagedKeyRegistryTests {
    func store() throws -> SQLiteAuditStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-keys-\(UUID().uuidString)").path
        return try SQLiteAuditStore(path: directory + "/rampart.db")
    }

    @Test func aKeyWorksUntilItIsRevokedEverywhereAtOnce() async throws {
        let database = try store()
        let here = ManagedKeyRegistry(store: database), elsewhere = ManagedKeyRegistry(store: database)   // two replicas
        #expect(await here.hasKeys() == false)
        let (key, secret) = try here.create(name: "app", tenant: "acme", attributes: ["tier": ["gold"]], aliases: ["assistant"],
                                            expiresAt: nil, actor: "test")
        #expect(secret.hasPrefix("rk-") && key.hint == String(secret.suffix(4)) && !key.secretDigest.contains(secret))
        let principal = try await elsewhere.principal(forSecret: secret)
        #expect(principal == Principal(keyID: key.id, tenant: "acme", attributes: ["tier": ["gold"]], aliases: ["assistant"]))
        #expect(try await elsewhere.principal(forSecret: "rk-unknown") == nil)

        #expect(try here.revoke(id: key.id)?.revokedAt != nil)
        await #expect { try await elsewhere.principal(forSecret: secret) } throws: { ($0 as? RampartError)?.code == "rampart_key_revoked" }
        #expect(try here.revoke(id: key.id) == nil, "already revoked")
    }

    @Test func expiredKeysAreRefusedAndRotationKeepsTheOldOneForItsGrace() async throws {
        let keys = ManagedKeyRegistry(store: try store())
        let (short, shortSecret) = try keys.create(name: nil, tenant: nil, attributes: [:], aliases: [], expiresAt: Date().addingTimeInterval(-1),
                                                   actor: "test")
        #expect(short.refusal() == "expired")
        await #expect { try await keys.principal(forSecret: shortSecret) } throws: { ($0 as? RampartError)?.code == "rampart_key_expired" }

        let (old, oldSecret) = try keys.create(name: "ci", tenant: "beta", attributes: [:], aliases: [], expiresAt: nil, actor: "test")
        let rotated = try #require(try keys.rotate(id: old.id, grace: .seconds(60), actor: "test"))
        #expect(rotated.key.replaces == old.id && rotated.key.tenant == "beta" && rotated.secret != oldSecret)
        #expect(try await keys.principal(forSecret: oldSecret)?.keyID == old.id, "still works during the grace period")
        #expect(try await keys.principal(forSecret: rotated.secret)?.keyID == rotated.key.id)
        #expect(try keys.list().first { $0.id == old.id }?.expiresAt.map { $0 <= Date().addingTimeInterval(61) } == true)
        #expect(try keys.rotate(id: "key_missing", grace: .seconds(1), actor: "test") == nil)
    }
}
