import Foundation

/// Estimates of a quantile from a sample, for calibrating thresholds on a few hundred benign
/// prompts.
///
/// A head's threshold is a high quantile of its benign scores (a third of 1 % of false alarms per
/// head). On 458 validation prompts the order statistic at that quantile is the second-highest
/// score, so one prompt decides the threshold and every retraining moves it. The Harrell–Davis
/// estimate weighs the top few order statistics instead (0.42, 0.31, 0.15, 0.07… from the top at
/// that quantile), and varies less between resamples of the same prompts (docs/guard.md,
/// "Thresholds from a weighted quantile").
public enum QuantileEstimate {
    /// The order statistic at `q` of `sorted` (ascending), rounding the position up. 0.5 for an
    /// empty sample.
    public static func orderStatistic(_ sorted: [Float], _ q: Double) -> Float {
        guard !sorted.isEmpty else { return 0.5 }
        let position = min(Int((Double(sorted.count - 1) * q).rounded(.up)), sorted.count - 1)
        return sorted[position]
    }

    /// The Harrell–Davis estimate of the `q` quantile of `sorted` (ascending): the mean of the order
    /// statistics, the i-th of n weighted by the chance that a Beta((n + 1)q, (n + 1)(1 − q))
    /// variable falls in ((i − 1)/n, i/n]. It lies between the lowest and highest value; at
    /// `q` of 0 or 1, or with fewer than two values, it is the order statistic.
    public static func harrellDavis(_ sorted: [Float], _ q: Double) -> Float {
        let count = sorted.count
        guard count > 1, q > 0, q < 1 else { return orderStatistic(sorted, q) }
        let a = Double(count + 1) * q
        let b = Double(count + 1) * (1 - q)
        var estimate = 0.0
        var below = 0.0
        for (index, value) in sorted.enumerated() {
            let upTo = index == count - 1 ? 1 : regularizedIncompleteBeta(Double(index + 1) / Double(count), a, b)
            estimate += (upTo - below) * Double(value)
            below = upTo
        }
        return Float(estimate)
    }

    /// I_x(a, b), the Beta(a, b) distribution's cumulative probability at `x`, by its continued
    /// fraction (evaluated with the modified Lentz method) on the side of the mean where it
    /// converges quickly.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logPowers - logBeta)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a, b) / a
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    /// The continued fraction of I_x(a, b) without its front factor.
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var fraction = d
        for m in 1...1_000 {
            let m = Double(m)
            // The even step, then the odd step, of the fraction's terms.
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            fraction *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            fraction *= step
            if abs(step - 1) < 1e-12 { break }
        }
        return fraction
    }
}
