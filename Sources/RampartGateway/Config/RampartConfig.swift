/// A loaded, validated configuration (DESIGN.md §3). Secrets are resolved; cross-references
/// (targets naming providers) are checked.
public struct RampartConfig: Sendable {
    public var server: ServerConfig
    public var providers: [ProviderConfig]
    public var models: [ModelAlias]
    public var keys: [KeyConfig]

    public init(server: ServerConfig, providers: [ProviderConfig], models: [ModelAlias], keys: [KeyConfig]) {
        self.server = server
        self.providers = providers
        self.models = models
        self.keys = keys
    }

    /// Why this configuration must not be served, when it would let anyone who can reach the
    /// address use the providers: a non-loopback host with no keys. Checked when a file is loaded
    /// and again by `serve` after `--host` overrides it.
    public var unprotectedExposure: String? {
        guard keys.isEmpty, !server.isLoopback else { return nil }
        return "'\(server.host)' is reachable from other machines, but no keys are configured: anyone who can reach it could use your providers. Add keys or listen on 127.0.0.1."
    }
}

public struct ServerConfig: Sendable {
    public var host: String
    public var port: Int
    /// Requests with a larger body get a 413.
    public var maxBodyBytes: Int
    /// Token for `/admin` endpoints; `nil` disables them.
    public var adminToken: String?

    public static let defaultMaxBodyBytes = 4 * 1024 * 1024

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = defaultMaxBodyBytes, adminToken: String? = nil) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.adminToken = adminToken
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// An upstream a model alias can route to.
public struct ProviderConfig: Sendable {
    public var id: String
    public var kind: Kind

    public enum Kind: Sendable {
        case openAI(HTTPProviderOptions)
        case anthropic(HTTPProviderOptions)
        case simulator(SimulatorOptions)
    }

    public init(id: String, kind: Kind) {
        self.id = id
        self.kind = kind
    }
}

/// Options shared by the providers that speak HTTP to a vendor API.
public struct HTTPProviderOptions: Sendable {
    /// OpenAI: the URL that `/chat/completions` is appended to (it includes `/v1`).
    /// Anthropic: the host root that `/v1/messages` is appended to.
    public var baseURL: String
    public var apiKey: String?
    /// Extra headers sent with every request (for example an organisation id).
    public var headers: [(String, String)]
    /// Time allowed to open a connection.
    public var connectTimeoutMilliseconds: Int
    /// Time allowed for a whole non-streaming request, or between two chunks of a stream.
    public var readTimeoutMilliseconds: Int
    /// OpenAI: `max_tokens` or `max_completion_tokens` for requests translated from Anthropic clients.
    public var maxTokensField: String
    /// Anthropic: the token limit sent when an OpenAI client set none (Anthropic requires one).
    public var defaultMaxTokens: Int
    /// Anthropic: the `anthropic-version` header.
    public var anthropicVersion: String

    public init(
        baseURL: String, apiKey: String?, headers: [(String, String)] = [], connectTimeoutMilliseconds: Int = 5_000,
        readTimeoutMilliseconds: Int = 600_000, maxTokensField: String = "max_tokens", defaultMaxTokens: Int = 4096,
        anthropicVersion: String = "2023-06-01"
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.headers = headers
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.readTimeoutMilliseconds = readTimeoutMilliseconds
        self.maxTokensField = maxTokensField
        self.defaultMaxTokens = defaultMaxTokens
        self.anthropicVersion = anthropicVersion
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

    public init(alias: String, strategy: Strategy = .fallback, targets: [Target]) {
        self.alias = alias
        self.strategy = strategy
        self.targets = targets
    }
}

/// A provider and the provider's own model name.
public struct Target: Sendable, Hashable, CustomStringConvertible {
    public var provider: String
    public var model: String
    public var weight: Int

    public init(provider: String, model: String, weight: Int = 1) {
        self.provider = provider
        self.model = model
        self.weight = weight
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

    public init(id: String, credential: KeyCredential, tenant: String? = nil, attributes: [String: [String]] = [:]) {
        self.id = id
        self.credential = credential
        self.tenant = tenant
        self.attributes = attributes
    }
}

/// How a key's secret is known: the secret itself (usually from the environment), or only its
/// SHA-256 digest so that the configuration file never holds it.
public enum KeyCredential: Sendable {
    case secret(String)
    case sha256(hex: String)
}
