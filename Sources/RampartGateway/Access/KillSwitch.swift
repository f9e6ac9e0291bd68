import Foundation

/// An operator's switch that disables a provider, a target, an alias or a key — for everyone or
/// only for a tenant and/or principals with given attributes — with a reason and an optional
/// expiry (docs/routing.md, "Kill switches").
public struct KillSwitch: Codable, Sendable, Hashable {
    public enum Scope: String, Codable, Sendable, CaseIterable {
        case provider, target, alias, key
    }

    public var id: String
    public var scope: Scope
    /// The provider id, `provider/model`, alias or key id it disables.
    public var target: String
    /// Only principals of this tenant are affected, when set.
    public var tenant: String?
    /// Only principals whose attributes match all of these are affected, when not empty.
    public var attributes: [String: [String]]
    /// Only routes of these aliases are affected, when set (a target or provider taken out of some
    /// aliases only: what a canary's drift shift throws).
    public var aliases: [String]?
    public var reason: String
    public var createdAt: Date
    public var createdBy: String
    public var expiresAt: Date?
    /// When an operator lifted it.
    public var removedAt: Date?

    public init(id: String, scope: Scope, target: String, tenant: String?, attributes: [String: [String]], reason: String,
                createdAt: Date, createdBy: String, expiresAt: Date?, removedAt: Date? = nil, aliases: [String]? = nil) {
        self.id = id
        self.aliases = aliases
        self.scope = scope
        self.target = target
        self.tenant = tenant
        self.attributes = attributes
        self.reason = reason
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.expiresAt = expiresAt
        self.removedAt = removedAt
    }

    /// `active`, `expired` or `removed` at `date`.
    public func status(at date: Date) -> String {
        if removedAt != nil { return "removed" }
        if let expiresAt, expiresAt <= date { return "expired" }
        return "active"
    }

    /// Whether it is in force at `date`.
    public func isActive(at date: Date) -> Bool { status(at: date) == "active" }

    /// Whether it applies to routes of `alias`.
    public func applies(toAlias alias: String) -> Bool {
        aliases?.contains(alias) ?? true
    }

    /// Whether it applies to requests from `principal`.
    public func covers(_ principal: Principal) -> Bool {
        if let tenant, principal.tenant != tenant { return false }
        return principal.matches(all: attributes)
    }

    /// A sentence for clients and logs: what is disabled, by which switch, and why.
    public var summary: String {
        "kill switch \(id) (\(reason))"
    }
}
