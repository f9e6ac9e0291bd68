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

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try RiskReportWriter.jsonEncoder.encode(value), as: UTF8.self)
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
    var format: RiskReportFormat = .md

    func validate() throws {
        guard ReportPeriod.seconds(since) != nil else { throw ValidationError("--since must be like 7d, 24h or 2w; got '\(since)'") }
    }

    func run() throws {
        let configuration = try AuditCommand.configuration(config)
        let classifier = try GuardCLI.classifier(nil)
        let text: String
        do {
            let writer = RiskReportWriter(config: configuration, store: try AuditRecorder.openStore(configuration), classifier: classifier)
            text = try writer.posture(period: ReportPeriod.seconds(since) ?? 0, format: format)
        } catch {
            printError("Cannot read the store: \(error)")
            throw ExitCode(2)
        }
        print(text, terminator: "")
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
    var format: RiskReportFormat = .md

    @Option(help: ArgumentHelp("How far before the incident opened to look at traffic: 30d, 12h, 2w.", valueName: "age"))
    var since = "30d"

    func validate() throws {
        guard ReportPeriod.seconds(since) != nil else { throw ValidationError("--since must be like 30d, 12h or 2w; got '\(since)'") }
    }

    func run() throws {
        let configuration = try AuditCommand.configuration(config)
        let store: any RampartDatabase
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
        let writer = RiskReportWriter(config: configuration, store: store, classifier: try GuardCLI.classifier(nil))
        do {
            print(try writer.incident(incident, audience: audience, format: format,
                                      lookBack: ReportPeriod.seconds(since) ?? 0), terminator: "")
        } catch {
            printError("Cannot read the store: \(error)")
            throw ExitCode(2)
        }
    }
}

extension IncidentReport.Audience: ExpressibleByArgument {}

extension RiskReportFormat: ExpressibleByArgument {}
