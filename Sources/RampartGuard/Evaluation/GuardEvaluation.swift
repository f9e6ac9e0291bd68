import Foundation

/// Scores the stage-1 classifier on labelled examples (`rampart eval`): detection per label and
/// per data category, false positives on ordinary and borderline benign prompts, and the output
/// classifier's precision, recall and F1 on exchanges.
///
/// An input counts as detected when any of the `harmful`, `attack` and `injection` heads trips —
/// what the input guard blocks on.
public struct GuardEvaluation: Codable, Sendable {
    public struct LabelMetrics: Codable, Sendable {
        public var label: String
        public var examples: Int
        public var detected: Int
        public var recall: Double
    }

    public struct CategoryMetrics: Codable, Sendable {
        public var label: String
        public var category: String
        public var examples: Int
        public var recall: Double
    }

    public struct BenignMetrics: Codable, Sendable {
        public var kind: String
        public var examples: Int
        public var falsePositives: Int
        public var falsePositiveRate: Double
        /// Share that lands in the uncertain band and would escalate to stage 2.
        public var escalationRate: Double
    }

    public struct OutputMetrics: Codable, Sendable {
        public var examples: Int
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var falsePositiveRate: Double
    }

    public struct Example: Codable, Sendable {
        public var id: String
        public var label: String
        public var category: String
        public var score: Double
        public var text: String
    }

    public var modelVersion: String
    public var split: String
    public var labels: [LabelMetrics]
    public var categories: [CategoryMetrics]
    public var benign: [BenignMetrics]
    public var output: OutputMetrics?
    public var worstMisses: [Example]
    public var worstFalseAlarms: [Example]

    /// Evaluates `classifier` on `examples` (already filtered to the split wanted).
    public init(classifier: Stage1Classifier, examples: [LabelledExample], split: String) {
        modelVersion = classifier.model.header.version
        self.split = split
        var scored: [(LabelledExample, Double, Bool, Bool)] = []
        for example in examples where example.response == nil && Stage1Trainer.isClassifiable(example) {
            let result = classifier.classify(example.text)
            let score = Stage1Model.decidingHeads.compactMap { result.scores[$0] }.max() ?? 0
            let detected = result.tripped.contains(where: Stage1Model.decidingHeads.contains)
            let uncertain = !detected && result.uncertain.contains(where: Stage1Model.decidingHeads.contains)
            scored.append((example, Double(score), detected, uncertain))
        }
        labels = ["attack", "harmful", "injection"].map { label in
            let rows = scored.filter { $0.0.label == label }
            let detected = rows.filter(\.2).count
            return LabelMetrics(label: label, examples: rows.count, detected: detected, recall: Self.ratio(detected, rows.count))
        }
        let positives = scored.filter { $0.0.label != "benign" }
        categories = Dictionary(grouping: positives) { "\($0.0.label)|\($0.0.category)" }.map { key, rows in
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            return CategoryMetrics(label: parts[0], category: parts.count > 1 ? parts[1] : "", examples: rows.count,
                                   recall: Self.ratio(rows.filter(\.2).count, rows.count))
        }.sorted { ($0.recall, $0.label, $0.category) < ($1.recall, $1.label, $1.category) }
        benign = [("ordinary", false), ("borderline", true)].map { kind, borderline in
            let rows = scored.filter { $0.0.label == "benign" && $0.0.isBorderline == borderline }
            let alarms = rows.filter(\.2).count
            return BenignMetrics(kind: kind, examples: rows.count, falsePositives: alarms, falsePositiveRate: Self.ratio(alarms, rows.count),
                                 escalationRate: Self.ratio(rows.filter(\.3).count, rows.count))
        }
        worstMisses = positives.filter { !$0.2 }.sorted { $0.1 < $1.1 }.prefix(10).map(Self.example)
        worstFalseAlarms = scored.filter { $0.0.label == "benign" && $0.2 }.sorted { $0.1 > $1.1 }.prefix(10).map(Self.example)
        let exchanges = examples.filter { $0.response != nil }
        if !exchanges.isEmpty {
            let judged = exchanges.map { (classifier.classifyExchange(prompt: $0.text, response: $0.response ?? "").tripped, $0.label == "harmful") }
            let truePositives = judged.filter { $0.0 && $0.1 }.count
            let predicted = judged.filter(\.0).count
            let actual = judged.filter(\.1).count
            let precision = Self.ratio(truePositives, predicted)
            let recall = Self.ratio(truePositives, actual)
            output = OutputMetrics(examples: judged.count, precision: precision, recall: recall,
                                   f1: precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
                                   falsePositiveRate: Self.ratio(judged.filter { $0.0 && !$0.1 }.count, judged.count - actual))
        }
    }

    private static func example(_ row: (LabelledExample, Double, Bool, Bool)) -> Example {
        Example(id: row.0.id, label: row.0.label, category: row.0.category, score: (row.1 * 1000).rounded() / 1000,
                text: String(row.0.text.prefix(160)).replacingOccurrences(of: "\n", with: " "))
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}
