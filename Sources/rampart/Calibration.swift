import RampartGuard

/// `rampart eval --target-fpr`: thresholds for the heads that decide, from labelled rows.
enum Calibration {
    static let decidingHeads = ["harmful", "attack", "injection"]

    /// `model` with its deciding heads' thresholds set so that at most `targetFalsePositiveRate`
    /// of the ordinary benign rows trip any of them. The heads share the budget: the same
    /// quantile of each head's benign scores is raised until the union of their false alarms fits.
    static func thresholds(_ model: Stage1Model, examples: [LabelledExample], targetFalsePositiveRate: Double) -> Stage1Model {
        let classifier = Stage1Classifier(model: model)
        let benign = examples.filter { $0.response == nil && $0.label == "benign" && !$0.isBorderline }
            .map { classifier.classify($0.text).scores }
        guard !benign.isEmpty else { return model }
        let sorted = decidingHeads.map { head in benign.map { $0[head] ?? 0 }.sorted() }
        var quantile = 1 - targetFalsePositiveRate
        var thresholds: [Float] = []
        // Lower the per-head quantile's share of alarms until the union fits the target.
        for _ in 0..<200 {
            thresholds = sorted.map { scores in
                let position = min(Int((Double(scores.count - 1) * quantile).rounded(.up)), scores.count - 1)
                return min(scores[position] + 1e-6, 1)
            }
            let alarms = benign.filter { scores in decidingHeads.indices.contains { (scores[decidingHeads[$0]] ?? 0) >= thresholds[$0] } }.count
            if Double(alarms) <= targetFalsePositiveRate * Double(benign.count) { break }
            quantile += (1 - quantile) * 0.1
        }
        var calibrated = model
        calibrated.header.version = model.header.version + "+fpr" + String(targetFalsePositiveRate)
        calibrated.header.provenance["calibration"] = "rampart eval --target-fpr \(targetFalsePositiveRate) on \(benign.count) ordinary benign rows"
        for (index, head) in decidingHeads.enumerated() {
            guard let position = calibrated.header.heads.firstIndex(where: { $0.name == head }) else { continue }
            calibrated.header.heads[position].threshold = thresholds[index]
            calibrated.header.heads[position].escalateAbove = min(calibrated.header.heads[position].escalateAbove, thresholds[index])
        }
        return calibrated
    }
}
