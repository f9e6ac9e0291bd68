import ArgumentParser
import Foundation
import RampartGateway
import RampartGuard
import RampartRedTeam
import RampartStore

/// `rampart guard …`: the guard's own tools.
struct GuardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guard",
        abstract: "Build and inspect the guard's classifiers.",
        subcommands: [Train.self, GuardBenchCommand.self]
    )

    /// `rampart guard train`: makes the stage-1 model from labelled data and the constitution.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the stage-1 classifier from labelled data and the constitution.",
            discussion: """
                Reads every .jsonl file in --data (the ../shared/data format), trains on the rows whose id \
                falls in the train split, together with the constitution's examples and Rampart's own synthetic \
                prompts (--synthetic, all of them training data), calibrates thresholds on the validation split, \
                and writes the model. The test split is never used; `rampart eval` reports on it. The same data, \
                constitution and options give the same model, byte for byte.

                To measure how the guard does on data from sources it has never seen, hold whole sources out \
                of training and calibration, then evaluate on them:
                  rampart guard train --hold-out-sources strongreject,openassistant --out /tmp/held.model
                  rampart eval --hold-out-sources strongreject,openassistant --model /tmp/held.model
                """
        )

        @Option(help: ArgumentHelp("Directory of labelled .jsonl files.", valueName: "dir"))
        var data = "../shared/data"

        @Option(help: ArgumentHelp("Directory of Rampart's synthetic training prompts (.jsonl, same format); all are training data.",
                                   valueName: "dir"))
        var synthetic = "training/synthetic"

        @Flag(help: "Train without the synthetic prompts.")
        var noSynthetic = false

        @Flag(help: "Leave out the red-team variants (each plain harmful request once more, attacked by a random technique or mutator).")
        var noRedTeamVariants = false

        @Option(help: "Weight of each synthetic prompt against one data row.")
        var syntheticWeight: Float = 0.5

        @Option(help: ArgumentHelp("Comma-separated `source` values whose rows are held out as test data.", valueName: "sources"))
        var holdOutSources = ""

        @Option(help: ArgumentHelp("Where to write the model.", valueName: "file"))
        var out = "Sources/RampartGuard/Resources/stage1.model"

        @Option(help: ArgumentHelp("A constitution YAML file (default: the built-in one).", valueName: "file"))
        var constitution: String?

        @Option(help: "Seed for the example order.")
        var seed: UInt64 = 1

        @Option(help: "Passes over the training data.")
        var epochs = 12

        @Option(help: "log2 of the number of feature buckets (model size grows with it).")
        var bucketBits = 17

        @Option(help: "AdaGrad learning rate.")
        var learningRate: Float = 0.15

        @Option(help: "Weight of each constitution example against one data row.")
        var constitutionWeight: Float = 1

        @Option(help: ArgumentHelp("""
            Also calibrate thresholds on out-of-fold scores of the train split's benign rows, from this many folds \
            (0: the validation split alone).
            """))
        var calibrationFolds = 0

        @Option(help: ArgumentHelp("How the output head reads stage 1's harm score of an answer: `linear` (two markers in proportion to the score), or one of ten `bins` (models before it).",
                                   valueName: "encoding"))
        var harmMarker: HarmMarkerEncoding = .linear

        @OptionGroup(title: "Intent network")
        var intent: IntentTrainingOptions

        func run() async throws {
            let policy = try GuardCLI.constitution(constitution)
            let files = try GuardCLI.orExit { try LabelledData.files(in: data) }
            let heldOut = GuardCLI.sources(holdOutSources)
            let examples = try GuardCLI.orExit { try LabelledData.load(paths: files, policy: .init(heldOutSources: heldOut)) }
            let syntheticFiles = noSynthetic ? [] : try GuardCLI.orExit { try LabelledData.files(in: synthetic) }
            let syntheticExamples = try GuardCLI.orExit { try LabelledData.load(paths: syntheticFiles) }
            var options = Stage1Trainer.Options()
            options.seed = seed
            options.epochs = epochs
            options.bucketBits = bucketBits
            options.learningRate = learningRate
            options.constitutionWeight = constitutionWeight
            options.calibrationFolds = calibrationFolds
            options.syntheticWeight = syntheticWeight
            options.harmMarker = harmMarker
            if !noRedTeamVariants { options.attackVariant = RedTeamVariants.attack }
            try intent.apply(to: &options)
            let command = "rampart guard train --seed \(seed) --epochs \(epochs) --bucket-bits \(bucketBits) --learning-rate \(learningRate) "
                + "--constitution-weight \(constitutionWeight) --calibration-folds \(calibrationFolds)"
                + (noSynthetic ? " --no-synthetic" : " --synthetic-weight \(syntheticWeight)")
                + (noRedTeamVariants ? " --no-red-team-variants" : "")
                + " --harm-marker \(harmMarker.rawValue)"
                + intent.commandLine
                + (heldOut.isEmpty ? "" : " --hold-out-sources \(heldOut.sorted().joined(separator: ","))")
            var provenance = ["command": command, "constitution_version": policy.version]
            for file in files { provenance["data:" + (file as NSString).lastPathComponent] = GuardCLI.digest(ofFile: file) }
            for file in syntheticFiles { provenance["synthetic:" + (file as NSString).lastPathComponent] = GuardCLI.digest(ofFile: file) }
            let model = Stage1Trainer(options: options).train(examples, synthetic: syntheticExamples, constitution: policy, provenance: provenance) {
                GuardCLI.note($0)
            }
            let bytes = try model.serialized()
            try bytes.write(to: URL(fileURLWithPath: out))
            GuardCLI.note("wrote \(out): \(bytes.count / 1024) KiB, model version \(model.header.version)")
            let evaluation = GuardEvaluation(classifier: Stage1Classifier(model: model), examples: examples.filter { $0.split == .test }, split: "test")
            print(EvalReport.text(evaluation))
        }
    }
}

/// Helpers shared by the guard's commands.
enum GuardCLI {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Runs `body`; a failure is printed and exits 2 (could not run).
    static func orExit<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }

    /// The sources named in a comma-separated list.
    static func sources(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    static func constitution(_ path: String?) throws -> Constitution {
        guard let path else { return ConstitutionLoader.builtin() }
        return try orExit { try ConstitutionLoader.load(path: path) }
    }

    static func classifier(_ path: String?) throws -> Stage1Classifier {
        guard let path else { return try orExit { try Stage1Classifier.bundled() } }
        return try orExit {
            guard let data = FileManager.default.contents(atPath: path) else { throw ModelError(message: "cannot read \(path)") }
            return Stage1Classifier(model: try Stage1Model(data: data))
        }
    }

    /// Records `json` as the latest result of `kind` in the store of the configuration at
    /// `path`; exits 2 when the file or its store cannot be used.
    static func record(_ kind: RecordedResults.Kind, json: String, config path: String) throws {
        let config = try orExit { try ConfigLoader.load(path: path) }
        try orExit { try RecordedResults(store: try AuditRecorder.openStore(config)).record(kind, json: json) }
        note("recorded in the store of \(path) as the latest \(kind == .redTeamRun ? "red-team run" : "guard evaluation")")
    }

    static func digest(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(hash, radix: 16)
    }
}

extension HarmMarkerEncoding: ExpressibleByArgument {}
