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

    /// The input mode when the configuration names none: `monitor`, until the shipped stage-1
    /// model meets the guard's quality gates (docs/guard.md); verdicts are computed, logged and
    /// reported in `x-rampart-guard`, and nothing is blocked.
    public static let defaultInputMode = Mode.monitor

    public init(constitutionPath: String? = nil, inputMode: Mode = defaultInputMode, inputCategoryModes: [String: Mode] = [:],
                redactSecrets: Bool = false) {
        self.constitutionPath = constitutionPath
        self.inputMode = inputMode
        self.inputCategoryModes = inputCategoryModes
        self.redactSecrets = redactSecrets
    }

    /// The mode for one category's input verdicts.
    public func inputMode(for category: String) -> Mode {
        inputCategoryModes[category] ?? inputMode
    }
}
