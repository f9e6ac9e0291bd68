import ArgumentParser
import RampartGateway
import RampartRedTeam

/// `rampart redteam`'s attacker-LLM options: the PAIR / TAP search of ``AttackerSearch``.
struct RedTeamAttackerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("""
        An OpenAI-compatible endpoint whose model writes the attacks (with --attacker-model): per goal it \
        refines prompts from the target's answers, a tree of --width lines × --branching new prompts for up \
        to --depth rounds (PAIR with --width 1 --branching 1), within --budget queries.
        """, valueName: "url"))
    var attackerURL: String?

    @Option(help: ArgumentHelp("The attacker's model at --attacker-url.", valueName: "name"))
    var attackerModel = "default"

    @Option(help: ArgumentHelp("The attacker endpoint's key, as env:NAME.", valueName: "env:NAME"))
    var attackerKey: String?

    @Option(help: ArgumentHelp("Refinement rounds per goal at most (attacker search).", valueName: "n"))
    var depth = 5

    @Option(help: ArgumentHelp("Lines of attack kept per round (attacker search).", valueName: "n"))
    var width = 4

    @Option(help: ArgumentHelp("New prompts asked per line and round (attacker search).", valueName: "n"))
    var branching = 3

    @Option(help: ArgumentHelp("The attacker's sampling temperature.", valueName: "t"))
    var attackerTemperature = 1.0

    func validate() throws {
        guard depth > 0, width > 0, branching > 0 else { throw ValidationError("--depth, --width and --branching must be positive") }
        guard (0...2).contains(attackerTemperature) else { throw ValidationError("--attacker-temperature must be between 0 and 2") }
    }

    /// The search for `goals`, or nil when no attacker is configured.
    func search(goals: [Goal], seed: UInt64, budget: Int) throws -> AttackerSearch? {
        guard let attackerURL else { return nil }
        let endpoint = try GatewayTarget.endpoint(url: attackerURL, api: "openai", model: attackerModel,
                                                  apiKey: try RedTeamCommand.secret(attackerKey), timeoutMS: 120_000,
                                                  logger: RedTeamCommand.quietLogger)
        return AttackerSearch(goals: goals, attacker: AttackerModel(target: endpoint, temperature: attackerTemperature), seed: seed,
                              budget: budget, depth: depth, width: width, branching: branching)
    }
}
