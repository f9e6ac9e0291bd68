/// The configuration `rampart serve` uses when no file is given (DESIGN.md §3): loopback only, no
/// keys, the simulator always, OpenAI / Anthropic when their API keys are in the environment, and
/// the admin API when `RAMPART_ADMIN_TOKEN` is set. Its `default` alias fails over from the real
/// providers to the simulator, so that it answers even offline.
public enum Quickstart {
    public static func configuration(environment: [String: String]) -> RampartConfig {
        var providers = [ProviderConfig(id: "simulator", kind: .simulator(SimulatorOptions()))]
        var models = [ModelAlias(alias: "sim", targets: [Target(provider: "simulator", model: "sim-1")])]
        var defaultTargets: [Target] = []
        if let key = environment["ANTHROPIC_API_KEY"], !key.isEmpty {
            providers.append(ProviderConfig(id: "anthropic", kind: .anthropic(HTTPProviderOptions(baseURL: "https://api.anthropic.com", apiKey: key))))
            for model in ["claude-sonnet-4-5", "claude-haiku-4-5"] {
                models.append(ModelAlias(alias: model, targets: [Target(provider: "anthropic", model: model)]))
            }
            defaultTargets.append(Target(provider: "anthropic", model: "claude-sonnet-4-5"))
        }
        if let key = environment["OPENAI_API_KEY"], !key.isEmpty {
            providers.append(ProviderConfig(id: "openai", kind: .openAI(HTTPProviderOptions(
                baseURL: "https://api.openai.com/v1", apiKey: key, maxTokensField: "max_completion_tokens"))))
            for model in ["gpt-4.1", "gpt-4.1-mini"] {
                models.append(ModelAlias(alias: model, targets: [Target(provider: "openai", model: model)]))
            }
            defaultTargets.append(Target(provider: "openai", model: "gpt-4.1"))
        }
        defaultTargets.append(Target(provider: "simulator", model: "sim-1"))
        models.append(ModelAlias(alias: "default", strategy: .fallback, targets: defaultTargets))
        let adminToken = environment["RAMPART_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return RampartConfig(server: ServerConfig(adminToken: adminToken), providers: providers, models: models, keys: [])
    }
}
