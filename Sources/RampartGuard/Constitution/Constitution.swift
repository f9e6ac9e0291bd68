import Crypto
import Foundation

/// A natural-language policy that drives the guard (DESIGN.md §3): categories of harm, each
/// with what is harmful, what is explicitly allowed nearby, and examples of both.
public struct Constitution: Sendable {
    /// A human version, for example `2026.11-1`.
    public var version: String
    public var categories: [ConstitutionCategory]
    /// SHA-256 of the YAML text it was read from, lower-case hex: what audit events and eval
    /// results name to say exactly which policy judged.
    public var contentHash: String

    public init(version: String, categories: [ConstitutionCategory], contentHash: String) {
        self.version = version
        self.categories = categories
        self.contentHash = contentHash
    }

    public func category(_ id: String) -> ConstitutionCategory? {
        categories.first { $0.id == id }
    }
}

/// One category of a constitution.
public struct ConstitutionCategory: Sendable, Hashable {
    /// What the category guards against: harmful content, a jailbreak attempt, or prompt injection.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case content, attack, injection
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var severity: Severity
    public var action: GuardAction
    /// What is harmful, in plain words.
    public var harmful: String
    /// What is allowed nearby and must not be refused (education, fiction, defence, harm reduction…).
    public var allowed: String
    public var harmfulExamples: [String]
    public var allowedExamples: [String]

    public init(id: String, name: String, kind: Kind, severity: Severity, action: GuardAction, harmful: String, allowed: String,
                harmfulExamples: [String], allowedExamples: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.severity = severity
        self.action = action
        self.harmful = harmful
        self.allowed = allowed
        self.harmfulExamples = harmfulExamples
        self.allowedExamples = allowedExamples
    }
}

public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high, critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What the guard does when a category trips.
public enum GuardAction: String, Sendable, Hashable, CaseIterable {
    /// A typed error (`rampart_policy_violation`).
    case block
    /// A 200 whose content is a refusal (`finish_reason: content_filter` / `stop_reason: refusal`).
    case refuse
    /// Let it pass, marked in a header and the audit trail.
    case flag
    /// Replace secrets and personal data with placeholders before the provider sees them.
    case redact
    /// Send it to the alias's `high_risk_target`.
    case routeSafer = "route_safer"
}

extension Constitution {
    /// Lower-case hex SHA-256 of `text`.
    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
