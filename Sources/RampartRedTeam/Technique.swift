import RampartGuard

/// One way of asking for a goal: a function from the goal's text to the conversation to send.
public struct Technique: Sendable {
    /// The kind of weakness a technique probes; analysis groups results by family.
    public enum Family: String, Codable, CaseIterable, Sendable {
        case persona, fiction, hypothetical, authority, refusalSuppression, prefixInjection, payloadSplitting
        case manyShot, pastTense, translation, encoding, obfuscation, adversarialSuffix, fakeSystem
        case indirectInjection, crescendo
    }

    /// Stable lower_snake_case id, used in reports, baselines and on the command line.
    public let id: String
    public let family: Family
    /// One sentence on what the technique does, for reports.
    public let summary: String
    /// Builds the conversation for a goal text. Deterministic given the generator; the result is
    /// never empty and ends with a user or a tool turn.
    public let apply: @Sendable (String, inout SplitMix64) -> [Turn]

    public init(id: String, family: Family, summary: String,
                apply: @escaping @Sendable (String, inout SplitMix64) -> [Turn]) {
        self.id = id
        self.family = family
        self.summary = summary
        self.apply = apply
    }
}
