import Foundation
import RampartGateway
import RampartRedTeam
import RampartStore

/// The periodic picture (`rampart report posture --since 7d`): traffic, what the guard blocked
/// and why, which known attack techniques showed up, how the providers held up, and the open
/// incidents. Built from the audit trail and the incident record only.
public struct PostureReport: Sendable, Codable {
    public var from: Date
    public var to: Date
    public var requests: Int
    public var byOutcome: [String: Int]
    public var byAlias: [String: Int]
    /// The ten tenants with the most requests.
    public var topTenants: [String: Int]
    public var promptTokens: Int
    public var completionTokens: Int
    /// Requests blocked, refused or halted by the guard, by the category that decided.
    public var blocksByCategory: [String: Int]
    /// Requests whose stored text carries a red-team technique's wording, by technique (only where text was kept).
    public var techniquesSeen: [String: Int]
    public var requestsWithText: Int
    /// Failed requests by route and error code, and requests served after a fallback.
    public var failuresByRoute: [String: Int]
    public var fallbacks: Int
    public var openIncidents: [String]
    /// Each target's latest canary run in the period (docs/canaries.md).
    public var canaries: [CanaryResult]
    /// Requests and blocks over the period, for the HTML chart.
    public var series: [RiskHTML.Point]

    public init(events: [AuditEvent], incidents: [Incident], from: Date, to: Date) {
        let requests = events.filter { $0.kind == .request }
        self.from = from
        self.to = to
        self.requests = requests.count
        byOutcome = Self.count(requests) { $0.outcome.rawValue }
        byAlias = Self.count(requests) { $0.alias }
        topTenants = Dictionary(uniqueKeysWithValues: Self.count(requests) { $0.tenant }.sorted { $0.value > $1.value }.prefix(10).map { ($0.key, $0.value) })
        promptTokens = requests.reduce(0) { $0 + ($1.usage?.promptTokens ?? 0) }
        completionTokens = requests.reduce(0) { $0 + ($1.usage?.completionTokens ?? 0) }
        blocksByCategory = Self.count(requests.filter { [.blocked, .halted].contains($0.outcome) }) { event in
            let record = event.guardRecords.first { ["block", "refuse", "halt"].contains($0.action ?? "") }
            return record.flatMap { $0.categories.max { $0.value < $1.value }?.key } ?? record?.direction ?? "policy"
        }
        let texts = requests.compactMap { $0.prompt?.text }
        requestsWithText = texts.count
        let fingerprints = TechniqueLibrary.all.compactMap(TechniqueFingerprint.init)
        var seen: [String: Int] = [:]
        for text in texts {
            let shingles = TechniqueFingerprint.shingles(of: text)
            for fingerprint in fingerprints where fingerprint.coverage(shingles) >= 0.5 { seen[fingerprint.techniqueID, default: 0] += 1 }
        }
        techniquesSeen = seen
        failuresByRoute = Self.count(requests.filter { $0.outcome == .failed }) { "\($0.route ?? $0.alias ?? "?") \($0.errorCode ?? "")" }
        fallbacks = requests.filter { $0.fallbackReason != nil }.count
        openIncidents = incidents.filter { $0.status != .resolved }.map { "\($0.id) \($0.severity.rawValue): \($0.title)" }
        canaries = Dictionary(grouping: events.compactMap(CanaryResult.init(event:)), by: \.target)
            .compactMap { $0.value.max { $0.time < $1.time } }.sorted { $0.target < $1.target }
        series = RiskHTML.series(events, window: DateInterval(start: from, end: max(from, to)))
    }

    public var markdown: String {
        var lines = ["# Posture \(from.formatted(.iso8601)) to \(to.formatted(.iso8601))", "",
                     "## Traffic", "", "\(requests) requests; \(promptTokens) prompt and \(completionTokens) completion tokens.",
                     "- by outcome: \(Self.list(byOutcome))", "- by alias: \(Self.list(byAlias))", "- top tenants: \(Self.list(topTenants))", "",
                     "## Blocked by the guard", "", blocksByCategory.isEmpty ? "Nothing." : Self.list(blocksByCategory), "",
                     "## Attack techniques seen", ""]
        lines.append(requestsWithText == 0 ? "No prompt text was kept (store.text none or hash), so techniques cannot be recognised."
                     : techniquesSeen.isEmpty ? "None recognised in \(requestsWithText) prompts." : Self.list(techniquesSeen) + " (in \(requestsWithText) prompts with text)")
        lines += ["", "## Providers", "", "\(fallbacks) requests were served after a fallback.",
                  failuresByRoute.isEmpty ? "No request failed." : "Failed: " + Self.list(failuresByRoute)]
        lines += canaries.isEmpty ? ["No canary ran in the period."] : ["Latest canary run per target (benign answered, borderline answered, harmful refused):"]
            + canaries.map { run in
                "- \(run.target): \(run.benign.hits)/\(run.benign.total), \(run.borderline.hits)/\(run.borderline.total), "
                    + "\(run.harmful.hits)/\(run.harmful.total) (\(run.time.formatted(.iso8601)))"
            }
        lines += ["", "## Open incidents", ""]
        lines += openIncidents.isEmpty ? ["None."] : openIncidents.map { "- \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func count(_ events: [AuditEvent], by key: (AuditEvent) -> String?) -> [String: Int] {
        events.reduce(into: [:]) { counts, event in counts[key(event) ?? "(none)", default: 0] += 1 }
    }

    private static func list(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "—" : counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
