import Foundation
import RampartGateway
import RampartGuard
import RampartStore

/// The formats a risk report is written in.
public enum RiskReportFormat: String, Sendable, CaseIterable {
    /// Markdown.
    case md
    /// The report's data: the incident and its blast radius, or the posture's numbers.
    case json
    /// A self-contained page with a chart of traffic and blocks over time.
    case html
}

/// Writes the risk reports from the audit trail, the incidents and the configuration: what
/// `rampart report` prints and `GET /admin/incidents/{id}/report` and `GET /admin/reports/posture`
/// answer, so that both say the same.
///
/// Reading is synchronous and may take a while on a large trail (every event in the window is
/// read, and an incident's techniques are hunted for in the text kept); callers on an event loop
/// run it elsewhere.
public struct RiskReportWriter: Sendable {
    public let config: RampartConfig
    public let store: any AuditStore & IncidentStore
    /// What stored text is replayed through when hunting for an incident's techniques.
    public let hunt: RetroHunt

    public init(config: RampartConfig, store: any AuditStore & IncidentStore, classifier: Stage1Classifier,
                constitution: Constitution = ConstitutionLoader.builtin()) {
        self.config = config
        self.store = store
        hunt = RetroHunt(classifier: classifier, constitution: constitution)
    }

    /// How reports, hunts and their parts are written as JSON: snake_case keys, sorted, ISO 8601 times.
    public static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// One incident for `audience`, looking at traffic from `lookBack` seconds before it opened.
    public func incident(_ incident: Incident, audience: IncidentReport.Audience, format: RiskReportFormat,
                         lookBack: TimeInterval, now: Date = Date()) throws -> String {
        let window = DateInterval(start: incident.openedAt.addingTimeInterval(-lookBack), end: max(now, incident.openedAt))
        let events = try store.events(from: window.start, to: window.end)
        let hunts = incident.scope.techniques.compactMap { technique in
            (try? HuntDetector.parse("technique:\(technique)", constitution: hunt.constitution))
                .map { hunt.run(events, detector: $0, from: window.start, to: window.end) }
        }
        let radius = BlastRadius.assess(incident, config: config, events: events, window: window, hunts: hunts)
        switch format {
        case .json:
            let incidentJSON = try JSONSerialization.jsonObject(with: Data(try IncidentJSON.encode(incident).utf8))
            let radiusJSON = try JSONSerialization.jsonObject(with: Self.jsonEncoder.encode(radius))
            let object: [String: Any] = ["audience": audience.rawValue, "incident": incidentJSON, "blast_radius": radiusJSON]
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n"
        case .md, .html:
            let markdown = IncidentReport.markdown(incident, radius: radius, textPolicy: config.store.text, audience: audience)
            guard format == .html else { return markdown }
            return RiskHTML.page(title: "\(incident.id) (\(audience.rawValue))", markdown: markdown, series: RiskHTML.series(events, window: window))
        }
    }

    /// Traffic, blocks by category, attack techniques seen, provider health and open incidents
    /// over the `period` seconds before `now`.
    public func posture(period: TimeInterval, format: RiskReportFormat, now: Date = Date()) throws -> String {
        let start = now.addingTimeInterval(-period)
        let report = PostureReport(events: try store.events(from: start, to: now), incidents: try store.incidents(status: nil), from: start, to: now)
        switch format {
        case .json: return String(decoding: try Self.jsonEncoder.encode(report), as: UTF8.self) + "\n"
        case .html: return RiskHTML.page(title: "Rampart posture", markdown: report.markdown, series: report.series)
        case .md: return report.markdown
        }
    }
}
