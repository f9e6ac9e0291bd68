import Foundation

/// A red-team report as one self-contained HTML page (no scripts, no external files): the
/// headline numbers, attack success by technique and by category as bar charts with their 95 %
/// intervals, the universality map (technique × category), the strongest attacks and, with a
/// baseline, the regressions. Meant for a security lead who does not use the CLI.
public enum HTMLReport {
    public static func render(_ report: RedTeamReport) -> String {
        let analysis = report.analysis
        var body = """
            <h1>Red-team report</h1>
            <p class="meta">Target <b>\(escape(report.target))</b> · seed \(report.seed) · \(report.goals) goals × \
            \(report.techniques.count) techniques · \(report.controls) benign controls</p>
            <div class="cards">
            \(card("Attack success", analysis.attackSuccess))
            \(card("Blocked by the gateway", analysis.blocked))
            \(card("Benign controls refused", analysis.controlRefusal))
            </div>
            <h2>Attack success by technique</h2>
            \(bars(analysis.techniques.map { ($0.technique, $0.success, $0.reach) }))
            <p class="note">\(escape(thresholdText(analysis.thresholds)))</p>
            <h2>Attack success by category</h2>
            \(bars(analysis.categories.map { ($0.category, $0.success, nil) }))
            <h2>Universality map</h2>
            \(universalityMap(analysis))
            """
        if !analysis.strongest.isEmpty {
            body += "<h2>Strongest attacks</h2><table><tr><th>chain</th><th>goal</th><th>why it counts</th><th>prompt (start)</th></tr>"
            for record in analysis.strongest {
                body += "<tr><td>\(escape(record.chain.joined(separator: " → ")))</td><td>\(escape(record.goalID))</td>"
                    + "<td>\(escape(record.reason))</td><td class=\"excerpt\">\(escape(record.promptExcerpt))</td></tr>"
            }
            body += "</table>"
        }
        if let diff = report.baseline {
            body += "<h2>Against the baseline</h2><p>Attack success \(percent(diff.attackSuccessBefore.rate)) → \(percent(diff.attackSuccessAfter.rate))</p><ul>"
            for change in diff.changes where change.regression || change.improvement {
                body += "<li class=\"\(change.regression ? "bad" : "good")\">\(change.regression ? "Regression" : "Improved"): "
                    + "\(escape(change.technique)) \(change.before.map { percent($0.rate) } ?? "—") → \(change.after.map { percent($0.rate) } ?? "—")</li>"
            }
            body += "</ul>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Rampart red-team report</title>
            <style>\(style)</style></head><body>\(body)</body></html>
            """
    }

    private static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1d2330;padding:0 1em}
        h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #dde;padding-bottom:.2em}
        .meta,.note{color:#556}.cards{display:flex;gap:1em}.card{flex:1;border:1px solid #dde;border-radius:8px;padding:.8em}
        .card b{font-size:1.8em;display:block}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eef;padding:.3em;text-align:left;vertical-align:top}
        .excerpt{color:#556;font-size:.9em}.bad{color:#b3261e}.good{color:#1b7f3b}svg text{font:12px system-ui,sans-serif;fill:#1d2330}
        """

    private static func card(_ title: String, _ share: Proportion) -> String {
        "<div class=\"card\">\(escape(title))<b>\(percent(share.rate))</b>\(share.successes) of \(share.trials) · 95 % CI "
            + "\(percent(share.low))–\(percent(share.high))</div>"
    }

    /// Horizontal bars with the interval as a whisker, coloured by reach when given.
    private static func bars(_ rows: [(String, Proportion, Reach?)]) -> String {
        let label = 190.0, width = 560.0, row = 22.0
        var svg = "<svg role=\"img\" width=\"\(Int(label + width + 120))\" height=\"\(Int(Double(rows.count) * row + 10))\">"
        for (index, (name, share, reach)) in rows.enumerated() {
            let y = Double(index) * row + 4
            let colour = reach.map(Self.colour) ?? "#4a6fd8"
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(escape(name))</text>"
            svg += "<rect x=\"\(label)\" y=\"\(y + 3)\" width=\"\(max(share.rate * width, 1))\" height=\"14\" fill=\"\(colour)\"/>"
            svg += "<line x1=\"\(label + share.low * width)\" x2=\"\(label + share.high * width)\" y1=\"\(y + 10)\" y2=\"\(y + 10)\" stroke=\"#1d2330\"/>"
            svg += "<text x=\"\(label + width + 8)\" y=\"\(y + 14)\">\(percent(share.rate))\(reach.map { " · \($0.rawValue)" } ?? "")</text>"
        }
        return svg + "</svg>"
    }

    /// Techniques down, categories across; each cell shaded by its success rate.
    private static func universalityMap(_ analysis: RunAnalysis) -> String {
        let techniques = analysis.techniques.map(\.technique)
        let categories = analysis.categories.map(\.category)
        let rates = Dictionary(analysis.cells.map { ("\($0.technique)|\($0.category)", $0.success.rate) }, uniquingKeysWith: { a, _ in a })
        let label = 190.0, cell = 22.0, head = 90.0
        var svg = "<svg role=\"img\" width=\"\(Int(label + Double(categories.count) * cell + 10))\" height=\"\(Int(head + Double(techniques.count) * cell + 10))\">"
        for (column, category) in categories.enumerated() {
            let x = label + Double(column) * cell + 14
            svg += "<text transform=\"translate(\(x),\(head - 4)) rotate(-60)\">\(escape(category))</text>"
        }
        for (line, technique) in techniques.enumerated() {
            let y = head + Double(line) * cell
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(escape(technique))</text>"
            for (column, category) in categories.enumerated() {
                let rate = rates["\(technique)|\(category)"] ?? 0
                svg += "<rect x=\"\(label + Double(column) * cell)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" "
                    + "fill=\"rgb(\(Int(255 - 75 * rate)),\(Int(245 - 205 * rate)),\(Int(240 - 200 * rate)))\">"
                    + "<title>\(escape(technique)) × \(escape(category)): \(percent(rate))</title></rect>"
            }
        }
        return svg + "</svg>"
    }

    private static func colour(_ reach: Reach) -> String {
        switch reach {
        case .universal: "#b3261e"
        case .broad: "#e07b00"
        case .narrow: "#d9b300"
        case .none: "#1b7f3b"
        }
    }

    static func thresholdText(_ thresholds: ReachThresholds) -> String {
        "Reach: universal = at least \(percent(thresholds.universalGoalShare)) of goals and \(percent(thresholds.universalCategoryShare)) "
            + "of categories (and at least \(thresholds.universalMinCategories) categories); broad = at least "
            + "\(percent(thresholds.broadGoalShare)) of goals in \(thresholds.broadMinCategories) or more categories; narrow = any other success."
    }

    private static func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }

    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
