import ArgumentParser
import Foundation
import RampartGateway
import RampartStore

/// The options of commands that change what a configuration's store keeps (`incidents`,
/// `policy`): which configuration, who is acting, and JSON output.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The configuration whose store (and escalation routes) to use.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Who is acting (recorded with the change).", valueName: "name"))
    var actor = ProcessInfo.processInfo.environment["USER"] ?? "cli"

    @Flag(help: "Print JSON.")
    var json = false

    /// The configuration and its store; exits 2 when either cannot be used.
    func open() throws -> (RampartConfig, any RampartDatabase) {
        let configuration = try AuditCommand.configuration(config)
        do {
            return (configuration, try AuditRecorder.openStore(configuration))
        } catch {
            printError("Cannot open the store: \(error)")
            throw ExitCode(2)
        }
    }
}
