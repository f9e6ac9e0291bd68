import ArgumentParser
import Foundation
import RampartGateway
import RampartGuard
import RampartRisk
import RampartStore

/// `rampart report …`: risk reports from the audit trail and incidents.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write risk reports from the audit trail and incidents.",
        subcommands: [IncidentReportCommand.self, PostureReportCommand.self]
    )

    /// How reports, hunts and their parts are printed as JSON: snake_case keys, sorted, ISO 8601 times.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// `rampart report posture`.
struct PostureReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posture",
        abstract: "Traffic, blocks by category, attack techniques seen, provider health and open incidents over a period.",
        discussion: "Exit codes: 0 written, 2 the store cannot be read."
    )

    @Option(help: ArgumentHelp("The configuration whose store to read.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The period: 7d, 24h, 2w.", valueName: "age"))
    var since = "7d"

    @Option(help: "md, json or html (a self-contained page with a chart of traffic and blocks over time).")
    var format = "md"

    func validate() throws {
        guard ["md", "json", "html"].contains(format) else { throw ValidationError("--format must be md, json or html") }
        guard HuntCommand.duration(since) != nil else { throw ValidationError("--since must be like 7d, 24h or 2w; got '\(since)'") }
    }

    func run() throws {
        let configuration = try AuditCommand.configuration(config)
        let end = Date()
        let start = end.addingTimeInterval(-(HuntCommand.duration(since) ?? 0))
        let report: PostureReport
        do {
            let store = try AuditRecorder.openStore(configuration)
            report = PostureReport(events: try store.events(from: start, to: end), incidents: try store.incidents(status: nil), from: start, to: end)
        } catch {
            printError("Cannot read the store: \(error)")
            throw ExitCode(2)
        }
        if format == "json" {
            print(try ReportCommand.json(report))
        } else if format == "html" {
            print(RiskHTML.page(title: "Rampart posture", markdown: report.markdown, series: report.series))
        } else {
            print(report.markdown, terminator: "")
        }
    }
}

/// `rampart report incident ID`.
struct IncidentReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "One incident for executives, legal or engineering: impact, timeline, exposure, mitigation.",
        discussion: """
            The blast radius comes from the configuration (aliases in scope, their targets, the keys and tenants \
            their access rules let in) and the audit trail (requests to those aliases in the window, and those that \
            carried the incident's techniques, where text was kept). Reach (narrow, broad, universal) comes from the \
            incident's red-team evidence.

              rampart report incident INC-3 --config rampart.yaml --audience exec
              rampart report incident INC-3 --audience engineering --format json

            Exit codes: 0 written, 2 the incident or the store cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("The incident (INC-n).", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The configuration whose store and aliases to use.", valueName: "file"))
    var config: String?

    @Option(help: "exec, legal or engineering.")
    var audience: IncidentReport.Audience = .engineering

    @Option(help: "md, json or html (a self-contained page with a chart of traffic and blocks over time).")
    var format = "md"

    @Option(help: ArgumentHelp("How far before the incident opened to look at traffic: 30d, 12h, 2w.", valueName: "age"))
    var since = "30d"

    func validate() throws {
        guard ["md", "json", "html"].contains(format) else { throw ValidationError("--format must be md, json or html") }
        guard HuntCommand.duration(since) != nil else { throw ValidationError("--since must be like 30d, 12h or 2w; got '\(since)'") }
    }

    func run() throws {
        let configuration = try AuditCommand.configuration(config)
        let store: any AuditStore & IncidentStore
        let incident: Incident
        do {
            store = try AuditRecorder.openStore(configuration)
            guard let found = try store.incident(id: id) else {
                printError("There is no incident '\(id)'.")
                throw ExitCode(2)
            }
            incident = found
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("Cannot read the store: \(error)")
            throw ExitCode(2)
        }
        let window = DateInterval(start: incident.openedAt.addingTimeInterval(-(HuntCommand.duration(since) ?? 0)),
                                  end: max(Date(), incident.openedAt))
        let events = (try? store.events(from: window.start, to: window.end)) ?? []
        let hunt = RetroHunt(classifier: try GuardCLI.classifier(nil), constitution: ConstitutionLoader.builtin())
        let hunts = incident.scope.techniques.compactMap { technique in
            (try? HuntDetector.parse("technique:\(technique)", constitution: hunt.constitution))
                .map { hunt.run(events, detector: $0, from: window.start, to: window.end) }
        }
        let radius = BlastRadius.assess(incident, config: configuration, events: events, window: window, hunts: hunts)
        if format == "json" {
            let encoder = ReportCommand.encoder
            let incidentJSON = try JSONSerialization.jsonObject(with: Data(try IncidentJSON.encode(incident).utf8))
            let radiusJSON = try JSONSerialization.jsonObject(with: encoder.encode(radius))
            let object: [String: Any] = ["audience": audience.rawValue, "incident": incidentJSON, "blast_radius": radiusJSON]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
        } else {
            let markdown = IncidentReport.markdown(incident, radius: radius, textPolicy: configuration.store.text, audience: audience)
            print(format == "html" ? RiskHTML.page(title: "\(incident.id) (\(audience.rawValue))", markdown: markdown,
                                                   series: RiskHTML.series(events, window: window)) : markdown, terminator: "")
        }
    }
}

extension IncidentReport.Audience: ExpressibleByArgument {}
