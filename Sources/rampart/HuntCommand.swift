import ArgumentParser
import Foundation
import RampartGateway
import RampartGuard
import RampartRisk
import RampartStore

/// `rampart hunt`: replays stored traffic through a detector.
struct HuntCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hunt",
        abstract: "Search stored traffic for an attack: was it used against you, how often, by whom, with what outcome?",
        discussion: """
            Reads the audit trail of the configuration's store (docs/audit.md) and matches every request in the \
            time range with the detector:
              category:ID     the guard (this build's, or --model) finds that constitution category now
              technique:ID    the prompt carries a red-team technique's fixed wording (rampart redteam --list)
              newly-caught    the guard blocks or flags it now, but it was allowed when it was stored
              text:STRING     the prompt is exactly STRING (by hash: works with store.text: hash) or contains it
            All but text: need the prompts' text: store.text redacted or full. Events stored without it are \
            counted, so that a hunt that could not look is not mistaken for one that found nothing.

              rampart hunt --config rampart.yaml --since 30d --detector technique:grandmother
              rampart hunt --since 7d --detector newly-caught --model new-stage1.model --json

            Exit codes: 0 the hunt ran (whatever it found), 2 it could not run.
            """
    )

    @Option(help: ArgumentHelp("The configuration whose store to read (default: the quickstart's, in the working directory).",
                               valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("How far back to look: 30d, 12h, 90m, 2w.", valueName: "age"))
    var since = "30d"

    @Option(help: ArgumentHelp("category:ID, technique:ID, newly-caught or text:STRING.", valueName: "detector"))
    var detector: String

    @Option(help: ArgumentHelp("A stage-1 model file to judge with instead of this build's (for category: and newly-caught).",
                               valueName: "file"))
    var model: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard ReportPeriod.seconds(since) != nil else {
            throw ValidationError("--since must be a number followed by m, h, d or w (for example 30d); got '\(since)'")
        }
        do {
            _ = try HuntDetector.parse(detector, constitution: ConstitutionLoader.builtin())
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        let age = ReportPeriod.seconds(since) ?? 0
        let configuration = try AuditCommand.configuration(config)
        let constitution = ConstitutionLoader.builtin()
        let detector: HuntDetector
        do {
            detector = try HuntDetector.parse(self.detector, constitution: constitution)
        } catch {
            throw ValidationError(error.message)
        }
        let end = Date()
        let start = end.addingTimeInterval(-age)
        let events: [AuditEvent]
        do {
            events = try AuditRecorder.openStore(configuration).events(from: start, to: end)
        } catch {
            printError("Cannot read the audit store: \(error)")
            throw ExitCode(2)
        }
        let hunt = RetroHunt(classifier: try GuardCLI.classifier(model), constitution: constitution)
        let report = hunt.run(events, detector: detector, from: start, to: end)
        if json {
            print(try ReportCommand.json(report))
        } else {
            print(Self.summary(report))
        }
    }

    static func summary(_ report: HuntReport) -> String {
        var lines = ["hunt \(report.detector), \(report.from.formatted(.iso8601)) to \(report.to.formatted(.iso8601)):",
                     "  \(report.requests) requests, \(report.matches) match(es), \(report.answered) of them answered"]
        if report.withoutText > 0 {
            lines.append("  \(report.withoutText) requests were stored without their text (store.text none or hash): only text: can match those")
        }
        if let first = report.firstSeen, let last = report.lastSeen {
            lines.append("  first seen \(first.formatted(.iso8601)), last seen \(last.formatted(.iso8601))")
        }
        for (title, counts) in [("tenants", report.byTenant), ("keys", report.byKey), ("aliases", report.byAlias), ("outcomes", report.byOutcome)]
        where !counts.isEmpty {
            lines.append("  \(title): " + counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        for match in report.examples.prefix(10) {
            lines.append("  - \(match.time.formatted(.iso8601)) \(match.requestID ?? "?") key \(match.keyID ?? "?") → \(match.outcome): \(match.evidence)")
        }
        return lines.joined(separator: "\n")
    }
}
