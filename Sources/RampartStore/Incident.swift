import Foundation

/// Something that went wrong and needs people: a weakness a red-team run found, a kill switch
/// thrown, a provider suspending a model, or one opened by hand. It gathers the timeline, the
/// evidence and the mitigations that the risk reports are written from.
public struct Incident: Codable, Sendable, Hashable {
    public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
        case low, medium, high, critical

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case open, acknowledged, resolved
    }

    /// What an incident is about: the parts of the deployment it touches.
    public struct Scope: Codable, Sendable, Hashable {
        public var aliases: [String]
        public var tenants: [String]
        public var keys: [String]
        public var categories: [String]
        public var techniques: [String]

        public init(aliases: [String] = [], tenants: [String] = [], keys: [String] = [], categories: [String] = [],
                    techniques: [String] = []) {
            self.aliases = aliases
            self.tenants = tenants
            self.keys = keys
            self.categories = categories
            self.techniques = techniques
        }
    }

    /// One thing that happened, in order.
    public struct Entry: Codable, Sendable, Hashable {
        public var time: Date
        /// `opened`, `evidence`, `notified`, `notification_failed`, `acknowledged`, `mitigated`, `note`, `resolved`.
        public var kind: String
        public var text: String
        public var actor: String

        public init(time: Date = Date(), kind: String, text: String, actor: String) {
            self.time = time
            self.kind = kind
            self.text = text
            self.actor = actor
        }
    }

    /// Something that backs the incident up: audit events, a red-team run, a kill switch.
    public struct Evidence: Codable, Sendable, Hashable {
        /// `audit_event`, `redteam_run`, `redteam_technique`, `kill_switch`.
        public var kind: String
        public var reference: String
        public var summary: String

        public init(kind: String, reference: String, summary: String) {
            self.kind = kind
            self.reference = reference
            self.summary = summary
        }
    }

    /// A step taken to contain it, and when.
    public struct Mitigation: Codable, Sendable, Hashable {
        public var time: Date
        public var action: String
        public var actor: String
        /// The kill switch or rule that did it, when there is one.
        public var reference: String?

        public init(time: Date = Date(), action: String, actor: String, reference: String? = nil) {
            self.time = time
            self.action = action
            self.actor = actor
            self.reference = reference
        }
    }

    /// `INC-<n>`, numbered from 1 per store.
    public var id: String
    public var title: String
    public var severity: Severity
    public var status: Status
    /// What opened it: `redteam`, `kill_switch`, `manual`, …
    public var trigger: String
    public var scope: Scope
    public var owner: String?
    public var openedAt: Date
    public var acknowledgedAt: Date?
    public var resolvedAt: Date?
    public var timeline: [Entry]
    public var evidence: [Evidence]
    public var mitigations: [Mitigation]

    public init(id: String = "", title: String, severity: Severity, trigger: String, scope: Scope, openedAt: Date = Date(),
                actor: String, evidence: [Evidence] = []) {
        self.id = id
        self.title = title
        self.severity = severity
        status = .open
        self.trigger = trigger
        self.scope = scope
        self.openedAt = openedAt
        timeline = [Entry(time: openedAt, kind: "opened", text: title, actor: actor)]
        self.evidence = evidence
        mitigations = []
    }

    /// From opening to the first mitigation, when there has been one.
    public var timeToMitigate: TimeInterval? {
        mitigations.map(\.time).min().map { $0.timeIntervalSince(openedAt) }
    }

    enum CodingKeys: String, CodingKey {
        case id, title, severity, status, trigger, scope, owner, timeline, evidence, mitigations
        case openedAt = "opened_at", acknowledgedAt = "acknowledged_at", resolvedAt = "resolved_at"
    }
}
