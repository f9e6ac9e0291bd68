import ArgumentParser
import Foundation
import RampartGuard

/// `rampart check TEXT|-`: classify one text with the guard, without proxying it.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Classify a text with the guard (stage 1) and explain the verdict.",
        discussion: "Exit codes: 0 = allowed, 1 = flagged or blocked, 2 = could not run."
    )

    @Argument(help: "The text to classify, or - to read it from standard input.")
    var text: String

    @Option(help: ArgumentHelp("A stage-1 model file (default: the bundled one).", valueName: "file"))
    var model: String?

    @Option(help: ArgumentHelp("Judge this response to the text (the output classifier) instead of the text alone.", valueName: "text"))
    var response: String?

    @Flag(help: "Print the verdict as JSON (the body of POST /v1/guard/check).")
    var json = false

    func run() async throws {
        let input = text == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text
        let classifier = try GuardCLI.classifier(model)
        let verdict = if let response {
            GuardVerdict(stage1: classifier, prompt: input, response: response, constitution: ConstitutionLoader.builtin())
        } else {
            GuardVerdict(stage1: classifier, text: input, constitution: ConstitutionLoader.builtin())
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(verdict), as: UTF8.self))
        } else {
            print("verdict: \(verdict.verdict.rawValue) (stage \(verdict.stage), \(verdict.latencyUs) µs)")
            for category in verdict.categories {
                print("  \(category.id): score \(String(format: "%.3f", category.score)), severity \(category.severity)")
            }
            if !verdict.explanation.isEmpty { print("explanation: \(verdict.explanation)") }
        }
        if verdict.verdict != .allow { throw ExitCode(1) }
    }
}
