import ArgumentParser
import Foundation
import RampartGuard

/// `rampart eval`: scores the guard on labelled data and gates on it.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the guard on labelled data: recall, false positives, output F1.",
        discussion: """
            Exit codes: 0 = every gate met, 1 = a gate failed, 2 = could not run. Without --data, reads \
            ../shared/data; by default only its test split (rows that training never saw) is scored.
            """
    )

    @Option(help: ArgumentHelp("A directory of labelled .jsonl files, or one file.", valueName: "path"))
    var data = "../shared/data"

    @Option(help: ArgumentHelp("""
        Comma-separated `source` values whose rows are all test data, for a model trained with the same \
        --hold-out-sources: how the guard does on sources it has never seen.
        """, valueName: "sources"))
    var holdOutSources = ""

    @Option(help: "Which rows to score: test, validation, train or all.")
    var split = "test"

    @Option(help: ArgumentHelp("A stage-1 model file (default: the bundled one).", valueName: "file"))
    var model: String?

    @Option(help: "Fail (exit 1) when attack or harmful recall is below this (0–1).")
    var minRecall: Double?

    @Option(help: "Fail (exit 1) when the false-positive rate on ordinary benign prompts is above this (0–1).")
    var maxFpr: Double?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Also write a JUnit XML report (one test case per gate) to this file.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("""
        Calibrate the deciding heads' thresholds on the rows scored so that at most this share of \
        ordinary benign prompts trips any of them (no threshold below 0.5, as in training), and write \
        the model with them to --write. With few benign rows it says how little the thresholds rest on. \
        Use --split validation: calibrating on the test split would make its numbers meaningless.
        """, valueName: "rate"))
    var targetFpr: Double?

    @Option(help: ArgumentHelp("Where --target-fpr writes the recalibrated model.", valueName: "file"))
    var write: String?

    @Option(help: ArgumentHelp("""
        Also write every scored example's scores to this file, one JSON object per line \
        (id, label, category, split, detected, scores): for ROC curves and error analysis.
        """, valueName: "file"))
    var scores: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two model files on the same rows instead of scoring one.", valueName: "a b"))
    var compare: [String] = []

    @Option(help: ArgumentHelp("""
        Record this evaluation (its numbers and gates, not the examples' text) in the store of this \
        configuration, where the console and GET /admin/guard/evaluation/latest show it.
        """, valueName: "config"))
    var record: String?

    func validate() throws {
        guard ["test", "validation", "train", "all"].contains(split) else {
            throw ValidationError("--split must be test, validation, train or all; got '\(split)'")
        }
        if let targetFpr, !(0..<1).contains(targetFpr) { throw ValidationError("--target-fpr must be between 0 and 1") }
        if targetFpr != nil, write == nil { throw ValidationError("--target-fpr needs --write FILE for the recalibrated model") }
        if !compare.isEmpty, compare.count != 2 { throw ValidationError("--compare takes two model files") }
        if record != nil, !compare.isEmpty { throw ValidationError("--record records one evaluation; it cannot be used with --compare") }
    }

    func run() async throws {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory)
        let files = try isDirectory.boolValue ? GuardCLI.orExit { try LabelledData.files(in: data) } : [data]
        let examples = try GuardCLI.orExit { try LabelledData.load(paths: files, policy: .init(heldOutSources: GuardCLI.sources(holdOutSources))) }
            .filter { split == "all" || $0.split.rawValue == split }
        if compare.count == 2 {
            let (a, b) = (try GuardCLI.classifier(compare[0]), try GuardCLI.classifier(compare[1]))
            print(EvalReport.comparison(GuardEvaluation(classifier: a, examples: examples, split: split),
                                        GuardEvaluation(classifier: b, examples: examples, split: split), names: (compare[0], compare[1])))
            return
        }
        var classifier = try GuardCLI.classifier(model)
        if let targetFpr, let write {
            guard let outcome = Calibration.thresholds(classifier.model, examples: examples, targetFalsePositiveRate: targetFpr) else {
                GuardCLI.note("cannot calibrate: no ordinary benign prompts (label benign, category not borderline:) among the rows scored (--split \(split))")
                throw ExitCode(2)
            }
            let calibrated = outcome.model
            try calibrated.serialized().write(to: URL(fileURLWithPath: write))
            GuardCLI.note("wrote \(write) with thresholds for at most \(targetFpr * 100)% false positives on \(split): "
                          + calibrated.header.heads.filter { Stage1Model.decidingHeads.contains($0.name) }
                              .map { "\($0.name) \(String(format: "%.3f", $0.threshold))" }.joined(separator: ", "))
            if let caution = Calibration.caution(outcome, targetFalsePositiveRate: targetFpr) { GuardCLI.note(caution) }
            classifier = Stage1Classifier(model: calibrated)
        }
        let evaluation = GuardEvaluation(classifier: classifier, examples: examples, split: split)
        let gates = EvalReport.gates(evaluation, minRecall: minRecall, maxFalsePositiveRate: maxFpr)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            struct Output: Encodable { var evaluation: GuardEvaluation; var gates: [EvalReport.Gate] }
            print(String(decoding: try encoder.encode(Output(evaluation: evaluation, gates: gates)), as: UTF8.self))
        } else {
            print(EvalReport.text(evaluation))
            for gate in gates { print("gate \(gate.name): \(gate.passed ? "PASS" : "FAIL") (\(gate.detail))") }
        }
        if let scores { try EvalReport.scoreLines(classifier, examples: examples).write(toFile: scores, atomically: true, encoding: .utf8) }
        if let junit { try EvalReport.junit(gates).write(toFile: junit, atomically: true, encoding: .utf8) }
        if let record {
            let recorded = EvalReport.Recorded(evaluation, gates: gates, data: data)
            try GuardCLI.record(.guardEvaluation, json: try ReportCommand.json(recorded), config: record)
        }
        if gates.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
