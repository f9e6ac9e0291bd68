import ArgumentParser
import Foundation
import Logging
import RampartGateway
import RampartRisk
import RampartStore

/// `rampart canary …`: provider canaries from the command line.
struct CanaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canary",
        abstract: "Probe targets with the fixed canary set and test their rates for drift; show the history.",
        discussion: """
            A running server probes on the schedule in canaries.every_s, or on POST /admin/canaries/run. This \
            command probes in its own process, through the configuration's providers, and keeps the run in the \
            configuration's store beside the server's; drift opens an incident (and, for aliases with \
            on_drift: shift, throws the kill switch that takes the target out of them) exactly as the server does.

            Exit codes: 0 no drift, 1 drift found, 2 bad input or an unusable store.
            """,
        subcommands: [Run.self, History.self]
    )

    struct Common: ParsableArguments {
        @Option(help: ArgumentHelp("The configuration whose providers and store to use.", valueName: "file"))
        var config: String?

        @Option(help: ArgumentHelp("Only this target (provider/model).", valueName: "target"))
        var target: String?

        @Option(help: ArgumentHelp("How far back the history goes: 7d, 24h.", valueName: "age"))
        var since = "7d"

        @Flag(help: "Print JSON.")
        var json = false

        func validate() throws {
            guard ReportPeriod.seconds(since) != nil else { throw ValidationError("--since must be like 7d, 24h or 90m; got '\(since)'") }
        }

        /// The configuration, its store, and the runs the store holds (oldest first).
        func history() throws -> (RampartConfig, any RampartDatabase, [CanaryResult]) {
            let configuration = try AuditCommand.configuration(config)
            do {
                let store = try AuditRecorder.openStore(configuration)
                let now = Date()
                let runs = try store.events(of: .canary, from: now.addingTimeInterval(-(ReportPeriod.seconds(since) ?? 0)), to: now.addingTimeInterval(1))
                    .compactMap(CanaryResult.init(event:)).filter { target == nil || $0.target == target }
                return (configuration, store, runs)
            } catch {
                printError("Cannot read the store: \(error)")
                throw ExitCode(2)
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Probe every target (or --target) now, keep the runs and test for drift.")

        @OptionGroup var common: Common

        func run() async throws {
            let (configuration, store, history) = try common.history()
            let logger = Logger(label: "rampart.canary")
            let gateway: Gateway
            do {
                gateway = try Gateway(config: configuration, logger: logger)
            } catch {
                printError("Cannot build the gateway: \(error)")
                throw ExitCode(2)
            }
            if let target = common.target, !gateway.targets.contains(where: { $0.description == target }) {
                printError("No alias routes to '\(target)'; targets: \(gateway.targets.map(\.description).joined(separator: ", "))")
                throw ExitCode(2)
            }
            gateway.killSwitches.share(through: store, logger: logger)   // a shift reaches every replica
            let incidents = IncidentDesk(store: store, escalation: configuration.escalation, logger: logger)
            let monitor = CanaryMonitor(gateway: { gateway }, incidents: incidents, record: { event in
                do {
                    _ = try store.append([JournaledEvent(event: event)])
                } catch {
                    logger.error("the canary run could not be stored", metadata: ["error": "\(error)"])
                }
            }, history: history, logger: logger)
            let runs = await monitor.run(target: common.target)
            let status = monitor.status().filter { status in runs.contains { $0.target == status.target } }
            await incidents.shutdown()
            gateway.killSwitches.stopSharing()
            await gateway.shutdown()
            if common.json {
                print(try ReportCommand.json(["targets": status]))
            } else {
                for result in runs { print(CanaryCommand.describe(result)) }
                for finding in status.flatMap(\.drift) { print("DRIFT \(finding.summary)") }
                for target in status where target.incident != nil {
                    print("\(target.target): opened \(target.incident!)" + (target.killSwitch.map { ", kill switch \($0) shifts its traffic" } ?? ""))
                }
            }
            if status.contains(where: { !$0.drift.isEmpty }) { throw ExitCode(1) }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each target's canary runs, oldest first.")

        @OptionGroup var common: Common

        func run() throws {
            let (_, _, history) = try common.history()
            if common.json {
                print(try ReportCommand.json(history))
                return
            }
            for result in history { print(CanaryCommand.describe(result)) }
        }
    }

    static func describe(_ result: CanaryResult) -> String {
        func share(_ tally: CanaryResult.Tally) -> String { "\(tally.hits)/\(tally.total)" }
        return "\(result.time.formatted(.iso8601))  \(result.target)  benign answered \(share(result.benign)), borderline answered "
            + "\(share(result.borderline)), harmful refused \(share(result.harmful)), errors \(result.errors), p50 \(Int(result.latencyP50Ms)) ms"
            + "  (probes \(result.probes))"
    }
}
