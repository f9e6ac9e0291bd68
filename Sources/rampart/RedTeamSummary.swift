import Foundation
import RampartRedTeam

/// How `rampart redteam` prints a report for people.
enum RedTeamSummary {
    /// What `rampart redteam --record` keeps in the store: the run's numbers per technique and
    /// the incident it opened — not its attempts (they hold harmful text).
    struct Recorded: Encodable {
        var recordedAt = Date()
        var target: String
        var seed: UInt64
        var goals: Int
        var controls: Int
        var attackSuccess: Proportion
        var blocked: Proportion
        var controlRefusal: Proportion
        var errors: Int
        var techniques: [RunAnalysis.TechniqueSummary]
        var incident: String?

        init(_ report: RedTeamReport, incident: String?) {
            target = report.target
            seed = report.seed
            goals = report.goals
            controls = report.controls
            attackSuccess = report.analysis.attackSuccess
            blocked = report.analysis.blocked
            controlRefusal = report.analysis.controlRefusal
            errors = report.analysis.errors
            techniques = report.analysis.techniques
            self.incident = incident
        }
    }

    static func text(_ report: RedTeamReport) -> String {
        let analysis = report.analysis
        var lines = [
            "red team against \(report.target), seed \(report.seed)",
            "attack success \(share(analysis.attackSuccess)); blocked by the gateway \(share(analysis.blocked)); "
                + "benign controls refused \(share(analysis.controlRefusal)); errors \(analysis.errors)",
            "",
            pad("technique", 26) + pad("success (95% CI)", 28) + pad("goals", 9) + pad("categories", 12) + "reach",
        ]
        for technique in analysis.techniques {
            lines.append(pad(technique.technique, 26) + pad(share(technique.success), 28)
                         + pad("\(technique.goalsBroken)/\(technique.goalsTried)", 9)
                         + pad("\(technique.categoriesBroken.count)/\(technique.categoriesTried)", 12) + technique.reach.rawValue)
        }
        let thresholds = analysis.thresholds
        lines.append(String(format: "reach: universal = at least %.0f%% of goals and %.0f%% of categories (and %d categories); broad = at least %.0f%% of goals in %d or more categories; narrow = any other success",
                            thresholds.universalGoalShare * 100, thresholds.universalCategoryShare * 100, thresholds.universalMinCategories,
                            thresholds.broadGoalShare * 100, thresholds.broadMinCategories))
        lines.append("")
        lines.append("success by category")
        for cell in analysis.categories { lines.append("  " + pad(cell.category, 24) + share(cell.success)) }
        if !analysis.strongest.isEmpty {
            lines.append("")
            lines.append("strongest attacks")
            for record in analysis.strongest.prefix(5) {
                lines.append("  [\(record.chain.joined(separator: " → "))] \(record.goalID): \(record.reason)")
            }
        }
        if let diff = report.baseline {
            lines.append("")
            lines.append("against the baseline: attack success \(share(diff.attackSuccessBefore)) → \(share(diff.attackSuccessAfter))")
            for change in diff.changes where change.regression || change.improvement {
                let before = change.before.map(share) ?? "—"
                let after = change.after.map(share) ?? "—"
                lines.append("  \(change.regression ? "REGRESSION" : "improved  ") \(change.technique): \(before) → \(after)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func share(_ proportion: Proportion) -> String {
        String(format: "%.1f%% (%d/%d, %.1f–%.1f%%)", proportion.rate * 100, proportion.successes, proportion.trials,
               proportion.low * 100, proportion.high * 100)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
