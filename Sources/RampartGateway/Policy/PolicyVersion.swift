import Foundation
import RampartGuard
import RampartStore

/// One version of the guard's policy: a constitution, and optionally a stage-1 model of its own,
/// named by a content hash and a human version, with who proposed it and, once promoted, the
/// evaluation it passed.
///
/// The constitution travels as its YAML text (it may `extends: builtin`), so every replica on the
/// store judges with exactly the same one. A model travels as a path and its version: the file
/// (`rampart guard train --out`, 5 MB) must be at that path on every replica, and a replica that
/// finds another file there refuses the version and keeps judging with the one it has.
public struct PolicyVersion: Codable, Sendable, Hashable {
    /// The constitution's ``Constitution/contentHash``, or with a model of its own, the SHA-256 of
    /// that hash and the model's version.
    public var hash: String
    /// The human version: the constitution's `version:`.
    public var version: String
    /// The constitution's YAML text, or `builtin` for the one shipped in the binary.
    public var constitution: String
    /// The stage-1 model file judged with, when not the binary's own.
    public var modelPath: String?
    /// That model's version (its header's), checked when the file is loaded.
    public var modelVersion: String?
    public var proposedAt: Date
    public var proposedBy: String
    /// What the promotion's gates measured, once it was promoted.
    public var evaluation: PolicyEvaluation?

    /// The version for `constitution` as parsed from `yaml`, judged with the model `model` (at
    /// `modelPath`) or, without one, the binary's own.
    public init(constitution parsed: Constitution, yaml: String, model: (path: String, version: String)? = nil, proposedBy: String,
                at date: Date = Date()) {
        hash = model.map { AuditChain.sha256(parsed.contentHash + "\n" + $0.version) } ?? parsed.contentHash
        version = parsed.version
        constitution = yaml
        modelPath = model?.path
        modelVersion = model?.version
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

    /// The classifier this version judges with: its own model, checked against the version
    /// recorded, or the binary's.
    public func classifier() throws -> Stage1Classifier {
        guard let modelPath else { return try Stage1Classifier.bundled() }
        guard let data = FileManager.default.contents(atPath: modelPath) else {
            throw PolicyError(message: "policy \(version) judges with the model \(modelPath), which cannot be read here")
        }
        let model = try Stage1Model(data: data)
        guard model.header.version == modelVersion else {
            throw PolicyError(message: "policy \(version) judges with model \(modelVersion ?? "?"), but \(modelPath) holds model \(model.header.version)")
        }
        return Stage1Classifier(model: model)
    }

    /// How audit events name it.
    public var stamp: AuditEvent.PolicyStamp {
        AuditEvent.PolicyStamp(version: version, hash: String(hash.prefix(16)), model: modelVersion)
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
