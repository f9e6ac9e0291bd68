/// What changed between a previous run and this one, per technique: so that a regression (an
/// attack that used to fail and now works) is visible at a glance.
///
/// A change is *significant* when the two 95 % intervals do not overlap; a technique whose reach
/// grew is reported whatever the intervals say.
public struct BaselineDiff: Sendable, Hashable, Codable {
    public struct Change: Sendable, Hashable, Codable {
        public var technique: String
        public var before: Proportion?
        public var after: Proportion?
        public var reachBefore: Reach?
        public var reachAfter: Reach?
        /// `after` is worse for the defence and the intervals do not overlap, or the reach grew.
        public var regression: Bool
        /// `after` is better for the defence and the intervals do not overlap.
        public var improvement: Bool
    }

    public var attackSuccessBefore: Proportion
    public var attackSuccessAfter: Proportion
    public var changes: [Change]

    public var regressions: [Change] { changes.filter(\.regression) }

    public init(baseline: RunAnalysis, current: RunAnalysis) {
        attackSuccessBefore = baseline.attackSuccess
        attackSuccessAfter = current.attackSuccess
        let before = Dictionary(uniqueKeysWithValues: baseline.techniques.map { ($0.technique, $0) })
        let after = Dictionary(uniqueKeysWithValues: current.techniques.map { ($0.technique, $0) })
        changes = Set(before.keys).union(after.keys).sorted().map { technique in
            let old = before[technique]
            let new = after[technique]
            var regression = false
            var improvement = false
            if let old, let new {
                regression = new.success.low > old.success.high || new.reach > old.reach
                improvement = new.success.high < old.success.low
            }
            return Change(technique: technique, before: old?.success, after: new?.success, reachBefore: old?.reach,
                          reachAfter: new?.reach, regression: regression, improvement: improvement)
        }
    }
}
