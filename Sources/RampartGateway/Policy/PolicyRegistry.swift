import Foundation
import RampartGuard
import RampartStore

/// Policy versions and their changes, kept in the store so that every replica judges with the
/// same policy (`rampart policy …`, docs/policy.md).
///
/// Versions are records of kind `policy_version` (by hash); changes are records of kind
/// `policy_change`, appended and never rewritten, so that two replicas or two operators changing
/// the policy at once cannot lose each other's change: the state is the changes folded in order.
public struct PolicyRegistry: Sendable {
    static let versionKind = "policy_version"
    static let changeKind = "policy_change"

    private let store: any SharedRecordStore

    public init(store: any SharedRecordStore) {
        self.store = store
    }

    /// A number that moves whenever the policy changes: read it to notice a change cheaply.
    public func changeVersion() throws -> Int64 {
        try store.version(of: Self.changeKind)
    }

    /// Every version proposed, by hash.
    public func versions() throws -> [String: PolicyVersion] {
        let bodies = try store.records(of: Self.versionKind).bodies
        return Dictionary(try bodies.map { body in
            let version = try Self.decoder.decode(PolicyVersion.self, from: Data(body.utf8))
            return (version.hash, version)
        }, uniquingKeysWith: { _, latest in latest })
    }

    /// Every change, oldest first (in the order they were written: their times have whole seconds only).
    public func history() throws -> [PolicyChange] {
        try store.records(of: Self.changeKind).bodies.map { try Self.decoder.decode(PolicyChange.self, from: Data($0.utf8)) }
    }

    /// Which versions are active and candidate now.
    public func selection() throws -> PolicySelection {
        let state = Self.fold(try history())
        let versions = try versions()
        return PolicySelection(active: state.active.flatMap { versions[$0] }, candidate: state.candidate.flatMap { versions[$0] })
    }

    /// Makes the constitution in `yaml` the candidate, judged in shadow beside the active policy;
    /// with `modelPath`, judged with the stage-1 model in that file (which must be at the same path
    /// on every replica) instead of the binary's.
    public func propose(yaml: String, modelPath: String? = nil, actor: String, note: String? = nil) throws -> PolicyVersion {
        let constitution: Constitution
        do {
            constitution = try ConstitutionLoader.parse(yaml: yaml, source: "the proposed constitution")
        } catch {
            throw PolicyError(message: "\(error)")
        }
        let model = try modelPath.map { path -> (path: String, version: String) in
            guard let data = FileManager.default.contents(atPath: path) else { throw PolicyError(message: "cannot read the model \(path)") }
            do {
                return (path, try Stage1Model(data: data).header.version)
            } catch {
                throw PolicyError(message: "\(path) is not a stage-1 model: \(error)")
            }
        }
        var version = PolicyVersion(constitution: constitution, yaml: yaml, model: model, proposedBy: actor)
        if let existing = try versions()[version.hash] { version = existing }
        let current = Self.fold(try history())
        if version.hash == current.active {
            throw PolicyError(message: "this constitution (\(version.version), \(version.hash.prefix(16))) is already the active policy")
        }
        try put(version)
        try record(PolicyChange(at: Date(), actor: actor, action: .propose, version: version.hash, previous: current.active, note: note))
        return version
    }

    /// Makes the candidate the active policy, with the evaluation it passed.
    public func promote(actor: String, evaluation: PolicyEvaluation?, note: String? = nil) throws -> PolicyVersion {
        let current = Self.fold(try history())
        guard let hash = current.candidate, var candidate = try versions()[hash] else {
            throw PolicyError(message: "there is no candidate to promote; propose one first (rampart policy propose FILE)")
        }
        candidate.evaluation = evaluation
        try put(candidate)
        try record(PolicyChange(at: Date(), actor: actor, action: .promote, version: hash, previous: current.active, note: note))
        return candidate
    }

    /// Makes the policy active before the current one active again (the configuration's
    /// constitution when the current one was the first promoted); returns it, `nil` for the
    /// configuration's.
    public func rollback(actor: String, note: String? = nil) throws -> PolicyVersion? {
        let current = Self.fold(try history())
        guard let active = current.active else {
            throw PolicyError(message: "nothing has been promoted: the configuration's constitution is active, there is nothing to roll back to")
        }
        let previous = current.earlier.last ?? nil
        try record(PolicyChange(at: Date(), actor: actor, action: .rollback, version: previous ?? "configuration", previous: active, note: note))
        return try previous.flatMap { try versions()[$0] }
    }

    /// Stops judging the candidate in shadow.
    public func withdraw(actor: String, note: String? = nil) throws {
        guard let candidate = Self.fold(try history()).candidate else { throw PolicyError(message: "there is no candidate to withdraw") }
        try record(PolicyChange(at: Date(), actor: actor, action: .withdraw, version: candidate, previous: nil, note: note))
    }

    /// The state the changes add up to, and the actives before the current one (for rollback).
    static func fold(_ changes: [PolicyChange]) -> (active: String?, candidate: String?, earlier: [String?]) {
        var active: String?
        var candidate: String?
        var earlier: [String?] = []
        for change in changes {
            switch change.action {
            case .propose:
                candidate = change.version
            case .promote:
                earlier.append(active)
                active = change.version
                if candidate == change.version { candidate = nil }
            case .rollback:
                active = earlier.popLast() ?? nil
            case .withdraw:
                if candidate == change.version { candidate = nil }
            }
        }
        return (active, candidate, earlier)
    }

    private func put(_ version: PolicyVersion) throws {
        _ = try store.put(kind: Self.versionKind, id: version.hash, body: String(decoding: try Self.encoder.encode(version), as: UTF8.self))
    }

    private func record(_ change: PolicyChange) throws {
        let id = "\(Int64(change.at.timeIntervalSince1970 * 1_000_000))-\(RandomHex.make(bytes: 4))"
        _ = try store.put(kind: Self.changeKind, id: id, body: String(decoding: try Self.encoder.encode(change), as: UTF8.self))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// The policy versions a gateway judges with: the active one (`nil`: the configuration's
/// constitution) and the candidate judged in shadow beside it.
public struct PolicySelection: Sendable, Hashable {
    public var active: PolicyVersion?
    public var candidate: PolicyVersion?

    public init(active: PolicyVersion? = nil, candidate: PolicyVersion? = nil) {
        self.active = active
        self.candidate = candidate
    }
}

/// A policy change that cannot be made, with the reason.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
