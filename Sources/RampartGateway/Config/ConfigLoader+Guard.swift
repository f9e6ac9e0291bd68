/// The `guard` section of the configuration.
extension ConfigLoader {
    static func readGuard(_ node: ConfigNode) -> GuardConfig {
        var config = GuardConfig()
        guard let node = node.mapping(allowedKeys: ["constitution", "input", "output", "judge"]) else { return config }
        if let constitution = node.child("constitution").string(), constitution != "builtin" { config.constitutionPath = constitution }
        if let input = node.child("input").mapping(allowedKeys: ["mode", "categories", "redact"]) {
            if let mode = input.child("mode").choice(of: GuardConfig.Mode.self) { config.inputMode = mode }
            for (category, value) in input.child("categories").entries() {
                if let mode = value.choice(of: GuardConfig.Mode.self) { config.inputCategoryModes[category] = mode }
            }
            if let redact = input.child("redact").bool() { config.redactSecrets = redact }
        }
        if let output = node.child("output").mapping(allowedKeys: ["mode", "check_every_tokens", "hold_back_tokens"]) {
            if let mode = output.child("mode").choice(of: GuardConfig.Mode.self) { config.outputMode = mode }
            if let every = output.child("check_every_tokens").int(min: 1, max: 4096) { config.checkEveryTokens = every }
            if let hold = output.child("hold_back_tokens").int(min: 0, max: 4096) { config.holdBackTokens = hold }
        }
        config.judge = readJudge(node.child("judge"))
        return config
    }

    private static func readJudge(_ node: ConfigNode) -> JudgeConfig? {
        guard let node = node.mapping(allowedKeys: ["provider", "model", "timeout_ms", "escalate", "on_failure", "fail_closed"]) else { return nil }
        let provider = node.child("provider").string(required: true)
        let model = node.child("model").string(required: true)
        guard let provider, let model else { return nil }
        var judge = JudgeConfig(provider: provider, model: model)
        if let timeout = node.child("timeout_ms").milliseconds() { judge.timeout = timeout }
        judge.escalateAll = node.child("escalate").choice(["uncertain", "all"]) == "all"
        judge.failClosed = node.child("on_failure").choice(["open", "closed"]) == "closed"
        judge.failClosedCategories = Set(node.child("fail_closed").sequence().compactMap { $0.string() })
        return judge
    }
}
