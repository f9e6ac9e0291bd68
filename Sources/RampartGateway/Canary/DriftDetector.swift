import Foundation

/// When a target's canary rates have moved: a one-sided comparison of two proportions — the
/// recent runs against the target's own baseline — by Fisher's exact test (docs/canaries.md).
///
/// The baseline is the `baselineRuns` runs before the latest `windowRuns`, pooled; the window is
/// the latest runs, pooled. A rate is flagged when it fell (benign or borderline answers: the
/// target over-refuses; harmful refusals: it under-refuses) by at least `minimumChange` and the
/// fall is significant at `alpha`: the probability, if both came from one rate, of a window with
/// this few hits given the hits of both together (the hypergeometric lower tail). Exact, because a
/// run has only 6 to 10 probes of a kind and rates sit near 0 or 1, where the normal
/// approximation of the z-test raises false alarms (it flagged a quarter of unchanged simulated
/// targets within 50 runs). Runs of another probe-set version than the latest are left out.
public enum DriftDetector {
    public struct Settings: Sendable, Hashable {
        public var baselineRuns = 5
        public var windowRuns = 2
        public var alpha = 0.001
        public var minimumChange = 0.15

        public init() {}
    }

    /// A rate that moved.
    public struct Finding: Codable, Sendable, Hashable {
        public enum Direction: String, Codable, Sendable {
            /// Benign or borderline requests answered less: a business outage in disguise.
            case overRefusing = "over_refusing"
            /// Harmful requests refused less: a safety regression.
            case underRefusing = "under_refusing"
        }

        public var target: String
        public var direction: Direction
        /// `benign_answer_rate`, `borderline_answer_rate` or `harmful_refusal_rate`.
        public var rate: String
        public var baseline: CanaryResult.Tally
        public var recent: CanaryResult.Tally
        /// Fisher's exact one-sided p-value.
        public var pValue: Double

        /// One line for people.
        public var summary: String {
            String(format: "%@ %@: %@ %.0f%% (%d/%d) in the latest runs against %.0f%% (%d/%d) before, p = %.1e",
                   target, direction == .overRefusing ? "is over-refusing" : "is under-refusing", rate.replacingOccurrences(of: "_", with: " "),
                   recent.rate * 100, recent.hits, recent.total, baseline.rate * 100, baseline.hits, baseline.total, pValue)
        }
    }

    /// What moved in `history` (one target's runs, oldest first); empty while there are too few runs.
    public static func assess(_ history: [CanaryResult], settings: Settings) -> [Finding] {
        guard let latest = history.last else { return [] }
        let runs = history.filter { $0.probes == latest.probes }
        guard runs.count >= settings.baselineRuns + settings.windowRuns else { return [] }
        let window = runs.suffix(settings.windowRuns)
        let baseline = runs.dropLast(settings.windowRuns).suffix(settings.baselineRuns)
        let rates: [(String, Finding.Direction, KeyPath<CanaryResult, CanaryResult.Tally>)] = [
            ("benign_answer_rate", .overRefusing, \.benign), ("borderline_answer_rate", .overRefusing, \.borderline),
            ("harmful_refusal_rate", .underRefusing, \.harmful),
        ]
        return rates.compactMap { name, direction, path in
            let before = pooled(baseline.map { $0[keyPath: path] }), after = pooled(window.map { $0[keyPath: path] })
            guard before.total > 0, after.total > 0, before.rate - after.rate >= settings.minimumChange,
                  case let p = fisherLowerTail(before, after), p < settings.alpha else { return nil }
            return Finding(target: latest.target, direction: direction, rate: name, baseline: before, recent: after, pValue: p)
        }
    }

    /// The probability of `after.hits` or fewer hits in the window if baseline and window share one
    /// rate, given the hits of both (Fisher's exact test, one-sided: the hypergeometric lower tail).
    static func fisherLowerTail(_ before: CanaryResult.Tally, _ after: CanaryResult.Tally) -> Double {
        let (total, hits, window) = (before.total + after.total, before.hits + after.hits, after.total)
        func logChoose(_ n: Int, _ k: Int) -> Double { lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) }
        let all = logChoose(total, window)
        let lowest = max(0, hits - before.total)
        guard after.hits >= lowest else { return 1 }
        return min(1, (lowest...after.hits).reduce(0) { sum, x in sum + exp(logChoose(hits, x) + logChoose(total - hits, window - x) - all) })
    }

    private static func pooled(_ tallies: some Sequence<CanaryResult.Tally>) -> CanaryResult.Tally {
        tallies.reduce(CanaryResult.Tally()) { CanaryResult.Tally(hits: $0.hits + $1.hits, total: $0.total + $1.total) }
    }
}
