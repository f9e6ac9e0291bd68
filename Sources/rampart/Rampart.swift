import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// The `rampart` command line.
struct Rampart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "A self-hosted AI gateway in front of OpenAI- and Anthropic-compatible providers.",
        discussion: """
            Exit codes: 0 = ran and met its gates, 1 = ran and failed a gate (for example an invalid \
            configuration), 2 = could not run (bad arguments, unreadable input).
            """,
        subcommands: [Serve.self, CheckCommand.self, EvalCommand.self, GuardCommand.self, RedTeamCommand.self, AuditCommand.self, HuntCommand.self, IncidentsCommand.self, KeysCommand.self, PolicyCommand.self, CanaryCommand.self, ReportCommand.self, ConfigCommand.self]
    )
}

/// The process entry point.
@main
enum RampartMain {
    static func main() async {
        // Run Swift Concurrency on SwiftNIO's event loops, so that a request's handler, its
        // upstream call and its socket I/O share threads instead of hopping between two pools
        // (measured: most of the proxy's per-request cost was those hops). Must happen first, on
        // the main thread, before any other task exists.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        do {
            var command = try Rampart.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // DESIGN.md §3: bad arguments mean "could not run", exit code 2 (ArgumentParser's own is 64).
            guard Rampart.exitCode(for: error) == .validationFailure else { Rampart.exit(withError: error) }
            printError(Rampart.fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}
