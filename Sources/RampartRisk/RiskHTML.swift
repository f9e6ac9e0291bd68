import Foundation
import RampartRedTeam
import RampartStore

/// A risk report as one self-contained HTML page (no scripts, no external files): the report's
/// Markdown rendered, and a chart of requests and guard blocks over time drawn as inline SVG.
public enum RiskHTML {
    /// One point of the chart: a time bucket's requests and how many the guard stopped.
    public struct Point: Sendable, Codable {
        public var start: Date
        public var requests: Int
        public var blocks: Int
    }

    /// `events` counted into `buckets` equal slices of `window`.
    public static func series(_ events: [AuditEvent], window: DateInterval, buckets: Int = 48) -> [Point] {
        let width = max(1, window.duration / Double(buckets))
        var points = (0..<buckets).map { Point(start: window.start.addingTimeInterval(Double($0) * width), requests: 0, blocks: 0) }
        for event in events where event.kind == .request && window.contains(event.time) {
            let index = min(buckets - 1, Int(event.time.timeIntervalSince(window.start) / width))
            points[index].requests += 1
            if [.blocked, .halted].contains(event.outcome) { points[index].blocks += 1 }
        }
        return points
    }

    public static func page(title: String, markdown: String, series: [Point]) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(HTMLReport.escape(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
        table{border-collapse:collapse}td,th{border:1px solid #ccd;padding:.3rem .6rem;text-align:left}
        pre{background:#f3f4f7;padding:.8rem;overflow-x:auto}.legend span{margin-right:1rem}</style></head><body>
        \(body(markdown, chart: chart(series)))
        </body></html>
        """
    }

    /// Requests (grey) and blocks (red) per bucket, as bars.
    static func chart(_ series: [Point]) -> String {
        guard let peak = series.map(\.requests).max(), peak > 0 else { return "<p><em>No traffic in this period.</em></p>" }
        let width = 720.0, height = 160.0, bar = width / Double(series.count)
        var shapes = ""
        for (index, point) in series.enumerated() {
            let x = Double(index) * bar
            let total = height * Double(point.requests) / Double(peak), blocked = height * Double(point.blocks) / Double(peak)
            shapes += String(format: ##"<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#b8bfcc"/>"##, x, height - total, bar * 0.8, total)
            if point.blocks > 0 {
                shapes += String(format: ##"<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#c62828"/>"##, x, height - blocked, bar * 0.8, blocked)
            }
        }
        let from = series.first.map { $0.start.formatted(.iso8601) } ?? "", to = series.last.map { $0.start.formatted(.iso8601) } ?? ""
        return """
            <h2>Traffic and blocks over time</h2><svg role="img" aria-label="requests and blocks over time" width="\(Int(width))" height="\(Int(height) + 20)">\
            \(shapes)<text x="0" y="\(Int(height) + 15)" font-size="11">\(from)</text>\
            <text x="\(Int(width))" y="\(Int(height) + 15)" font-size="11" text-anchor="end">\(to)</text></svg>
            <p class="legend"><span style="color:#8a93a6">■ requests</span><span style="color:#c62828">■ blocked or halted</span> (peak \(peak) per bucket)</p>
            """
    }

    /// The Markdown subset the reports write (headings, paragraphs, lists, tables, code fences,
    /// **bold** and `code`) as HTML, with `chart` after the title.
    static func body(_ markdown: String, chart: String) -> String {
        var html: [String] = []
        var inList = false, inTable = false, inCode = false
        func close() {
            if inList { html.append("</ul>"); inList = false }
            if inTable { html.append("</table>"); inTable = false }
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                close()
                html.append(inCode ? "</pre>" : "<pre>")
                inCode.toggle()
            } else if inCode {
                html.append(HTMLReport.escape(line))
            } else if line.hasPrefix("# ") {
                close()
                html.append("<h1>\(inline(String(line.dropFirst(2))))</h1>" + chart)
            } else if line.hasPrefix("## ") {
                close()
                html.append("<h2>\(inline(String(line.dropFirst(3))))</h2>")
            } else if line.hasPrefix("- ") {
                if !inList { close(); html.append("<ul>"); inList = true }
                html.append("<li>\(inline(String(line.dropFirst(2))))</li>")
            } else if line.hasPrefix("|") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.allSatisfy({ $0.allSatisfy { $0 == "-" } }) { continue }
                let tag = inTable ? "td" : "th"
                if !inTable { close(); html.append("<table>"); inTable = true }
                html.append("<tr>" + cells.map { "<\(tag)>\(inline($0))</\(tag)>" }.joined() + "</tr>")
            } else if line.isEmpty {
                close()
            } else {
                close()
                html.append("<p>\(inline(line))</p>")
            }
        }
        close()
        return html.joined(separator: "\n")
    }

    /// `**bold**` and `` `code` `` in an escaped line.
    static func inline(_ text: String) -> String {
        var out = "", bold = false, code = false
        var rest = Substring(HTMLReport.escape(text))
        while let first = rest.first {
            if rest.hasPrefix("**") {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                rest = rest.dropFirst(2)
            } else if first == "`" {
                out += code ? "</code>" : "<code>"
                code.toggle()
                rest = rest.dropFirst()
            } else {
                out.append(first)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
