import ArgumentParser
import Foundation
import Logging
import RampartGateway
import RampartStore

/// `rampart incidents …`: the incident record of a configuration's store.
struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List, open, acknowledge and resolve incidents.",
        discussion: """
            Incidents are kept in the configuration's store (store.url) and opened by hand, by a thrown kill switch, \
            or by `rampart redteam --open-incidents` when a run finds a broad or universal weakness. Each change is \
            sent to the escalation routes the configuration names and recorded in the incident's timeline.
            """,
        subcommands: [List.self, Show.self, Open.self, Acknowledge.self, Resolve.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List incidents, newest first.")
        @OptionGroup var common: StoreOptions
        @Option(help: "Only incidents in this status: open, acknowledged or resolved.")
        var status: Incident.Status?

        func run() async throws {
            let desk = try common.desk()
            let incidents = try desk.store.incidents(status: status)
            if common.json {
                Swift.print("[" + (try incidents.map(IncidentJSON.encode)).joined(separator: ",") + "]")
            } else {
                for incident in incidents {
                    Swift.print("\(incident.id)  \(incident.severity.rawValue)  \(incident.status.rawValue)  \(incident.openedAt.formatted(.iso8601))  \(incident.title)")
                }
            }
            await desk.shutdown()
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one incident with its timeline.")
        @OptionGroup var common: StoreOptions
        @Argument(help: ArgumentHelp("The incident (INC-n).", valueName: "id"))
        var id: String

        func run() async throws {
            let desk = try common.desk()
            let incident = try desk.store.incident(id: id)
            await desk.shutdown()
            guard let incident else {
                printError("There is no incident '\(id)'.")
                throw ExitCode(2)
            }
            try common.print(incident)
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open an incident by hand.")
        @OptionGroup var common: StoreOptions
        @Option(help: "What happened, in a line.")
        var title: String
        @Option(help: "low, medium, high or critical.")
        var severity: Incident.Severity = .medium
        @Option(help: ArgumentHelp("Aliases, tenants, categories concerned: alias:NAME, tenant:NAME, category:ID (repeat).", valueName: "item"))
        var scope: [String] = []

        func run() async throws {
            var incidentScope = Incident.Scope()
            for item in scope {
                let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError("--scope takes alias:NAME, tenant:NAME, key:ID or category:ID; got '\(item)'") }
                switch parts[0] {
                case "alias": incidentScope.aliases.append(parts[1])
                case "tenant": incidentScope.tenants.append(parts[1])
                case "key": incidentScope.keys.append(parts[1])
                case "category": incidentScope.categories.append(parts[1])
                default: throw ValidationError("--scope takes alias:NAME, tenant:NAME, key:ID or category:ID; got '\(item)'")
                }
            }
            let desk = try common.desk()
            let incident = try await desk.open(Incident(title: title, severity: severity, trigger: "manual", scope: incidentScope, actor: common.actor))
            await desk.shutdown()
            try common.print(incident)
        }
    }

    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an incident and take (or give) ownership.")
        @OptionGroup var common: StoreOptions
        @Argument(help: ArgumentHelp("The incident (INC-n).", valueName: "id"))
        var id: String
        @Option(help: "Who owns it from now (default: --actor).")
        var owner: String?

        func run() async throws {
            let desk = try common.desk()
            let incident = try await desk.acknowledge(id, actor: common.actor, owner: owner)
            await desk.shutdown()
            try common.print(incident)
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve an incident with a closing note.")
        @OptionGroup var common: StoreOptions
        @Argument(help: ArgumentHelp("The incident (INC-n).", valueName: "id"))
        var id: String
        @Option(help: "What was done and why it is over.")
        var note: String

        func run() async throws {
            let desk = try common.desk()
            let incident = try await desk.resolve(id, actor: common.actor, note: note)
            await desk.shutdown()
            try common.print(incident)
        }
    }

    /// An incident in a few lines, timeline included.
    static func describe(_ incident: Incident) -> String {
        var lines = ["\(incident.id): \(incident.title)",
                     "  severity \(incident.severity.rawValue), \(incident.status.rawValue), opened \(incident.openedAt.formatted(.iso8601)) by \(incident.trigger)"
                         + (incident.owner.map { ", owner \($0)" } ?? "")]
        let scope = incident.scope
        let parts = [("aliases", scope.aliases), ("tenants", scope.tenants), ("keys", scope.keys), ("categories", scope.categories),
                     ("techniques", scope.techniques)].filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.joined(separator: ", "))" }
        if !parts.isEmpty { lines.append("  scope: " + parts.joined(separator: "; ")) }
        if let ttm = incident.timeToMitigate { lines.append("  time to mitigate: \(Int(ttm.rounded())) s") }
        for evidence in incident.evidence { lines.append("  evidence: \(evidence.kind) \(evidence.reference): \(evidence.summary)") }
        for entry in incident.timeline { lines.append("  \(entry.time.formatted(.iso8601))  \(entry.kind)  \(entry.text)  (\(entry.actor))") }
        return lines.joined(separator: "\n")
    }
}

extension Incident.Status: ExpressibleByArgument {}
extension Incident.Severity: ExpressibleByArgument {}

extension StoreOptions {
    /// The desk for the configuration's store; the caller shuts it down.
    func desk() throws -> IncidentDesk {
        let (configuration, store) = try open()
        return IncidentDesk(store: store, escalation: configuration.escalation, logger: Logger(label: "rampart.incidents"))
    }

    func print(_ incident: Incident) throws {
        Swift.print(json ? try IncidentJSON.encode(incident) : IncidentsCommand.describe(incident))
    }
}
