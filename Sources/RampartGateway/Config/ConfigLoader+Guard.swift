/// The `guard` section of the configuration.
extension ConfigLoader {
    static func readGuard(_ node: ConfigNode) -> GuardConfig {
        var config = GuardConfig()
        guard let node = node.mapping(allowedKeys: ["constitution", "input", "output", "judge"]) else { return config }
        if let constitution = node.child("constitution").string(), constitution != "builtin" { config.constitutionPath = constitution }
        if let input = node.child("input").mapping(allowedKeys: ["mode", "categories", "redact"]) {
            if let mode = readGuardMode(input.child("mode")) { config.inputMode = mode }
            for (category, value) in input.child("categories").entries() {
                if let mode = readGuardMode(value) { config.inputCategoryModes[category] = mode }
            }
            if let redact = input.child("redact").bool() { config.redactSecrets = redact }
        }
        if let output = node.child("output").mapping(allowedKeys: ["mode", "check_every_tokens", "hold_back_tokens"]) {
            if let mode = readGuardMode(output.child("mode")) { config.outputMode = mode }
            if let every = output.child("check_every_tokens").int(min: 1, max: 4096) { config.checkEveryTokens = every }
            if let hold = output.child("hold_back_tokens").int(min: 0, max: 4096) { config.holdBackTokens = hold }
        }
        // Accepted only once it works: an ignored judge would look like protection that is not there.
        if node.child("judge").isPresent {
            node.diagnostics.report(node.child("judge"), "is not supported by this version of Rampart yet (stage 2, the cascade's judge, is still being built); remove it")
        }
        return config
    }

    private static func readGuardMode(_ node: ConfigNode) -> GuardConfig.Mode? {
        node.choice(GuardConfig.Mode.allCases.map(\.rawValue)).flatMap(GuardConfig.Mode.init)
    }
}
