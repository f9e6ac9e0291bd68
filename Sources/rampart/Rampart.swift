import ArgumentParser

/// The `rampart` command line.
@main
struct Rampart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "A self-hosted AI gateway: routes, fails over and screens LLM traffic.",
        discussion: """
            Exit codes: 0 = ran and met its gates, 1 = ran and failed a gate (for example an invalid \
            configuration), 2 = could not run (bad arguments, unreadable input).
            """,
        subcommands: [Serve.self, ConfigCommand.self]
    )
}
