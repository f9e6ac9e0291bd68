import Foundation
import RampartGuard

/// How `rampart eval` and `rampart guard train` print an evaluation, and its gates.
enum EvalReport {
    struct Gate: Encodable {
        var name: String
        var passed: Bool
        var detail: String
    }

    /// What `rampart eval --record` keeps in the store: the numbers and the gates, without the
    /// examples' text (the worst misses are harmful prompts).
    struct Recorded: Encodable {
        var recordedAt = Date()
        var modelVersion: String
        var split: String
        var data: String
        var labels: [GuardEvaluation.LabelMetrics]
        var benign: [GuardEvaluation.BenignMetrics]
        var output: GuardEvaluation.OutputMetrics?
        var gates: [Gate]

        init(_ evaluation: GuardEvaluation, gates: [Gate], data: String) {
            modelVersion = evaluation.modelVersion
            split = evaluation.split
            self.data = data
            labels = evaluation.labels
            benign = evaluation.benign
            output = evaluation.output
            self.gates = gates
        }
    }

    static func text(_ evaluation: GuardEvaluation) -> String {
        var lines = ["model \(evaluation.modelVersion), split \(evaluation.split)", "", "label      examples  detected  recall"]
        for label in evaluation.labels {
            lines.append(pad(label.label, 10) + pad("\(label.examples)", 10) + pad("\(label.detected)", 10) + percent(label.recall))
        }
        lines += ["", "benign      examples  false alarms  FPR      escalated"]
        for benign in evaluation.benign {
            lines.append(pad(benign.kind, 12) + pad("\(benign.examples)", 10) + pad("\(benign.falsePositives)", 14)
                         + pad(percent(benign.falsePositiveRate), 9) + percent(benign.escalationRate))
        }
        if let output = evaluation.output {
            lines += ["", "output classifier on \(output.examples) exchanges: precision \(percent(output.precision)), recall \(percent(output.recall)), F1 \(String(format: "%.3f", output.f1)), FPR \(percent(output.falsePositiveRate))"]
        }
        lines += ["", "recall per category (lowest first)"]
        for category in evaluation.categories.prefix(25) {
            lines.append("  " + pad(category.label, 10) + pad(category.category, 48) + pad("\(category.examples)", 6) + percent(category.recall))
        }
        if !evaluation.worstMisses.isEmpty {
            lines += ["", "worst misses"] + evaluation.worstMisses.map { "  \($0.score)  [\($0.label)/\($0.category)] \($0.text)" }
        }
        if !evaluation.worstFalseAlarms.isEmpty {
            lines += ["", "worst false alarms"] + evaluation.worstFalseAlarms.map { "  \($0.score)  [\($0.category)] \($0.text)" }
        }
        return lines.joined(separator: "\n")
    }

    /// Two evaluations side by side, with the change from the first to the second.
    static func comparison(_ a: GuardEvaluation, _ b: GuardEvaluation, names: (String, String)) -> String {
        var lines = ["A: \(names.0) (model \(a.modelVersion))", "B: \(names.1) (model \(b.modelVersion))", "split \(a.split)", "",
                     "metric                        A          B          B − A"]
        func row(_ name: String, _ x: Double, _ y: Double) {
            lines.append(pad(name, 30) + pad(percent(x), 11) + pad(percent(y), 11) + String(format: "%+.2f pt", (y - x) * 100))
        }
        for (x, y) in zip(a.labels, b.labels) { row("recall \(x.label)", x.recall, y.recall) }
        for (x, y) in zip(a.benign, b.benign) { row("FPR \(x.kind)", x.falsePositiveRate, y.falsePositiveRate) }
        if let x = a.output, let y = b.output { row("output F1", x.f1, y.f1) }
        return lines.joined(separator: "\n")
    }

    static func gates(_ evaluation: GuardEvaluation, minRecall: Double?, maxFalsePositiveRate: Double?) -> [Gate] {
        var gates: [Gate] = []
        if let minRecall {
            for label in evaluation.labels where ["attack", "harmful"].contains(label.label) && label.examples > 0 {
                gates.append(Gate(name: "recall_\(label.label)", passed: label.recall >= minRecall,
                                  detail: "\(percent(label.recall)) against a minimum of \(percent(minRecall))"))
            }
        }
        if let maxFalsePositiveRate, let ordinary = evaluation.benign.first(where: { $0.kind == "ordinary" }) {
            gates.append(Gate(name: "fpr_ordinary", passed: ordinary.falsePositiveRate <= maxFalsePositiveRate,
                              detail: "\(percent(ordinary.falsePositiveRate)) against a maximum of \(percent(maxFalsePositiveRate))"))
        }
        return gates
    }

    static func junit(_ gates: [Gate]) -> String {
        let failures = gates.filter { !$0.passed }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"rampart-eval\" tests=\"\(gates.count)\" failures=\"\(failures)\">\n"
        for gate in gates {
            xml += "  <testcase classname=\"rampart.eval\" name=\"\(escape(gate.name))\">"
            xml += gate.passed ? "</testcase>\n" : "<failure message=\"\(escape(gate.detail))\"/></testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

    /// One JSON object per classifiable example: its identity, whether the guard detects it, and its
    /// scores (every input head's for an input, `output_harmful` for an exchange).
    static func scoreLines(_ classifier: Stage1Classifier, examples: [LabelledExample]) throws -> String {
        struct Line: Encodable {
            var id, label, category, split: String
            var detected: Bool
            var scores: [String: Float]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try examples.filter(Stage1Trainer.isClassifiable).map { example in
            var line = Line(id: example.id, label: example.label, category: example.category, split: example.split.rawValue,
                            detected: false, scores: [:])
            if let response = example.response {
                let exchange = classifier.classifyExchange(prompt: example.text, response: response)
                line.detected = exchange.tripped
                line.scores = ["output_harmful": exchange.score]
            } else {
                let result = classifier.classify(example.text)
                line.detected = result.tripped.contains(where: Stage1Model.decidingHeads.contains)
                line.scores = result.scores
            }
            return String(decoding: try encoder.encode(line), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
