import Crypto
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import RampartStore
import RampartWire

/// Virtual keys created at run time, kept in the store and seen by every replica on it (docs/keys.md).
///
/// Guarantees: a key revoked or expired on any replica is refused on the next request here —
/// every lookup first reads the store's version of the keys (one indexed read, off the event
/// loops) and reads the keys again when it moved. Only SHA-256 digests are stored; a secret is
/// returned once, by ``create(name:tenant:attributes:aliases:expiresAt:actor:)`` or ``rotate(id:grace:actor:)``.
/// Configured keys (`keys:` in the file) are not managed here.
public final class ManagedKeyRegistry: Sendable {
    static let recordKind = "api_key"

    private struct Cache {
        var version: Int64 = -1
        var byDigest: [String: ManagedKey] = [:]
        var checkedAt = Date.distantPast
    }

    private let store: any SharedRecordStore
    private let cache = NIOLockedValueBox(Cache())
    /// Store reads for requests run here, not on the event loops that serve them.
    private let queue = DispatchQueue(label: "rampart.managed-keys")

    public init(store: any SharedRecordStore) {
        self.store = store
    }

    /// The key whose secret is `secret`: its principal, or nil when no managed key has that secret.
    /// Throws a typed 401 for a key that was revoked or has expired, and a 503 when the store
    /// cannot be read (a key that might be revoked is not let through).
    func principal(forSecret secret: String) async throws(RampartError) -> Principal? {
        let digest = AuditChain.hex(KeyRing.digestBytes(secret))
        let key: ManagedKey?
        do {
            key = try await OffLoop.run(on: queue) { try self.refreshed().byDigest[digest] }
        } catch {
            throw RampartError(status: 503, code: "rampart_store_unavailable",
                               message: "The key cannot be checked: the key store is unreachable (\(error)). Try again shortly.")
        }
        guard let key else { return nil }
        if let refusal = key.refusal() {
            throw RampartError(status: 401, code: "rampart_key_\(refusal)",
                               message: "This API key ('\(key.id)') was \(refusal == "revoked" ? "revoked" : "set to expire") and no longer works. Ask the gateway's operator for a new one.")
        }
        return key.principal
    }

    /// Whether any managed key exists (then requests need a key even when the file configures none).
    /// Read at most once a second.
    func hasKeys() async -> Bool {
        let recent = cache.withLockedValue { Date().timeIntervalSince($0.checkedAt) < 1 ? !$0.byDigest.isEmpty : nil }
        if let recent { return recent }
        return (try? await OffLoop.run(on: queue) { !(try self.refreshed().byDigest.isEmpty) }) ?? cache.withLockedValue { !$0.byDigest.isEmpty }
    }

    /// The limits of the managed key `id`, as last read (for counting a finished request's tokens).
    func cachedLimits(of id: String) -> Limits? {
        cache.withLockedValue { $0.byDigest.values.first { $0.id == id }?.limits }
    }

    /// Every managed key, newest first.
    public func list() throws -> [ManagedKey] {
        try refreshed().byDigest.values.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    /// Creates a key and returns it with its secret, which is not kept anywhere.
    public func create(name: String?, tenant: String?, attributes: [String: [String]], aliases: [String], expiresAt: Date?,
                       limits: Limits? = nil, actor: String) throws -> (key: ManagedKey, secret: String) {
        let secret = "rk-" + RandomHex.make(bytes: 24)
        let key = ManagedKey(id: "key_" + RandomHex.make(bytes: 6), name: name, tenant: tenant, attributes: attributes, aliases: aliases,
                             secretDigest: AuditChain.hex(KeyRing.digestBytes(secret)), hint: String(secret.suffix(4)), createdAt: Date(),
                             createdBy: actor, expiresAt: expiresAt, revokedAt: nil, replaces: nil, limits: limits)
        try save(key)
        return (key, secret)
    }

    /// Revokes a key at once; nil when there is no such key or it no longer works.
    public func revoke(id: String) throws -> ManagedKey? {
        guard var key = try list().first(where: { $0.id == id }), key.refusal() == nil else { return nil }
        key.revokedAt = Date()
        try save(key)
        return key
    }

    /// A new key with the same tenant, attributes and aliases; the old one keeps working for
    /// `grace` (so clients can switch over) and then expires. Nil when there is no such key.
    public func rotate(id: String, grace: Duration, actor: String) throws -> (key: ManagedKey, secret: String)? {
        guard var old = try list().first(where: { $0.id == id }), old.refusal() == nil else { return nil }
        var (key, secret) = try create(name: old.name, tenant: old.tenant, attributes: old.attributes, aliases: old.aliases,
                                       expiresAt: old.expiresAt, limits: old.limits, actor: actor)
        key.replaces = old.id
        try save(key)
        let end = Date().addingTimeInterval(Double(grace.components.seconds))
        old.expiresAt = min(old.expiresAt ?? end, end)
        try save(old)
        return (key, secret)
    }

    private func save(_ key: ManagedKey) throws {
        let body = String(decoding: try AdminJSON.encoder.encode(key), as: UTF8.self)
        _ = try store.put(kind: Self.recordKind, id: key.id, body: body)
        _ = try refreshed()
    }

    /// The cache, read again from the store when the store's version moved.
    private func refreshed() throws -> Cache {
        let version = try store.version(of: Self.recordKind)
        if let current = cache.withLockedValue({ cache -> Cache? in
            cache.checkedAt = Date()
            return cache.version == version ? cache : nil
        }) { return current }
        let records = try store.records(of: Self.recordKind)
        var byDigest: [String: ManagedKey] = [:]
        for body in records.bodies {
            let key = try AdminEventLog.decoder.decode(ManagedKey.self, from: Data(body.utf8))
            byDigest[key.secretDigest] = key
        }
        let fresh = Cache(version: records.version, byDigest: byDigest, checkedAt: Date())
        cache.withLockedValue { $0 = fresh }
        return fresh
    }
}
