import Testing

@testable import RampartGuard

/// The calibration's quantile estimates, against values computed independently with SciPy
/// (`scipy.special.betainc`, `scipy.stats.mstats.hdquantiles`).
@Suite struct QuantileEstimateTests {
    @Test(arguments: [
        (0.5, 2.0, 3.0, 0.6875),
        (0.99, 457.3, 1.53, 0.02815654969569461),
        (0.995, 457.3, 1.53, 0.21178136444860118),
        (0.3, 0.5, 0.5, 0.36901011956554536),
        (0.9, 10.0, 2.0, 0.6973568802000002),
    ])
    func computesTheBetaDistributionsCumulativeProbability(x: Double, a: Double, b: Double, expected: Double) {
        #expect(abs(QuantileEstimate.regularizedIncompleteBeta(x, a, b) - expected) < 1e-9)
    }

    @Test func weighsTheTopOrderStatisticsForAHighQuantile() {
        let evenlySpread = (1...458).map { Float($0) / 458 }
        #expect(abs(QuantileEstimate.harrellDavis(evenlySpread, 1 - 0.01 / 3) - 0.9977142751467941) < 1e-5)
        #expect(abs(QuantileEstimate.harrellDavis([0.1, 0.2, 0.4, 0.8, 0.9], 0.9) - 0.8719738679847197) < 1e-5)
        // At this quantile of 458 values the top score weighs 0.417 (then 0.314, 0.154, 0.068…),
        // so raising it by 9 raises the estimate by 3.75, where the order statistic (the second
        // highest) would not move and a change of the second highest alone would move it all.
        var withOutlier = evenlySpread
        withOutlier[withOutlier.count - 1] = 10
        let moved = QuantileEstimate.harrellDavis(withOutlier, 1 - 0.01 / 3) - QuantileEstimate.harrellDavis(evenlySpread, 1 - 0.01 / 3)
        #expect(abs(moved - 3.7498) < 1e-3)
        #expect(QuantileEstimate.orderStatistic(withOutlier, 1 - 0.01 / 3) == QuantileEstimate.orderStatistic(evenlySpread, 1 - 0.01 / 3))
    }

    @Test func fallsBackToTheOrderStatisticAtTheEdges() {
        #expect(QuantileEstimate.harrellDavis([], 0.99) == 0.5)
        #expect(QuantileEstimate.harrellDavis([0.7], 0.99) == 0.7)
        #expect(QuantileEstimate.harrellDavis([0.1, 0.9], 1) == 0.9)
        #expect(QuantileEstimate.orderStatistic([0.1, 0.2, 0.3, 0.4], 0.5) == 0.3)
    }
}
