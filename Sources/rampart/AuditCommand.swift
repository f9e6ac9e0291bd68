import ArgumentParser
import Foundation
import RampartGateway
import RampartRisk
import RampartStore

/// `rampart audit …`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the audit trail.",
        subcommands: [Verify.self, Events.self, AuditBenchCommand.self]
    )

    /// The configuration at `path`, or the quickstart's (whose store is in the working directory);
    /// exit code 2 when the file cannot be loaded.
    static func configuration(_ path: String?) throws -> RampartConfig {
        do {
            return try path.map { try ConfigLoader.load(path: $0) } ?? Quickstart.configuration(environment: [:])
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }

    /// `rampart audit verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that no audit event was edited, replaced or deleted.",
            discussion: """
                Walks the hash chain of the store the configuration names (store.url; by default \
                sqlite://<state_dir>/rampart.db): every event must carry the hash of the one before it and a \
                hash of its own body, and its indexed columns must match that body. The chain's head is also \
                compared with the one the server keeps beside its journal (<state_dir>/audit-journal/\
                audit-head.json), which shows events cut from the end. Events pruned by retention are not a \
                break: the chain then starts from the last pruned event's hash.

                Exit codes: 0 intact, 1 a break was found, 2 the store cannot be read.
                """
        )

        @Option(help: ArgumentHelp("The configuration whose store to check (default: the quickstart's, in the working directory).",
                                   valueName: "file"))
        var config: String?

        @Flag(help: "Print the result as JSON: {\"intact\", \"events\", \"head\", \"anchor\", \"problems\"}.")
        var json = false

        func run() throws {
            let configuration = try AuditCommand.configuration(config)
            var verification: AuditVerification
            do {
                verification = try AuditRecorder.openStore(configuration).verify()
            } catch {
                printError("Cannot read the audit store: \(error)")
                throw ExitCode(2)
            }
            let headFile = AuditRecorder.journalDirectory(configuration) + "/audit-head.json"
            if let data = FileManager.default.contents(atPath: headFile), let kept = try? JSONDecoder().decode(ChainHead.self, from: data),
               kept.seq > verification.head.seq {
                verification.problems.append("the store ends at seq \(verification.head.seq), but the server had written up to seq \(kept.seq) "
                                             + "(\(headFile)): events were removed from the end")
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                var object = try JSONSerialization.jsonObject(with: encoder.encode(verification)) as? [String: Any] ?? [:]
                object["intact"] = verification.intact
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            } else if verification.intact {
                print("audit trail intact: \(verification.events) events, head seq \(verification.head.seq) hash \(verification.head.hash)")
            } else {
                print("audit trail BROKEN: \(verification.problems.count) problem(s) in \(verification.events) events")
                for problem in verification.problems { print("  - \(problem)") }
            }
            if !verification.intact { throw ExitCode(1) }
        }
    }

    /// `rampart audit events`.
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print stored audit events, oldest first, as JSON Lines (their canonical bodies) or a line each.",
            discussion: "Exit codes: 0 printed, 2 the store cannot be read."
        )

        @Option(help: ArgumentHelp("The configuration whose store to read.", valueName: "file"))
        var config: String?

        @Option(help: ArgumentHelp("How far back: 30d, 12h, 90m, 2w.", valueName: "age"))
        var since = "1d"

        @Option(help: ArgumentHelp("Only this tenant's requests.", valueName: "tenant"))
        var tenant: String?

        @Option(help: ArgumentHelp("Only events with this outcome (ok, blocked, halted, rejected, failed, cancelled, done).", valueName: "outcome"))
        var outcome: String?

        @Flag(help: "Print each event's stored JSON (one per line) instead of a summary line.")
        var json = false

        func validate() throws {
            guard ReportPeriod.seconds(since) != nil else { throw ValidationError("--since must be like 1d, 12h or 90m; got '\(since)'") }
            if let outcome, AuditEvent.Outcome(rawValue: outcome) == nil {
                throw ValidationError("--outcome must be one of ok, blocked, halted, rejected, failed, cancelled, done")
            }
        }

        func run() throws {
            let configuration = try AuditCommand.configuration(config)
            let end = Date()
            let events: [AuditEvent]
            do {
                events = try AuditRecorder.openStore(configuration).events(from: end.addingTimeInterval(-(ReportPeriod.seconds(since) ?? 0)), to: end)
            } catch {
                printError("Cannot read the audit store: \(error)")
                throw ExitCode(2)
            }
            for event in events where (tenant == nil || event.tenant == tenant) && (outcome == nil || event.outcome.rawValue == outcome) {
                if json {
                    print(AuditChain.encode(event))
                } else {
                    let what = event.kind == .admin ? "\(event.action ?? "admin") by \(event.actor ?? "?")"
                        : "\(event.alias ?? "-") → \(event.route ?? "-") \(event.status.map(String.init) ?? "-")\(event.errorCode.map { " " + $0 } ?? "")"
                    print("\(AuditChain.format(event.time))  \(event.outcome.rawValue)  \(event.keyID ?? "-")/\(event.tenant ?? "-")  \(what)")
                }
            }
        }
    }
}
