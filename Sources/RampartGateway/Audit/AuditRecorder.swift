import Foundation
import Logging
import RampartGuard
import RampartStore
import RampartWire

/// Turns finished requests and admin actions into audit events and hands them to the
/// ``AuditLog``, keeping prompt and response text only as `store.text` allows.
///
/// Guarantees: no API key or bearer token reaches an event (requests are known by key id and
/// tenant); under `redacted`, secrets and personal data are replaced by the guard's ``Redactor``
/// before text is kept; under `hash`, only SHA-256 digests are.
public struct AuditRecorder: Sendable {
    public let log: AuditLog
    public let textPolicy: TextPolicy
    private let redactor = Redactor()
    /// Sees every event recorded (the block-rate watch); must be quick.
    private let observer: (@Sendable (AuditEvent) -> Void)?

    public init(log: AuditLog, textPolicy: TextPolicy, observer: (@Sendable (AuditEvent) -> Void)? = nil) {
        self.log = log
        self.textPolicy = textPolicy
        self.observer = observer
    }

    /// Records how `trail`'s request ended: with `status`, and `error` when the answer was one;
    /// `cancelled` when the client went away first.
    public func finish(_ trail: RequestTrail, status: Int, error: RampartError? = nil, cancelled: Bool = false) {
        let state = trail.state.withLockedValue { $0 }
        let latency = trail.started.duration(to: .now)
        let event = AuditEvent(
            time: trail.arrived, kind: .request, requestID: trail.requestID, keyID: state.principal?.keyID, tenant: state.principal?.tenant,
            alias: state.alias, api: trail.api.rawValue, stream: state.stream, route: state.route, attempts: state.attempts,
            fallbackReason: state.fallbackReason, guardRecords: state.guardRecords, policy: state.policy,
            outcome: Self.outcome(state, error: error, cancelled: cancelled), status: status, errorCode: error?.code,
            latencyMs: ((Double(latency.components.seconds) * 1000 + Double(latency.components.attoseconds) / 1e15) * 1000).rounded() / 1000,
            usage: state.usage.map { .init(promptTokens: $0.inputTokens, completionTokens: $0.outputTokens) },
            prompt: state.prompt.flatMap(kept), response: state.answer.isEmpty ? nil : kept(state.answer))
        log.record(event)
        observer?(event)
    }

    /// Records a candidate policy's verdict on a request, judged in shadow (`rampart policy
    /// shadow-report` reads these). The prompt is kept as the text policy allows.
    public func shadow(_ judgement: ShadowJudgement) {
        log.record(AuditEvent(kind: .shadow, requestID: judgement.requestID, keyID: judgement.principal.keyID, tenant: judgement.principal.tenant,
                              alias: judgement.alias, guardRecords: [judgement.active, judgement.candidate], policy: judgement.policy,
                              outcome: .done, prompt: kept(judgement.prompt)))
    }

    /// Records an admin action.
    public func admin(_ action: String, actor: String, details: [String: String]) {
        log.record(AuditEvent(kind: .admin, outcome: .done, action: action, actor: actor, details: details))
    }

    /// `text` as the policy keeps it.
    func kept(_ text: String) -> StoredText? {
        switch textPolicy {
        case .none: return nil
        case .hash: return StoredText(sha256: AuditChain.sha256(text))
        case .full: return StoredText(sha256: AuditChain.sha256(text), text: text)
        case .redacted:
            let redaction = redactor.redact(text)
            return StoredText(sha256: AuditChain.sha256(text), text: redaction.text, redacted: !redaction.findings.isEmpty)
        }
    }

    static func outcome(_ state: RequestTrail.State, error: RampartError?, cancelled: Bool) -> AuditEvent.Outcome {
        if cancelled { return .cancelled }
        if let error {
            if error.code == "rampart_policy_violation" { return .blocked }
            let upstream = error.code.hasPrefix("rampart_upstream") || ["rampart_no_healthy_route", "rampart_deadline_exceeded"].contains(error.code)
            return upstream ? .failed : .rejected
        }
        if state.halted { return .halted }
        return state.refusedByGuard ? .blocked : .ok
    }
}

extension AuditRecorder {
    /// Opens the store `config` names and the journal in `<state_dir>/audit-journal`, stores what
    /// an earlier run left there, and starts writing.
    /// - Parameters:
    ///   - store: the store to write to (default: the one `config` names, opened here).
    ///   - observer: sees every event recorded.
    public static func open(_ config: RampartConfig, store: (any AuditStore)? = nil, logger: Logger,
                            observer: (@Sendable (AuditEvent) -> Void)? = nil) throws(StoreError) -> AuditRecorder {
        var options = AuditLog.Options()
        options.spillLimitBytes = config.store.spillMaxBytes
        options.retention = config.store.retentionDays.map { .seconds($0 * 86_400) }
        let target: any AuditStore = if let store { store } else { try openStore(config) }
        let log = try AuditLog(store: target, journalDirectory: journalDirectory(config), options: options, logger: logger)
        return AuditRecorder(log: log, textPolicy: config.store.text, observer: observer)
    }

    /// The store `config` names, opened (for `rampart audit`, `hunt`, `incidents` and the recorder).
    public static func openStore(_ config: RampartConfig) throws(StoreError) -> any RampartDatabase {
        try config.store.location(stateDirectory: config.server.stateDirectory).open()
    }

    /// Where the journal (and the chain's head file) is kept.
    public static func journalDirectory(_ config: RampartConfig) -> String {
        config.server.stateDirectory + "/audit-journal"
    }
}
