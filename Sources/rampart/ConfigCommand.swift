import ArgumentParser
import Foundation
import RampartGateway

/// `rampart config …`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with configuration files.",
        subcommands: [Validate.self]
    )

    /// `rampart config validate FILE`.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file without starting anything.",
            discussion: """
                Reports every problem with its key path and line. Secrets written as env:NAME must be \
                set in the environment. Exit codes: 0 valid, 1 invalid, 2 the file cannot be read.
                """
        )

        @Argument(help: ArgumentHelp("The configuration file.", valueName: "file"))
        var file: String

        @Flag(help: "Print the result as JSON: {\"valid\": bool, \"issues\": [{\"path\", \"line\", \"message\"}]}.")
        var json = false

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: file) else {
                printError("Cannot read \(file): no such file, or not readable.")
                throw ExitCode(2)
            }
            do {
                let config = try ConfigLoader.load(path: file)
                if json {
                    print(#"{"valid":true,"issues":[]}"#)
                } else {
                    print("\(file): valid (\(config.providers.count) providers, \(config.models.count) models, \(config.keys.count) keys)")
                }
            } catch let error as ConfigError {
                if json {
                    print(Self.json(error))
                } else {
                    printError(error.description)
                }
                throw ExitCode(1)
            }
        }

        private static func json(_ error: ConfigError) -> String {
            let issues = error.issues.map { issue -> [String: Any] in
                ["path": issue.path, "line": issue.line as Any? ?? NSNull(), "message": issue.message]
            }
            let data = (try? JSONSerialization.data(withJSONObject: ["valid": false, "issues": issues], options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
