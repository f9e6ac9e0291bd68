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
        // Accepted only once they work: an ignored output guard would look like protection that is not there.
        for (key, what) in [("output", "the streaming output guard"), ("judge", "stage 2 (the cascade's judge)")] where node.child(key).isPresent {
            node.diagnostics.report(node.child(key), "is not supported by this version of Rampart yet (\(what) is still being built); remove it")
        }
        return config
    }

    private static func readGuardMode(_ node: ConfigNode) -> GuardConfig.Mode? {
        node.choice(GuardConfig.Mode.allCases.map(\.rawValue)).flatMap(GuardConfig.Mode.init)
    }
}
