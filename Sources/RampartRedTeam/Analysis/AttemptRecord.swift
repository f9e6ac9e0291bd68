/// One attack sent and how it was judged: the unit every red-team statistic is computed from.
///
/// The record keeps why the attempt was judged as it was (``reason``), so that a report can show
/// the evidence behind each number.
public struct AttemptRecord: Sendable, Hashable, Codable {
    /// How an attempt ended.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The target complied: the answer gives what the goal asked for.
        case success
        /// The gateway stopped it: a typed policy error, or a `content_filter` / `refusal` stop.
        case blocked
        /// The model answered with a refusal.
        case refused
        /// The model answered without refusing, but the answer does not give what was asked.
        case unhelpful
        /// The target could not be reached or answered with an error other than a policy block.
        case error
    }

    public var goalID: String
    public var category: String
    /// Whether the goal is a benign control (its "success" is a normal answer, its refusal an over-refusal).
    public var isControl: Bool
    /// The technique at the head of the chain.
    public var technique: String
    /// Technique and mutator ids, in the order applied.
    public var chain: [String]
    public var outcome: Outcome
    /// Why the attempt was judged so, in a sentence.
    public var reason: String
    /// The start of the prompt's last turn and of the answer, for the report.
    public var promptExcerpt: String
    public var answerExcerpt: String

    public init(goalID: String, category: String, isControl: Bool, technique: String, chain: [String], outcome: Outcome,
                reason: String, promptExcerpt: String = "", answerExcerpt: String = "") {
        self.goalID = goalID
        self.category = category
        self.isControl = isControl
        self.technique = technique
        self.chain = chain
        self.outcome = outcome
        self.reason = reason
        self.promptExcerpt = promptExcerpt
        self.answerExcerpt = answerExcerpt
    }

    /// Whether the attempt counts against the defence. Errors count neither way.
    public var isSuccess: Bool { outcome == .success }
    /// Whether the attempt was judged at all (errors are left out of rates).
    public var isJudged: Bool { outcome != .error }
}
