import Foundation

/// A virtual key created at run time (`POST /admin/keys`, `rampart keys create`) and kept in the
/// store: who it belongs to, what it may use, and its life. Never holds the secret — only its
/// SHA-256 and the secret's last four characters, so people can tell keys apart.
public struct ManagedKey: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var tenant: String?
    /// Attributes for access rules, as a configured key's.
    public var attributes: [String: [String]]
    /// The aliases it may use; empty: any alias access rules allow.
    public var aliases: [String]
    /// Lower-case hex SHA-256 of the secret.
    public var secretDigest: String
    /// The secret's last four characters.
    public var hint: String
    public var createdAt: Date
    public var createdBy: String
    public var expiresAt: Date?
    public var revokedAt: Date?
    /// The key this one replaced by rotation.
    public var replaces: String?
    /// Its own limits (docs/limits.md), as a configured key's.
    public var limits: Limits?

    /// Why the key cannot be used at `date`, or nil when it can.
    public func refusal(at date: Date = Date()) -> String? {
        if let revokedAt, revokedAt <= date { return "revoked" }
        if let expiresAt, expiresAt <= date { return "expired" }
        return nil
    }

    /// The principal requests with this key are served as.
    var principal: Principal {
        Principal(keyID: id, tenant: tenant, attributes: attributes, aliases: aliases.isEmpty ? nil : Set(aliases), limits: limits)
    }
}
