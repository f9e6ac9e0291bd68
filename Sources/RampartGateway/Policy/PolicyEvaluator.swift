import Foundation
import RampartGuard

/// Scores a policy version on labelled data as the gateway would judge with it: a row counts as
/// blocked when stage 1 (the version's model) and its constitution give the verdict `block` (a category whose
/// action is `block` or `refuse`). This is what promotion gates read: unlike `rampart eval`, which
/// scores the model alone, it changes when the constitution changes an action.
public enum PolicyEvaluator {
    public static func evaluate(_ version: PolicyVersion, gates: PolicyConfig.PromotionGates) throws -> PolicyEvaluation {
        let constitution = try version.parsed()
        let classifier = try version.classifier()
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: gates.data, isDirectory: &isDirectory)
        let files = isDirectory.boolValue ? try LabelledData.files(in: gates.data) : [gates.data]
        let examples = try LabelledData.load(paths: files).filter { ($0.split.rawValue == gates.split || gates.split == "all") && $0.response == nil }
        var harmful = (rows: 0, blocked: 0)
        var benign = (rows: 0, blocked: 0)
        for example in examples {
            let blocked = GuardVerdict(stage1: classifier, text: example.text, constitution: constitution).verdict == .block
            if example.label == "benign" {
                benign.rows += 1
                if blocked { benign.blocked += 1 }
            } else {
                harmful.rows += 1
                if blocked { harmful.blocked += 1 }
            }
        }
        let recall = harmful.rows == 0 ? 0 : Double(harmful.blocked) / Double(harmful.rows)
        let falsePositiveRate = benign.rows == 0 ? 0 : Double(benign.blocked) / Double(benign.rows)
        var results: [(String, Bool)] = []
        let percent = { (value: Double) in String(format: "%.1f %%", value * 100) }
        if let minimum = gates.minRecall {
            results.append(("recall ≥ \(percent(minimum)): \(percent(recall)) (\(harmful.blocked) of \(harmful.rows))", recall >= minimum))
        }
        if let maximum = gates.maxFalsePositiveRate {
            results.append(("false positives ≤ \(percent(maximum)): \(percent(falsePositiveRate)) (\(benign.blocked) of \(benign.rows))",
                            falsePositiveRate <= maximum))
        }
        return PolicyEvaluation(data: "\(gates.data) (\(gates.split))", recall: recall, falsePositiveRate: falsePositiveRate,
                                examples: harmful.rows + benign.rows,
                                gates: results.map { "\($0.0) — \($0.1 ? "pass" : "FAIL")" }, passed: results.allSatisfy(\.1))
    }
}
