import Foundation
import RampartStore

/// Where a candidate policy, judging in shadow, disagreed with the active one: what
/// `rampart policy shadow-report` prints. Built from the trail's `shadow` events, so it covers
/// every replica and keeps examples' text only as the store's text policy did.
public struct ShadowReport: Codable, Sendable {
    /// A request the two policies judged differently.
    public struct Example: Codable, Sendable {
        public var time: Date
        public var requestID: String?
        public var alias: String?
        public var tenant: String?
        public var active: String
        public var candidate: String
        public var category: String?
        /// The prompt as kept (`redacted` or `full`), or its SHA-256 (`hash`).
        public var text: String?
    }

    public var candidate: AuditEvent.PolicyStamp?
    public var from: Date
    public var to: Date
    /// Requests the candidate judged.
    public var judged: Int
    /// Of those, judged the same by both.
    public var agreed: Int
    /// Requests the candidate would block and the active policy does not, by the candidate's top category.
    public var newlyBlocked: [String: Int]
    /// Requests the active policy blocks and the candidate would not, by the active policy's top category.
    public var noLongerBlocked: [String: Int]
    /// Every change of verdict, as `active→candidate` (`flag→block`).
    public var changes: [String: Int]
    /// Up to `exampleLimit` disagreements, newest first.
    public var examples: [Example]

    /// The report for `candidate` (every candidate when `nil`) from the trail's `events`.
    public init(events: [AuditEvent], candidate: AuditEvent.PolicyStamp?, from: Date, to: Date, exampleLimit: Int = 20) {
        self.candidate = candidate
        self.from = from
        self.to = to
        let shadows = events.filter { event in
            event.kind == .shadow && event.time >= from && event.time < to && event.guardRecords.count == 2
                && (candidate == nil || event.policy?.hash == candidate?.hash)
        }
        judged = shadows.count
        var agreed = 0
        var newlyBlocked: [String: Int] = [:]
        var noLongerBlocked: [String: Int] = [:]
        var changes: [String: Int] = [:]
        var examples: [Example] = []
        for event in shadows.sorted(by: { $0.time > $1.time }) {
            let (active, shadow) = (event.guardRecords[0], event.guardRecords[1])
            guard active.verdict != shadow.verdict else {
                agreed += 1
                continue
            }
            changes["\(active.verdict)→\(shadow.verdict)", default: 0] += 1
            let category: String?
            if shadow.verdict == "block" {
                category = Self.top(shadow)
                newlyBlocked[category ?? "unknown", default: 0] += 1
            } else if active.verdict == "block" {
                category = Self.top(active)
                noLongerBlocked[category ?? "unknown", default: 0] += 1
            } else {
                category = Self.top(shadow) ?? Self.top(active)
            }
            if examples.count < exampleLimit {
                examples.append(Example(time: event.time, requestID: event.requestID, alias: event.alias, tenant: event.tenant,
                                        active: active.verdict, candidate: shadow.verdict, category: category,
                                        text: event.prompt.map { $0.text ?? "sha256:\($0.sha256)" }))
            }
        }
        self.agreed = agreed
        self.newlyBlocked = newlyBlocked
        self.noLongerBlocked = noLongerBlocked
        self.changes = changes
        self.examples = examples
    }

    /// The category a guard record scored highest.
    private static func top(_ record: AuditEvent.GuardRecord) -> String? {
        record.categories.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// For people.
    public var text: String {
        var lines = ["shadow report for \(candidate.map { "candidate \($0.version) (\($0.hash))" } ?? "every candidate"), "
                     + "\(from.formatted(.iso8601)) to \(to.formatted(.iso8601))",
                     "judged \(judged) requests in shadow; agreed on \(agreed), disagreed on \(judged - agreed)"]
        for (title, counts) in [("would newly block", newlyBlocked), ("would no longer block", noLongerBlocked), ("verdict changes", changes)]
        where !counts.isEmpty {
            lines.append("\(title): " + counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        for example in examples {
            lines.append("  - \(example.time.formatted(.iso8601)) \(example.requestID ?? "?") \(example.active)→\(example.candidate)"
                         + " [\(example.category ?? "?")] \(example.text ?? "(text not kept)")")
        }
        return lines.joined(separator: "\n")
    }
}
