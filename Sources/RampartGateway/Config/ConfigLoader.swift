import Foundation
import RampartStore
import Yams

/// Reads `rampart.yaml` (DESIGN.md §3) into a ``RampartConfig``, reporting every problem with its
/// key path and line.
public enum ConfigLoader {
    /// Loads and validates the file at `path`.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RampartConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(source: path, issues: [ConfigIssue(path: "", line: nil, message: "cannot read the file: \(error.localizedDescription)")])
        }
        return try parse(yaml: text, source: path, environment: environment)
    }

    /// Parses and validates configuration text.
    public static func parse(yaml: String, source: String = "rampart.yaml",
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RampartConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(source: source, issues: [syntaxIssue(error)])
        }
        let diagnostics = ConfigDiagnostics(environment: environment)
        let top = ConfigNode(node: root, path: "", parentLine: nil, diagnostics: diagnostics)
        let config = read(top)
        if !diagnostics.issues.isEmpty {
            throw ConfigError(source: source, issues: diagnostics.issues)
        }
        return config
    }

    private static func read(_ top: ConfigNode) -> RampartConfig {
        _ = top.mapping(allowedKeys: ["server", "store", "routing", "guard", "providers", "models", "keys", "escalation", "tenants", "limits", "prices", "telemetry", "policy", "canaries"])
        let server = readServer(top.child("server"))
        let routing = readRouting(top.child("routing"))
        let guardConfig = readGuard(top.child("guard"))
        let providers = top.child("providers").sequence().compactMap(readProvider)
        let providerTimeouts = Dictionary(providers.map { ($0.id, $0.timeouts) }, uniquingKeysWith: { first, _ in first })
        let models = top.child("models").sequence().compactMap { readModel($0, providerTimeouts: providerTimeouts) }
        let keys = top.child("keys").sequence().compactMap(readKey)
        crossCheck(top, providers: providers, models: models, keys: keys)
        if let judge = guardConfig.judge, !providers.contains(where: { $0.id == judge.provider }) {
            top.diagnostics.report(top.child("guard").child("judge").child("provider"),
                                   "names provider '\(judge.provider)', which is not defined (defined: \(providers.map(\.id).joined(separator: ", ")))")
        }
        var config = RampartConfig(server: server, providers: providers, models: models, keys: keys, routing: routing)
        config.store = readStore(top.child("store"))
        config.escalation = readEscalation(top.child("escalation"))
        config.guardConfig = guardConfig
        config.telemetry = readTelemetry(top.child("telemetry"))
        config.policy = readPolicy(top.child("policy"))
        config.canaries = readCanaries(top.child("canaries"), targets: Set(models.flatMap(\.allTargets).map(\.description)))
        config.tenants = top.child("tenants").sequence().compactMap(readTenant)
        config.prices = readPrices(top.child("prices"), targets: Set(models.flatMap { $0.targets + $0.contentPolicyFallbacks }.map(\.description)))
        if let limits = top.child("limits").mapping(allowedKeys: ["window_s"]), let window = limits.child("window_s").int(min: 1, max: 86_400) {
            config.limitWindowSeconds = window
        }
        // Only when no key entry was rejected: a broken key is reported on its own.
        if let problem = config.unprotectedExposure, top.child("keys").sequence().isEmpty {
            top.diagnostics.report(top.child("server").child("host"), problem)
        }
        return config
    }

    private static func readServer(_ node: ConfigNode) -> ServerConfig {
        var server = ServerConfig()
        guard let node = node.mapping(allowedKeys: ["host", "port", "max_body_bytes", "admin_token", "state_dir"]) else { return server }
        if let host = node.child("host").string() { server.host = host }
        if let port = node.child("port").int(min: 0, max: 65535) { server.port = port }
        if let limit = node.child("max_body_bytes").int(min: 1024, max: 1 << 30) { server.maxBodyBytes = limit }
        server.adminToken = node.child("admin_token").secret()
        if let directory = node.child("state_dir").string() { server.stateDirectory = directory }
        return server
    }

    private static func readEscalation(_ node: ConfigNode) -> EscalationConfig {
        var escalation = EscalationConfig()
        guard let node = node.mapping(allowedKeys: ["routes", "retries", "backoff_ms", "block_rate"]) else { return escalation }
        escalation.blockRate = readBlockRate(node.child("block_rate"))
        if let retries = node.child("retries").int(min: 0, max: 10) { escalation.retries = retries }
        if let backoff = node.child("backoff_ms").int(min: 0, max: 600_000) { escalation.backoff = .milliseconds(backoff) }
        escalation.routes = node.child("routes").sequence().compactMap { route -> EscalationConfig.Route? in
            guard let route = route.mapping(allowedKeys: ["name", "min_severity", "categories", "webhook", "command", "log"]) else { return nil }
            let name = route.child("name").string(required: true)
            let severity = route.child("min_severity").choice(of: Incident.Severity.self) ?? .low
            let categories = route.child("categories").sequence().compactMap { $0.string() }
            var destinations: [EscalationConfig.Route.Destination] = []
            if let webhook = route.child("webhook").mapping(allowedKeys: ["url", "secret"]) {
                if let url = webhook.child("url").string(required: true) {
                    if URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                        webhook.diagnostics.report(webhook.child("url"), "must be an http:// or https:// URL; got '\(url)'")
                    }
                    destinations.append(.webhook(url: url, secret: webhook.child("secret").secret()))
                }
            }
            let command = route.child("command").sequence().compactMap { $0.string() }
            if !command.isEmpty { destinations.append(.command(command)) }
            if route.child("log").bool() == true { destinations.append(.log) }
            guard destinations.count == 1, let name else {
                if name != nil {
                    route.diagnostics.report(route, "needs exactly one of webhook, command or log: true")
                }
                return nil
            }
            return EscalationConfig.Route(name: name, minSeverity: severity, categories: categories, destination: destinations[0])
        }
        return escalation
    }

    /// `escalation.block_rate`: `off`, or the watch's settings (each optional).
    private static func readBlockRate(_ node: ConfigNode) -> BlockRateWatch.Settings? {
        var settings = BlockRateWatch.Settings()
        if node.node?.scalar?.string == "off" { return nil }
        guard let node = node.mapping(allowedKeys: ["window_s", "baseline_s", "factor", "min_rise", "min_blocks", "check_every_s"]) else { return settings }
        if let window = node.child("window_s").int(min: 1) { settings.window = .seconds(window) }
        if let baseline = node.child("baseline_s").int(min: 1) { settings.baseline = .seconds(baseline) }
        if let factor = node.child("factor").double(min: 1, max: 1_000) { settings.factor = factor }
        if let rise = node.child("min_rise").double(min: 0, max: 1) { settings.minimumRise = rise }
        if let blocks = node.child("min_blocks").int(min: 1) { settings.minimumBlocks = blocks }
        if let every = node.child("check_every_s").int(min: 1) { settings.checkEvery = .seconds(every) }
        return settings
    }

    private static func readStore(_ node: ConfigNode) -> StoreConfig {
        var store = StoreConfig()
        guard let node = node.mapping(allowedKeys: ["url", "text", "retention_days", "spill_max_bytes"]) else { return store }
        if let url = node.child("url").secret() {
            do {
                _ = try StoreLocation.parse(url)
            } catch {
                node.diagnostics.report(node.child("url"), error.message)
            }
            store.url = url
        }
        if let text = node.child("text").choice(of: TextPolicy.self) { store.text = text }
        if node.child("retention_days").isPresent { store.retentionDays = node.child("retention_days").int(min: 1, max: 36_500) }
        if let bytes = node.child("spill_max_bytes").int(min: 1 << 20) { store.spillMaxBytes = bytes }
        return store
    }

    private static let httpProviderKeys = ["id", "kind", "base_url", "api_key", "headers", "timeouts", "ca_file"]

    private static func readProvider(_ node: ConfigNode) -> ProviderConfig? {
        let kind = node.child("kind").choice(["openai", "anthropic", "simulator"], required: true)
        let allowed: [String] = switch kind {
        case "openai": httpProviderKeys + ["max_tokens_field"]
        case "anthropic": httpProviderKeys + ["anthropic_version", "default_max_tokens"]
        case "simulator": ["id", "kind", "naive", "token_delay_ms", "first_byte_delay_ms", "text", "fault", "refuse_rate", "timeouts"]
        default: ["id", "kind"]
        }
        guard let node = node.mapping(allowedKeys: allowed) else {
            if !node.isPresent { node.diagnostics.report(node, "must describe a provider") }
            return nil
        }
        let id = node.child("id").string(required: true)
        let timeouts = readTimeouts(node.child("timeouts"), base: TargetTimeouts())
        guard let id, let kind else { return nil }
        switch kind {
        case "openai":
            guard var options = readHTTPOptions(node, defaultBaseURL: "https://api.openai.com/v1") else { return nil }
            options.maxTokensField = node.child("max_tokens_field").choice(["max_tokens", "max_completion_tokens"])
                ?? (options.baseURL.hasPrefix("https://api.openai.com") ? "max_completion_tokens" : "max_tokens")
            return ProviderConfig(id: id, kind: .openAI(options), timeouts: timeouts)
        case "anthropic":
            guard var options = readHTTPOptions(node, defaultBaseURL: "https://api.anthropic.com") else { return nil }
            if let version = node.child("anthropic_version").string() { options.anthropicVersion = version }
            if let tokens = node.child("default_max_tokens").int(min: 1) { options.defaultMaxTokens = tokens }
            return ProviderConfig(id: id, kind: .anthropic(options), timeouts: timeouts)
        default:
            return ProviderConfig(id: id, kind: .simulator(readSimulator(node)), timeouts: timeouts)
        }
    }

    private static func readHTTPOptions(_ node: ConfigNode, defaultBaseURL: String) -> HTTPProviderOptions? {
        let baseURL = node.child("base_url").string() ?? defaultBaseURL
        guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            node.diagnostics.report(node.child("base_url"), "must be an http:// or https:// URL; got '\(baseURL)'")
            return nil
        }
        var options = HTTPProviderOptions(baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL,
                                          apiKey: node.child("api_key").secret())
        options.headers = node.child("headers").entries().compactMap { name, value in value.secret().map { (name, $0) } }
        if let caFile = node.child("ca_file").string() {
            if let problem = TLSTrust.problem(caFile: caFile) {
                node.diagnostics.report(node.child("ca_file"), problem)
            } else if url.scheme != "https" {
                node.diagnostics.report(node.child("ca_file"), "applies to https:// endpoints only; base_url is '\(baseURL)'")
            }
            options.caFile = caFile
        }
        return options
    }

    private static func readSimulator(_ node: ConfigNode) -> SimulatorOptions {
        var options = SimulatorOptions()
        options.naive = node.child("naive").bool() ?? false
        options.tokenDelayMilliseconds = node.child("token_delay_ms").int(min: 0, max: 60_000) ?? 0
        options.firstByteDelayMilliseconds = node.child("first_byte_delay_ms").int(min: 0, max: 600_000) ?? 0
        options.text = node.child("text").string()
        options.fault = readFault(node.child("fault"))
        options.refuseRate = node.child("refuse_rate").double(min: 0, max: 1) ?? 0
        return options
    }

    private static func readFault(_ node: ConfigNode) -> SimulatorFault? {
        let kinds = ["status", "html", "hang", "reset", "cut_after_tokens", "malformed"]
        guard let node = node.mapping(allowedKeys: kinds + ["message", "rate"]) else { return nil }
        let rate = node.child("rate").double(min: 0, max: 1) ?? 1
        let present = kinds.filter { node.child($0).isPresent }
        guard present.count == 1 || (present == ["status", "html"]) else {
            node.diagnostics.report(node, "must name exactly one fault: \(kinds.joined(separator: ", "))")
            return nil
        }
        if node.child("html").bool() == true { return SimulatorFault(kind: .html, rate: rate) }
        if let status = node.child("status").int(min: 400, max: 599) {
            return SimulatorFault(kind: .status(status, message: node.child("message").string()), rate: rate)
        }
        if node.child("hang").bool() == true { return SimulatorFault(kind: .hang, rate: rate) }
        if node.child("reset").bool() == true { return SimulatorFault(kind: .reset, rate: rate) }
        if node.child("malformed").bool() == true { return SimulatorFault(kind: .malformed, rate: rate) }
        if let tokens = node.child("cut_after_tokens").int(min: 0) { return SimulatorFault(kind: .cutAfterTokens(tokens), rate: rate) }
        return nil
    }

    private static func readKey(_ node: ConfigNode) -> KeyConfig? {
        guard let node = node.mapping(allowedKeys: ["id", "secret", "secret_hash", "tenant", "attributes", "limits"]) else { return nil }
        let id = node.child("id").string(required: true)
        let credential: KeyCredential?
        switch (node.child("secret").isPresent, node.child("secret_hash").isPresent) {
        case (true, false):
            credential = node.child("secret").secret().map(KeyCredential.secret)
        case (false, true):
            let hash = node.child("secret_hash").string() ?? ""
            let hex = hash.hasPrefix("sha256:") ? String(hash.dropFirst(7)).lowercased() : ""
            if hex.count == 64, hex.allSatisfy(\.isHexDigit) {
                credential = .sha256(hex: hex)
            } else {
                node.diagnostics.report(node.child("secret_hash"), "must be 'sha256:' followed by 64 hex digits")
                credential = nil
            }
        default:
            node.diagnostics.report(node, "must have exactly one of 'secret' (for example env:APP_KEY) or 'secret_hash' (sha256:…)")
            credential = nil
        }
        let attributes = Dictionary(node.child("attributes").stringLists(), uniquingKeysWith: { first, _ in first })
        guard let id, let credential else { return nil }
        return KeyConfig(id: id, credential: credential, tenant: node.child("tenant").string(), attributes: attributes,
                         limits: readLimits(node.child("limits")))
    }

    private static func readTenant(_ node: ConfigNode) -> TenantConfig? {
        guard let node = node.mapping(allowedKeys: ["id", "limits"]), let id = node.child("id").string(required: true) else { return nil }
        return TenantConfig(id: id, limits: readLimits(node.child("limits")) ?? Limits())
    }

    private static func readLimits(_ node: ConfigNode) -> Limits? {
        guard node.isPresent, let node = node.mapping(allowedKeys: ["requests_per_minute", "tokens_per_minute", "concurrency", "budget"]) else { return nil }
        return Limits(requestsPerMinute: node.child("requests_per_minute").int(min: 1), tokensPerMinute: node.child("tokens_per_minute").int(min: 1),
                      concurrency: node.child("concurrency").int(min: 1), budget: readBudget(node.child("budget")))
    }

    private static func readBudget(_ node: ConfigNode) -> Budget? {
        guard node.isPresent, let node = node.mapping(allowedKeys: ["usd", "per", "alert_at"]),
              let usd = node.child("usd").double(min: 0.000_001, max: 1e12) else {
            if node.isPresent, node.child("usd").isPresent == false { node.diagnostics.report(node, "needs 'usd', the amount that may be spent") }
            return nil
        }
        var budget = Budget(usd: usd)
        if let period = node.child("per").choice(of: Budget.Period.self) { budget.period = period }
        if let alert = node.child("alert_at").double(min: 0.01, max: 1) { budget.alertAt = alert }
        return budget
    }

    /// `prices: {provider/model: {input_per_mtok, output_per_mtok}}`, for targets the file routes to.
    private static func readPrices(_ node: ConfigNode, targets: Set<String>) -> [String: Price] {
        guard node.isPresent else { return [:] }
        var prices: [String: Price] = [:]
        for (name, entry) in node.entries() {
            guard targets.contains(name) else {
                node.diagnostics.report(entry, "prices '\(name)', which no alias routes to (targets: \(targets.sorted().joined(separator: ", ")))")
                continue
            }
            guard let entry = entry.mapping(allowedKeys: ["input_per_mtok", "output_per_mtok"]),
                  let input = entry.child("input_per_mtok").double(min: 0, max: 1e6), let output = entry.child("output_per_mtok").double(min: 0, max: 1e6) else {
                continue
            }
            prices[name] = Price(inputPerMillion: input, outputPerMillion: output)
        }
        return prices
    }

    private static func crossCheck(_ top: ConfigNode, providers: [ProviderConfig], models: [ModelAlias], keys: [KeyConfig]) {
        let report = top.diagnostics.report
        let providerNodes = top.child("providers").sequence()
        var seenProviders: Set<String> = []
        for (index, provider) in providers.enumerated() where !seenProviders.insert(provider.id).inserted {
            report(providerNodes[min(index, providerNodes.count - 1)].child("id"), "duplicates provider id '\(provider.id)'")
        }
        let modelNodes = top.child("models").sequence()
        var seenAliases: Set<String> = []
        for (index, model) in models.enumerated() where !seenAliases.insert(model.alias).inserted {
            report(modelNodes[min(index, modelNodes.count - 1)].child("alias"), "duplicates alias '\(model.alias)'")
        }
        crossCheckRouting(top, providers: seenProviders, models: models)
        let keyNodes = top.child("keys").sequence()
        var seenKeys: Set<String> = []
        for (index, key) in keys.enumerated() where !seenKeys.insert(key.id).inserted {
            report(keyNodes[min(index, keyNodes.count - 1)].child("id"), "duplicates key id '\(key.id)'")
        }
    }

    private static func syntaxIssue(_ error: YamlError) -> ConfigIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return ConfigIssue(path: "", line: mark.line, message: "YAML syntax error: \(problem)")
        default:
            return ConfigIssue(path: "", line: nil, message: "YAML syntax error: \(error)")
        }
    }
}
