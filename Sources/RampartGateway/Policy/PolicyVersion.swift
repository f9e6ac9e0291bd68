import Foundation
import RampartGuard
import RampartStore

/// One version of the guard's policy: a constitution, named by its content hash and a human
/// version, with who proposed it and, once promoted, the evaluation it passed.
///
/// The constitution travels as its YAML text (it may `extends: builtin`), so every replica on the
/// store judges with exactly the same policy. The stage-1 model is the binary's own; its version
/// is recorded beside the constitution's so that an audit event names both.
public struct PolicyVersion: Codable, Sendable, Hashable {
    /// The constitution's ``Constitution/contentHash``: what audit events record.
    public var hash: String
    /// The human version: the constitution's `version:`.
    public var version: String
    /// The constitution's YAML text, or `builtin` for the one shipped in the binary.
    public var constitution: String
    public var proposedAt: Date
    public var proposedBy: String
    /// What the promotion's gates measured, once it was promoted.
    public var evaluation: PolicyEvaluation?

    /// The version for `constitution` as parsed from `yaml`.
    public init(constitution parsed: Constitution, yaml: String, proposedBy: String, at date: Date = Date()) {
        hash = parsed.contentHash
        version = parsed.version
        constitution = yaml
        proposedAt = date
        self.proposedBy = proposedBy
    }

    /// The built-in constitution as a version: what is active before anything is promoted.
    public static var builtin: PolicyVersion {
        PolicyVersion(constitution: ConstitutionLoader.builtin(), yaml: "builtin", proposedBy: "rampart", at: Date(timeIntervalSince1970: 0))
    }

    /// The constitution this version holds.
    public func parsed() throws(ConstitutionError) -> Constitution {
        constitution == "builtin" ? ConstitutionLoader.builtin() : try ConstitutionLoader.parse(yaml: constitution, source: "policy \(version)")
    }

    /// How audit events name it.
    public var stamp: AuditEvent.PolicyStamp {
        AuditEvent.PolicyStamp(version: version, hash: String(hash.prefix(16)))
    }
}

/// Which version judges traffic, which one is being tried beside it, and every change.
public struct PolicyState: Codable, Sendable, Hashable {
    /// The active version's hash; `nil`: the configuration's constitution.
    public var active: String?
    /// The candidate's hash: judged in shadow beside the active one.
    public var candidate: String?
    public var history: [PolicyChange] = []

    public init() {}
}

/// One change of the policy, for `rampart policy history`.
public struct PolicyChange: Codable, Sendable, Hashable {
    public enum Action: String, Codable, Sendable {
        case propose, promote, rollback, withdraw
    }

    public var at: Date
    public var actor: String
    public var action: Action
    /// The version's hash the change made active or candidate (for `withdraw`, the one withdrawn).
    public var version: String
    /// What was active before (for `promote` and `rollback`).
    public var previous: String?
    public var note: String?
}

/// What a candidate measured on labelled data before it was promoted.
public struct PolicyEvaluation: Codable, Sendable, Hashable {
    /// The labelled file and split.
    public var data: String
    /// Share of harmful, attack and injection rows the policy blocks.
    public var recall: Double
    /// Share of benign rows it blocks.
    public var falsePositiveRate: Double
    public var examples: Int
    /// Each gate with its result, e.g. `recall ≥ 90 %: 93.1 % — pass`.
    public var gates: [String]
    public var passed: Bool
}
