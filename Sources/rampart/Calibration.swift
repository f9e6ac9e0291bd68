import RampartGuard

/// `rampart eval --target-fpr`: thresholds for the heads that decide, from labelled rows.
enum Calibration {
    /// A recalibrated model and what its thresholds rest on.
    struct Outcome {
        var model: Stage1Model
        /// Ordinary benign rows the thresholds were set on.
        var benignRows: Int
        /// How many of them the target rate lets trip a head.
        var allowedAlarms: Int
    }

    /// `model` with its deciding heads' thresholds set so that at most `targetFalsePositiveRate`
    /// of the ordinary benign rows trip any of them. The heads share the budget: the same
    /// quantile of each head's benign scores is raised until the union of their false alarms fits.
    /// No threshold goes below ``Stage1Model/minimumThreshold``, as in training. Nil when there
    /// are no ordinary benign rows to calibrate on.
    static func thresholds(_ model: Stage1Model, examples: [LabelledExample], targetFalsePositiveRate: Double) -> Outcome? {
        let classifier = Stage1Classifier(model: model)
        let benign = examples.filter { $0.response == nil && $0.label == "benign" && !$0.isBorderline }
            .map { classifier.classify($0.text).scores }
        guard !benign.isEmpty else { return nil }
        let allowed = Int((targetFalsePositiveRate * Double(benign.count)).rounded(.down))
        let heads = Stage1Model.decidingHeads
        let sorted = heads.map { head in benign.map { $0[head] ?? 0 }.sorted() }
        var quantile = 1 - targetFalsePositiveRate
        var thresholds: [Float] = []
        // Lower the per-head quantile's share of alarms until the union fits the target.
        for _ in 0..<200 {
            thresholds = sorted.map { scores in
                max(min(QuantileEstimate.orderStatistic(scores, quantile) + 1e-6, 1), Stage1Model.minimumThreshold)
            }
            let alarms = benign.filter { scores in heads.indices.contains { (scores[heads[$0]] ?? 0) >= thresholds[$0] } }.count
            if alarms <= allowed { break }
            quantile += (1 - quantile) * 0.1
        }
        var calibrated = model
        calibrated.header.version = model.header.version + "+fpr" + String(targetFalsePositiveRate)
        calibrated.header.provenance["calibration"] = "rampart eval --target-fpr \(targetFalsePositiveRate) on \(benign.count) ordinary benign rows"
        for (index, head) in heads.enumerated() {
            guard let position = calibrated.header.heads.firstIndex(where: { $0.name == head }) else { continue }
            calibrated.header.heads[position].threshold = thresholds[index]
            calibrated.header.heads[position].escalateAbove = min(calibrated.header.heads[position].escalateAbove, thresholds[index])
        }
        return Outcome(model: calibrated, benignRows: benign.count, allowedAlarms: allowed)
    }

    /// Fewer allowed alarms than this and the thresholds rest on a handful of rows: say so.
    static let steadyAlarms = 10

    /// What the operator should know about `outcome`'s footing, or nil when it is steady.
    static func caution(_ outcome: Outcome, targetFalsePositiveRate: Double) -> String? {
        guard outcome.allowedAlarms < steadyAlarms else { return nil }
        let needed = targetFalsePositiveRate > 0 ? " (at least \(Int((Double(steadyAlarms) / targetFalsePositiveRate).rounded(.up))) for this rate)" : ""
        return "note: \(outcome.benignRows) ordinary benign rows allow \(outcome.allowedAlarms) false alarm\(outcome.allowedAlarms == 1 ? "" : "s") "
            + "at \(targetFalsePositiveRate * 100)%, so the thresholds rest on the few highest-scoring rows and the rate on other "
            + "traffic will differ; calibrate on more benign rows\(needed) for a steadier estimate"
    }
}
