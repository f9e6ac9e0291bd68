import Foundation

/// A share with its 95 % confidence interval (Wilson score interval), which stays honest for small
/// counts and for shares near 0 or 1 where the normal approximation breaks down.
public struct Proportion: Sendable, Hashable, Codable {
    public var successes: Int
    public var trials: Int
    public var rate: Double
    public var low: Double
    public var high: Double

    public init(successes: Int, trials: Int) {
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            rate = 0
            low = 0
            high = 1
            return
        }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = 1.959964
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let margin = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        rate = p
        low = max(0, centre - margin)
        high = min(1, centre + margin)
    }
}
