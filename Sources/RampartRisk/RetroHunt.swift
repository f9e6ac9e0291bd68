import Foundation
import RampartGuard
import RampartStore

/// A retro-hunt: stored traffic replayed through today's guard (or a detector for a newly found
/// attack) to say whether, how often, by whom and with what outcome it was already used.
///
/// Only request events are hunted. Events stored without prompt text (`store.text: none` or
/// `hash`) can be matched by an exact `text:` detector only; the report counts them so that a
/// hunt that could not look is never mistaken for one that found nothing.
public struct RetroHunt: Sendable {
    public let classifier: Stage1Classifier
    public let constitution: Constitution

    public init(classifier: Stage1Classifier, constitution: Constitution) {
        self.classifier = classifier
        self.constitution = constitution
    }

    /// Hunts `events` with `detector`.
    public func run(_ events: [AuditEvent], detector: HuntDetector, from start: Date, to end: Date) -> HuntReport {
        let requests = events.filter { $0.kind == .request }
        var report = HuntReport(detector: detector.description, from: start, to: end, requests: requests.count)
        let exactHash = if case .text(let text) = detector { AuditChain.sha256(text) } else { nil as String? }
        for event in requests {
            let text = event.prompt?.text
            if text == nil { report.withoutText += 1 }
            guard let evidence = match(event, text: text, detector: detector, exactHash: exactHash) else { continue }
            report.add(HuntMatch(event: event, evidence: evidence, excerpt: text.map { String($0.prefix(160)) }))
        }
        return report
    }

    /// Why `event` matches, or nil.
    private func match(_ event: AuditEvent, text: String?, detector: HuntDetector, exactHash: String?) -> String? {
        switch detector {
        case .text(let wanted):
            if event.prompt?.sha256 == exactHash { return "the prompt is exactly the text (same SHA-256)" }
            return text.flatMap { $0.localizedCaseInsensitiveContains(wanted) ? "the prompt contains the text" : nil }
        case .category(let id):
            guard let text else { return nil }
            let verdict = GuardVerdict(stage1: classifier, text: text, constitution: constitution)
            return verdict.categories.first { $0.id == id && !$0.uncertain }.map { "the guard now finds \(id) at \($0.score)" }
        case .technique(let fingerprint):
            guard let text else { return nil }
            let coverage = fingerprint.coverage(text)
            return coverage >= 0.5 ? "\(Int((coverage * 100).rounded())) % of \(fingerprint.techniqueID)'s wording" : nil
        case .newlyCaught:
            guard let text, event.guardRecords.first(where: { $0.direction == "input" })?.verdict ?? "allow" == "allow" else { return nil }
            let verdict = GuardVerdict(stage1: classifier, text: text, constitution: constitution)
            guard verdict.verdict != .allow else { return nil }
            return "allowed when stored; now \(verdict.verdict.rawValue): \(verdict.categories.filter { !$0.uncertain }.map(\.id).joined(separator: ", "))"
        }
    }
}

/// What a retro-hunt found.
public struct HuntReport: Sendable, Codable {
    public var detector: String
    public var from: Date
    public var to: Date
    /// Request events in the range.
    public var requests: Int
    /// Of those, events stored without prompt text (only an exact `text:` match can find them).
    public var withoutText = 0
    public var matches = 0
    /// Matches the gateway answered (outcome `ok`): the ones that may have worked.
    public var answered = 0
    public var byTenant: [String: Int] = [:]
    public var byKey: [String: Int] = [:]
    public var byAlias: [String: Int] = [:]
    public var byOutcome: [String: Int] = [:]
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// The first matches, oldest first.
    public var examples: [HuntMatch] = []

    static let maxExamples = 20

    init(detector: String, from: Date, to: Date, requests: Int) {
        self.detector = detector
        self.from = from
        self.to = to
        self.requests = requests
    }

    mutating func add(_ match: HuntMatch) {
        matches += 1
        if match.outcome == AuditEvent.Outcome.ok.rawValue { answered += 1 }
        byTenant[match.tenant ?? "(none)", default: 0] += 1
        byKey[match.keyID ?? "(none)", default: 0] += 1
        byAlias[match.alias ?? "(none)", default: 0] += 1
        byOutcome[match.outcome, default: 0] += 1
        firstSeen = min(firstSeen ?? match.time, match.time)
        lastSeen = max(lastSeen ?? match.time, match.time)
        if examples.count < Self.maxExamples { examples.append(match) }
    }
}

/// One stored request a hunt matched.
public struct HuntMatch: Sendable, Codable {
    public var requestID: String?
    public var time: Date
    public var keyID: String?
    public var tenant: String?
    public var alias: String?
    public var outcome: String
    public var evidence: String
    public var excerpt: String?

    init(event: AuditEvent, evidence: String, excerpt: String?) {
        requestID = event.requestID
        time = event.time
        keyID = event.keyID
        tenant = event.tenant
        alias = event.alias
        outcome = event.outcome.rawValue
        self.evidence = evidence
        self.excerpt = excerpt
    }
}
