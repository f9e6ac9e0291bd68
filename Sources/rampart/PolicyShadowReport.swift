import ArgumentParser
import Foundation
import RampartGateway
import RampartRisk
import RampartStore

/// `rampart policy shadow-report`.
struct ShadowReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow-report",
        abstract: "Where the candidate, judging in shadow, disagreed with the active policy: counts per category and examples.",
        discussion: "Examples show the prompt only when store.text kept it (redacted or full), otherwise its SHA-256."
    )

    @Option(help: ArgumentHelp("How far back: 24h, 7d (default: since the candidate was proposed).", valueName: "age"))
    var since: String?

    @OptionGroup var common: StoreOptions

    func validate() throws {
        if let since, ReportPeriod.seconds(since) == nil { throw ValidationError("--since must be like 24h, 7d or 90m; got '\(since)'") }
    }

    func run() throws {
        let (_, store) = try common.open()
        let registry = PolicyRegistry(store: store)
        let now = Date()
        let report: ShadowReport = try PolicyCommand.change {
            let candidate = try registry.selection().candidate
            let proposed = try registry.history().last { $0.action == .propose && $0.version == candidate?.hash }?.at
            let from = since.flatMap(ReportPeriod.seconds).map { now.addingTimeInterval(-$0) } ?? proposed ?? now.addingTimeInterval(-86_400)
            return ShadowReport(events: try store.events(of: .shadow, from: from, to: now.addingTimeInterval(1)), candidate: candidate?.stamp,
                                from: from, to: now.addingTimeInterval(1))
        }
        print(common.json ? try ReportCommand.json(report) : report.text)
    }
}
