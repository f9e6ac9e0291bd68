import ArgumentParser
import RampartGuard

/// `rampart guard train`'s options for the intent network (``IntentNetwork``), the stage-1 model's
/// second feature family.
struct IntentTrainingOptions: ParsableArguments {
    @Flag(help: "Train the hashed n-gram heads only, without the intent network over token vectors.")
    var noIntent = false

    @Option(help: "How much the intent network's logits count against the hashed n-gram heads'.")
    var intentWeight: Float = 1

    @Option(help: "Hidden units of the intent network (a multiple of 8).")
    var intentHidden = 128

    @Option(help: "Passes of the intent network over the training data.")
    var intentEpochs = 30

    func validate() throws {
        guard intentHidden > 0, intentHidden % 8 == 0 else {
            throw ValidationError("--intent-hidden must be a positive multiple of 8, not \(intentHidden)")
        }
        guard intentEpochs > 0 else { throw ValidationError("--intent-epochs must be at least 1, not \(intentEpochs)") }
    }

    /// Sets the trainer's intent options, with the bundled token table; exits 2 when it is missing.
    func apply(to options: inout Stage1Trainer.Options) throws {
        guard !noIntent else { return }
        options.embeddings = try GuardCLI.orExit { try TokenEmbeddings.bundled() }
        options.intentWeight = intentWeight
        options.intentHidden = intentHidden
        options.intentEpochs = intentEpochs
    }

    /// These options as they appear in the model's provenance.
    var commandLine: String {
        noIntent ? " --no-intent" : " --intent-weight \(intentWeight) --intent-hidden \(intentHidden) --intent-epochs \(intentEpochs)"
    }
}
