import Foundation
import RampartStore

/// An incident written for one audience, in Markdown: executives get one page in plain words
/// with the decision needed; legal the timeline, the evidence, the data involved and every action
/// with its time; engineering the signals, routes, exposure, traffic and the mitigation to apply.
public enum IncidentReport {
    public enum Audience: String, Sendable, CaseIterable {
        case exec, legal, engineering
    }

    public static func markdown(_ incident: Incident, radius: BlastRadius, textPolicy: TextPolicy, audience: Audience) -> String {
        var lines = ["# \(incident.id): \(incident.title)", ""]
        lines.append("**Severity:** \(incident.severity.rawValue) · **Status:** \(incident.status.rawValue) · **Opened:** \(time(incident.openedAt))"
                     + (incident.owner.map { " · **Owner:** \($0)" } ?? ""))
        lines.append("")
        switch audience {
        case .exec: lines += exec(incident, radius)
        case .legal: lines += legal(incident, radius, textPolicy)
        case .engineering: lines += engineering(incident, radius)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func exec(_ incident: Incident, _ radius: BlastRadius) -> [String] {
        let tenants = Set(radius.aliases.flatMap(\.tenants))
        let reachWords = switch radius.reach {
        case "universal": "a **universal** weakness: the same trick works across many kinds of harmful request, so anyone who learns it can reuse it"
        case "broad": "a **broad** weakness: it works for a good share of harmful requests, in more than one area"
        case "narrow": "a **narrow** weakness: one request phrased one way"
        default: "a weakness whose reach has not been measured yet"
        }
        var lines = ["## What happened", "", "Rampart found \(reachWords).", "",
                     "## Who is affected", "",
                     "\(radius.aliases.count) model alias(es) (\(radius.aliases.map(\.alias).joined(separator: ", "))) used by \(tenants.count) customer account(s)."]
        if radius.matched > 0 {
            lines.append("The attack was already used \(radius.matched) time(s) in the period reviewed, from \(radius.matchedByTenant.count) account(s).")
        }
        lines += ["", "## Where we are", ""]
        if let ttm = incident.timeToMitigate {
            lines.append("Contained \(duration(ttm)) after it was detected.")
        } else {
            lines.append("**Not yet contained.**")
        }
        lines += ["", "## Decision needed", ""]
        if incident.mitigations.isEmpty {
            lines.append("Approve switching off \(describe(radius.isolation)) until it is fixed; that would pause about \(percent(radius.isolationCutsOff)) of current traffic.")
        } else if incident.status != .resolved {
            lines.append("None now; engineering is fixing the cause. The containment stays until they report it closed.")
        } else {
            lines.append("None: resolved.")
        }
        return lines
    }

    private static func legal(_ incident: Incident, _ radius: BlastRadius, _ textPolicy: TextPolicy) -> [String] {
        var lines = ["## Timeline (UTC)", ""]
        lines += incident.timeline.map { "- \(time($0.time)) — \($0.kind): \($0.text) (by \($0.actor))" }
        lines += ["", "## Evidence", ""]
        lines += incident.evidence.isEmpty ? ["- none attached"] : incident.evidence.map { "- \($0.kind) `\($0.reference)`: \($0.summary)" }
        lines += ["", "## Data involved", ""]
        let kept = switch textPolicy {
        case .none: "no prompt or answer text is kept"
        case .hash: "prompts and answers are kept only as SHA-256 digests"
        case .redacted: "prompts and answers are kept with secrets and personal data replaced by placeholders"
        case .full: "prompts and answers are kept as sent"
        }
        lines.append("Audit trail policy: \(kept); API keys are never stored, only key ids.")
        lines.append("Accounts exposed: \(Set(radius.aliases.flatMap(\.tenants)).sorted().joined(separator: ", ").ifEmpty("none configured")); "
                     + "accounts whose traffic matched: \(radius.matchedByTenant.keys.sorted().joined(separator: ", ").ifEmpty("none found")).")
        lines += ["", "## Actions", ""]
        lines += incident.mitigations.isEmpty ? ["- none yet"] : incident.mitigations.map { "- \(time($0.time)) — \($0.action) (by \($0.actor))" }
        return lines
    }

    private static func engineering(_ incident: Incident, _ radius: BlastRadius) -> [String] {
        var lines = ["## Signals", ""]
        lines.append("Reach: **\(radius.reach)**. Trigger: \(incident.trigger). Techniques: \(incident.scope.techniques.joined(separator: ", ").ifEmpty("—")). "
                     + "Categories: \(incident.scope.categories.joined(separator: ", ").ifEmpty("—")).")
        lines += incident.evidence.filter { $0.kind.hasPrefix("redteam") }.map { "- `\($0.reference)`: \($0.summary)" }
        lines += ["", "## Exposure (from configuration and access rules)", "",
                  "| alias | targets | keys | tenants | requests in window |", "|---|---|---|---|---|"]
        lines += radius.aliases.map { alias in
            "| \(alias.alias) | \(alias.targets.joined(separator: ", ")) | \(alias.keys.joined(separator: ", ").ifEmpty("(no keys: loopback)")) | "
                + "\(alias.tenants.joined(separator: ", ").ifEmpty("—")) | \(alias.requests) |"
        }
        lines += ["", "## Traffic that matched (\(time(radius.window.start)) to \(time(radius.window.end)))", ""]
        lines.append(radius.matched == 0 ? "No stored request matched the techniques in scope (or no text was kept to match)."
                     : radius.matchedByTenant.sorted { $0.value > $1.value }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        lines += ["", "## Mitigation", ""]
        if let ttm = incident.timeToMitigate {
            lines.append("Applied: " + incident.mitigations.map { "\($0.action) at \(time($0.time))" }.joined(separator: "; ") + ". Time to mitigate: \(duration(ttm)).")
        } else if !radius.isolation.isEmpty {
            let body = radius.isolation.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
            lines.append("Scoped kill switch (cuts off \(percent(radius.isolationCutsOff)) of the window's traffic):")
            lines += ["", "```sh", "curl -X POST $RAMPART/admin/kill-switches -H \"Authorization: Bearer $RAMPART_ADMIN_TOKEN\" \\",
                      "  -d '{\(body), \"reason\": \"\(incident.id)\"}'", "```"]
        }
        return lines
    }

    private static func describe(_ isolation: [String: String]) -> String {
        guard let target = isolation["target"] else { return "the affected models" }
        return "model \(target)" + (isolation["tenant"].map { " for account \($0)" } ?? "")
    }

    private static func time(_ date: Date) -> String { date.formatted(.iso8601) }

    private static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    private static func duration(_ seconds: TimeInterval) -> String {
        seconds < 120 ? "\(Int(seconds.rounded())) s" : seconds < 7_200 ? "\(Int((seconds / 60).rounded())) min" : "\(Int((seconds / 3_600).rounded())) h"
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
