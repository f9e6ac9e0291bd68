/// The `guard` section (DESIGN.md §3): which constitution judges traffic and how.
public struct GuardConfig: Sendable {
    /// What the guard does with a verdict.
    public enum Mode: String, Sendable, CaseIterable {
        /// Verdicts take effect (block, refuse, redact, route safer).
        case enforce
        /// Verdicts are computed, logged and reported in headers, but never change a response.
        case monitor
        /// Not computed.
        case off
    }

    /// `nil`: the built-in constitution; otherwise a path to a constitution YAML file.
    public var constitutionPath: String?
    public var inputMode: Mode
    /// Per-category overrides of ``inputMode`` (for example `self_harm: monitor`).
    public var inputCategoryModes: [String: Mode]
    /// Replace secrets and personal data (e-mail, phone, card, IBAN, API keys, private keys)
    /// with placeholders before the provider sees a request.
    public var redactSecrets: Bool
    /// What the output guard does when an answer turns harmful: `enforce` halts it.
    public var outputMode: Mode
    /// How often, in streamed tokens (text deltas), the output guard judges the answer so far.
    public var checkEveryTokens: Int
    /// Tokens held back from the client until judged, so that halted text never reaches it.
    public var holdBackTokens: Int
    /// Stage 2: the LLM judge for inputs stage 1 is unsure about.
    public var judge: JudgeConfig?

    /// The input (and output) mode when the configuration names none: `monitor`, until the shipped stage-1
    /// model meets the guard's quality gates (docs/guard.md); verdicts are computed, logged and
    /// reported in `x-rampart-guard`, and nothing is blocked.
    public static let defaultInputMode = Mode.monitor

    public init(constitutionPath: String? = nil, inputMode: Mode = defaultInputMode, inputCategoryModes: [String: Mode] = [:],
                redactSecrets: Bool = false, outputMode: Mode = defaultInputMode, checkEveryTokens: Int = 16, holdBackTokens: Int = 0) {
        self.constitutionPath = constitutionPath
        self.inputMode = inputMode
        self.inputCategoryModes = inputCategoryModes
        self.redactSecrets = redactSecrets
        self.outputMode = outputMode
        self.checkEveryTokens = checkEveryTokens
        self.holdBackTokens = holdBackTokens
    }

    /// The mode for one category's input verdicts.
    public func inputMode(for category: String) -> Mode {
        inputCategoryModes[category] ?? inputMode
    }
}

/// Stage 2 of the cascade (`guard.judge`): an LLM that judges inputs in stage 1's uncertain band.
public struct JudgeConfig: Sendable {
    /// A configured provider id and that provider's model.
    public var provider: String
    public var model: String
    public var timeout: Duration = .seconds(3)
    /// Judge every input, not only the uncertain ones (for deployments that pay for certainty).
    public var escalateAll = false
    /// What a judge failure (timeout, error, an answer not in the required format) means: `true`
    /// blocks, `false` lets the request through.
    public var failClosed = false
    /// Categories whose uncertain inputs are blocked when the judge fails, whatever ``failClosed`` says.
    public var failClosedCategories: Set<String> = []

    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }
}
