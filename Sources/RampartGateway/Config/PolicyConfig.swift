import RampartGuard

/// `policy`: what a candidate policy must pass before `rampart policy promote` makes it active.
public struct PolicyConfig: Sendable, Hashable {
    /// `policy.promotion`: the gates; `nil` when none are configured (promotion then needs `--no-gates`).
    public var promotion: PromotionGates?

    public init(promotion: PromotionGates? = nil) {
        self.promotion = promotion
    }

    /// Labelled data and the thresholds a candidate must meet on it.
    public struct PromotionGates: Sendable, Hashable {
        /// A labelled JSON Lines file or a directory of them (the `../shared/data` format).
        public var data: String
        /// `test`, `validation`, `train` or `all`.
        public var split = "all"
        /// Least share of harmful, attack and injection rows the candidate must block.
        public var minRecall: Double?
        /// Largest share of benign rows it may block.
        public var maxFalsePositiveRate: Double?

        public init(data: String) {
            self.data = data
        }
    }
}

extension ConfigLoader {
    /// The `policy` section.
    static func readPolicy(_ node: ConfigNode) -> PolicyConfig {
        guard let node = node.mapping(allowedKeys: ["promotion"]),
              let gates = node.child("promotion").mapping(allowedKeys: ["data", "split", "min_recall", "max_fpr"]),
              let data = gates.child("data").string(required: true)
        else { return PolicyConfig() }
        var promotion = PolicyConfig.PromotionGates(data: data)
        if let split = gates.child("split").choice(["test", "validation", "train", "all"]) { promotion.split = split }
        promotion.minRecall = gates.child("min_recall").double(min: 0, max: 1)
        promotion.maxFalsePositiveRate = gates.child("max_fpr").double(min: 0, max: 1)
        if promotion.minRecall == nil, promotion.maxFalsePositiveRate == nil {
            gates.diagnostics.report(gates, "needs at least one gate: min_recall or max_fpr")
        }
        return PolicyConfig(promotion: promotion)
    }
}
