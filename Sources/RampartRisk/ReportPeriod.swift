import Foundation

/// A period as people write it on the command line and in report URLs: a positive number and a
/// unit, `m` (minutes), `h`, `d` or `w` — `30d`, `12h`, `2w`, `1.5h`.
public enum ReportPeriod {
    /// The period's length in seconds, or `nil` when `text` is not one.
    public static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let value = Double(text.dropLast()), value > 0, value.isFinite else { return nil }
        switch unit {
        case "m": return value * 60
        case "h": return value * 3_600
        case "d": return value * 86_400
        case "w": return value * 604_800
        default: return nil
        }
    }
}
