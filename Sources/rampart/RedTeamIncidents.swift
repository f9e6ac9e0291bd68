import Foundation
import Logging
import RampartGateway
import RampartRedTeam
import RampartStore

/// What `rampart redteam --open-incidents` opens: one incident for a run that found broad or
/// universal weaknesses — critical when any technique is universal, high when the widest is
/// broad — scoped to the alias attacked, the techniques and the categories they broke, with each
/// technique's numbers as evidence. Narrow weaknesses open nothing.
enum RedTeamIncidents {
    static func incident(for report: RedTeamReport, alias: String?, runFile: String?) -> Incident? {
        let weak = report.analysis.techniques.filter { $0.reach >= .broad }.sorted { ($0.reach, $0.success.rate) > ($1.reach, $1.success.rate) }
        guard let widest = weak.first else { return nil }
        let universal = weak.filter { $0.reach == .universal }
        let title = universal.isEmpty
            ? "Red team: \(weak.count) broad weakness(es) against \(report.target), widest \(widest.technique)"
            : "Red team: universal jailbreak against \(report.target): \(universal.map(\.technique).joined(separator: ", "))"
        let categories = Array(Set(weak.flatMap(\.categoriesBroken))).sorted()
        var evidence = weak.map { summary in
            Incident.Evidence(kind: "redteam_technique", reference: summary.technique, summary: String(
                format: "%@: %.0f%% success (%d/%d), %d of %d goals and %d of %d categories broken",
                summary.reach.rawValue, summary.success.rate * 100, summary.success.successes, summary.success.trials,
                summary.goalsBroken, summary.goalsTried, summary.categoriesBroken.count, summary.categoriesTried))
        }
        evidence.append(.init(kind: "redteam_run", reference: runFile ?? "(not saved: pass --json)", summary: String(
            format: "seed %llu, attack success %.1f%%", report.seed, report.analysis.attackSuccess.rate * 100)))
        return Incident(title: title, severity: universal.isEmpty ? .high : .critical, trigger: "redteam",
                        scope: .init(aliases: alias.map { [$0] } ?? [], categories: categories, techniques: weak.map(\.technique)),
                        actor: "rampart redteam", evidence: evidence)
    }

    /// Opens the run's incident in `config`'s store, if it has one to open; prints what it did
    /// and returns the incident's id.
    static func open(for report: RedTeamReport, config: RampartConfig, alias: String?, runFile: String?) async throws -> String? {
        guard let incident = incident(for: report, alias: alias, runFile: runFile) else {
            GuardCLI.note("no broad or universal weakness: no incident opened")
            return nil
        }
        let desk = IncidentDesk(store: try AuditRecorder.openStore(config), escalation: config.escalation, logger: RedTeamCommand.quietLogger)
        let opened = try await desk.open(incident)
        await desk.shutdown()
        GuardCLI.note("opened \(opened.id) (\(opened.severity.rawValue)): \(opened.title)")
        return opened.id
    }
}
