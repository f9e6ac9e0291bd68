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

    func validate() throws {
        guard ["test", "validation", "train", "all"].contains(split) else {
            throw ValidationError("--split must be test, validation, train or all; got '\(split)'")
        }
    }

    func run() async throws {
        let classifier = try GuardCLI.classifier(model)
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory)
        let files = try isDirectory.boolValue ? GuardCLI.orExit { try LabelledData.files(in: data) } : [data]
        let examples = try GuardCLI.orExit { try LabelledData.load(paths: files) }
            .filter { split == "all" || $0.split.rawValue == split }
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
        if let junit { try EvalReport.junit(gates).write(toFile: junit, atomically: true, encoding: .utf8) }
        if gates.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
