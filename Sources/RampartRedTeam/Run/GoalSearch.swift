/// A search that attacks one goal at a time until it breaks it or spends the goal's budget: the
/// shape shared by ``AdaptiveSearch`` and ``AttackerSearch``.
public protocol GoalSearch: Sendable {
    var goals: [Goal] { get }
    /// Every attempt made against `goal`, in the order made.
    func search(_ goal: Goal, against target: any RedTeamTarget, judge: AttemptJudge) async -> [AttemptRecord]
}

extension GoalSearch {
    /// Searches every goal in turn and returns every attempt. `progress` is called after each goal,
    /// counting goals: `done` searched of `total`, `successes` broken.
    public func search(against target: any RedTeamTarget, judge: AttemptJudge,
                       progress: @Sendable (RedTeamRun.Progress) -> Void = { _ in }) async -> [AttemptRecord] {
        let clock = ContinuousClock()
        let started = clock.now
        var records: [AttemptRecord] = []
        var broken = 0
        for (index, goal) in goals.enumerated() {
            let attempts = await search(goal, against: target, judge: judge)
            if attempts.contains(where: \.isSuccess) { broken += 1 }
            records += attempts
            progress(RedTeamRun.Progress(done: index + 1, total: goals.count, successes: broken, elapsed: started.duration(to: clock.now)))
        }
        return records
    }
}
