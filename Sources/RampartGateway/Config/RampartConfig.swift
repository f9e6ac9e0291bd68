import RampartStore

/// A loaded, validated configuration (DESIGN.md §3). Secrets are resolved; cross-references
/// (targets naming providers) are checked.
public struct RampartConfig: Sendable {
    public var server: ServerConfig
    public var providers: [ProviderConfig]
    public var models: [ModelAlias]
    public var keys: [KeyConfig]
    /// Defaults for every alias's routing.
    public var routing: RoutingDefaults
    /// How the guard screens traffic (on with the built-in constitution unless configured otherwise).
    public var guardConfig = GuardConfig()
    /// Where the audit trail is kept, and what it keeps.
    public var store = StoreConfig()
    /// Who hears about incidents.
    public var escalation = EscalationConfig()
    /// Canary probes of every target and the drift test over them.
    public var canaries = CanaryConfig()
    /// What a candidate policy must pass to be promoted.
    public var policy = PolicyConfig()
    /// Where traces go (off unless configured).
    public var telemetry = TelemetryConfig()
    /// Limits shared by each tenant's keys.
    public var tenants: [TenantConfig] = []
    /// `limits.window_s`: the window requests and tokens are counted in.
    public var limitWindowSeconds = 60
    /// `prices`: cost per target (`provider/model`), for budgets and `rampart_spend_usd_total`.
    public var prices: [String: Price] = [:]

    public init(server: ServerConfig, providers: [ProviderConfig], models: [ModelAlias], keys: [KeyConfig],
                routing: RoutingDefaults = RoutingDefaults()) {
        self.server = server
        self.providers = providers
        self.models = models
        self.keys = keys
        self.routing = routing
    }

    /// Why this configuration must not be served, when it would let anyone who can reach the
    /// address use the providers: a non-loopback host with no keys. Checked when a file is loaded
    /// and again by `serve` after `--host` overrides it.
    public var unprotectedExposure: String? {
        guard keys.isEmpty, !server.isLoopback else { return nil }
        return "'\(server.host)' is reachable from other machines, but no keys are configured: anyone who can reach it could use your providers. Add keys or listen on 127.0.0.1."
    }
}

/// `store`: the audit trail's database and policies.
public struct StoreConfig: Sendable, Hashable {
    /// `store.url`; nil: `sqlite://<state_dir>/rampart.db`.
    public var url: String?
    /// What is kept of prompt and response text.
    public var text: TextPolicy = .hash
    /// Events older than this many days are deleted; nil keeps everything.
    public var retentionDays: Int? = 90
    /// The most the journal may hold while the store is unreachable; beyond it events are dropped (and counted).
    public var spillMaxBytes = 1 << 30

    public init() {}

    /// Where the trail lives for a server whose state directory is `stateDirectory`.
    public func location(stateDirectory: String) throws(StoreError) -> StoreLocation {
        try StoreLocation.parse(url ?? "sqlite://\(stateDirectory)/rampart.db")
    }
}

public struct ServerConfig: Sendable, Hashable {
    public var host: String
    public var port: Int
    /// Requests with a larger body get a 413.
    public var maxBodyBytes: Int
    /// Token for `/admin` endpoints; `nil` disables them.
    public var adminToken: String?
    /// Where Rampart keeps its own files (the admin event log); created when first needed.
    public var stateDirectory: String

    public static let defaultMaxBodyBytes = 4 * 1024 * 1024

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = defaultMaxBodyBytes, adminToken: String? = nil,
                stateDirectory: String = ".") {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.adminToken = adminToken
        self.stateDirectory = stateDirectory
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// An upstream a model alias can route to.
public struct ProviderConfig: Sendable, Equatable {
    public var id: String
    public var kind: Kind
    /// Time limits for its targets, which each target may override.
    public var timeouts: TargetTimeouts

    public enum Kind: Sendable, Equatable {
        case openAI(HTTPProviderOptions)
        case anthropic(HTTPProviderOptions)
        case simulator(SimulatorOptions)
    }

    public init(id: String, kind: Kind, timeouts: TargetTimeouts = TargetTimeouts()) {
        self.id = id
        self.kind = kind
        self.timeouts = timeouts
    }
}

/// Options shared by the providers that speak HTTP to a vendor API.
public struct HTTPProviderOptions: Sendable, Equatable {
    /// OpenAI: the URL that `/chat/completions` is appended to (it includes `/v1`).
    /// Anthropic: the host root that `/v1/messages` is appended to.
    public var baseURL: String
    public var apiKey: String?
    /// Extra headers sent with every request (for example an organisation id).
    public var headers: [(String, String)]
    /// OpenAI: `max_tokens` or `max_completion_tokens` for requests translated from Anthropic clients.
    public var maxTokensField: String
    /// Anthropic: the token limit sent when an OpenAI client set none (Anthropic requires one).
    public var defaultMaxTokens: Int
    /// Anthropic: the `anthropic-version` header.
    public var anthropicVersion: String
    /// A PEM file of CA certificates to trust for this provider's https endpoint instead of the
    /// system's (an internal CA in front of a self-hosted model); nil: the system's trust roots.
    public var caFile: String?

    public init(
        baseURL: String, apiKey: String?, headers: [(String, String)] = [], maxTokensField: String = "max_tokens", defaultMaxTokens: Int = 4096,
        anthropicVersion: String = "2023-06-01"
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.headers = headers
        self.maxTokensField = maxTokensField
        self.defaultMaxTokens = defaultMaxTokens
        self.anthropicVersion = anthropicVersion
    }

    /// Every field alike, headers in the same order (tuples have no synthesised `==`; a field
    /// added above must be added here).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.baseURL == rhs.baseURL && lhs.apiKey == rhs.apiKey && lhs.headers.elementsEqual(rhs.headers, by: ==)
            && lhs.maxTokensField == rhs.maxTokensField && lhs.defaultMaxTokens == rhs.defaultMaxTokens
            && lhs.anthropicVersion == rhs.anthropicVersion && lhs.caFile == rhs.caFile
    }
}

/// What a client puts in `model`, and where it goes.
public struct ModelAlias: Sendable {
    public enum Strategy: String, Sendable, CaseIterable {
        case fallback
        case weighted
        case leastLatency = "least-latency"
    }

    public var alias: String
    public var strategy: Strategy
    public var targets: [Target]
    /// Overrides ``RoutingDefaults/deadline``.
    public var deadline: Duration?
    /// Overrides ``RoutingDefaults/streamFailover``.
    public var streamFailover: StreamFailoverMode?
    /// Overrides ``RoutingDefaults/actions``, class by class.
    public var actions: [ErrorClass: ErrorAction]
    /// Who may use the alias.
    public var access: AccessRules
    /// Where requests the input guard marks high risk go instead.
    public var highRiskTarget: Target?
    /// The only targets a content-policy refusal may fail over to.
    public var contentPolicyFallbacks: [Target]
    /// What happens to a target past its sunset; by default its successor takes over when it has one.
    public var afterSunset: AfterSunset?
    /// `on_drift`: `shift` takes a target whose canaries drift out of this alias's routes until an
    /// operator lifts the kill switch that does it; `alert` (the default) only opens the incident.
    public var shiftOnDrift = false

    /// Every target this alias can route to: its targets, its content-policy fallbacks and its
    /// high-risk target.
    public var allTargets: [Target] {
        targets + contentPolicyFallbacks + [highRiskTarget].compactMap { $0 }
    }

    public init(alias: String, strategy: Strategy = .fallback, targets: [Target], deadline: Duration? = nil,
                streamFailover: StreamFailoverMode? = nil, actions: [ErrorClass: ErrorAction] = [:], access: AccessRules = AccessRules(),
                highRiskTarget: Target? = nil, contentPolicyFallbacks: [Target] = [], afterSunset: AfterSunset? = nil) {
        self.alias = alias
        self.strategy = strategy
        self.targets = targets
        self.deadline = deadline
        self.streamFailover = streamFailover
        self.actions = actions
        self.access = access
        self.highRiskTarget = highRiskTarget
        self.contentPolicyFallbacks = contentPolicyFallbacks
        self.afterSunset = afterSunset
    }
}

/// A provider and the provider's own model name, with how to use it.
public struct Target: Sendable, Hashable, CustomStringConvertible {
    public var provider: String
    public var model: String
    /// Share of first choices under the `weighted` strategy.
    public var weight: Int
    /// How often this target may be retried within one request.
    public var retries: Int
    /// The model's context window in tokens, when known (for context-length failover).
    public var contextWindow: Int?
    /// Time limits: the provider's, overridden by the target's own.
    public var timeouts: TargetTimeouts
    public var deprecation: Deprecation?

    public init(provider: String, model: String, weight: Int = 1, retries: Int = 1, contextWindow: Int? = nil,
                timeouts: TargetTimeouts = TargetTimeouts(), deprecation: Deprecation? = nil) {
        self.provider = provider
        self.model = model
        self.weight = weight
        self.retries = retries
        self.contextWindow = contextWindow
        self.timeouts = timeouts
        self.deprecation = deprecation
    }

    /// `provider/model`, as in the `x-rampart-route` header.
    public var description: String { "\(provider)/\(model)" }
}

/// A virtual key a client presents.
public struct KeyConfig: Sendable {
    public var id: String
    public var credential: KeyCredential
    public var tenant: String?
    /// Attributes that access rules match against; each has one or more values.
    public var attributes: [String: [String]]
    /// This key's own limits.
    public var limits: Limits?

    public init(id: String, credential: KeyCredential, tenant: String? = nil, attributes: [String: [String]] = [:], limits: Limits? = nil) {
        self.id = id
        self.credential = credential
        self.tenant = tenant
        self.attributes = attributes
        self.limits = limits
    }
}

/// How a key's secret is known: the secret itself (usually from the environment), or only its
/// SHA-256 digest so that the configuration file never holds it.
public enum KeyCredential: Sendable {
    case secret(String)
    case sha256(hex: String)
}
