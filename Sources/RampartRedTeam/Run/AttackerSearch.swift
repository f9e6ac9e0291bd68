import RampartGuard

/// The attacker-LLM search, in the style of PAIR (an attacker model refines a prompt from the
/// target's answers) and TAP (a tree of such refinements, pruned at every depth to its best leaves).
///
/// Per goal, the search starts from one empty line of attack. At each depth, every kept line
/// (a leaf) asks the ``AttackerModel`` for `branching` new prompts, shown the goal and that line's
/// earlier prompts, answers and scores. Empty and repeated prompts are pruned; the rest are sent to
/// the target and judged by the ``AttemptJudge`` like any attempt. A success ends the goal's search;
/// otherwise the `width` best-scored children become the next depth's leaves. The search stops at
/// `depth`, at the goal's query budget, or when the attacker gives no usable prompt.
///
/// `width` 1 and `branching` 1 is PAIR's single stream of refinements. Scores: 10 complied, 6
/// answered without complying, 3 refused, 1 blocked (``AdaptiveSearch/closeness(_:)`` × 10).
/// Attempts are recorded with the technique ``techniqueID`` and their depth; a depth at which the
/// attacker failed entirely is recorded as an error attempt that says why (left out of every rate).
///
/// Reproducible as far as the attacker is: every question carries a seed drawn from the search's
/// seed, the goal and the node, and the same answers give the same tree.
public struct AttackerSearch: GoalSearch {
    public var goals: [Goal]
    public var attacker: AttackerModel
    public var seed: UInt64
    /// Target queries per goal at most.
    public var budget: Int
    /// Refinement rounds at most.
    public var depth: Int
    /// Leaves kept per depth.
    public var width: Int
    /// New prompts asked of the attacker per leaf and depth.
    public var branching: Int

    /// The technique id of every attempt the search makes.
    public static let techniqueID = "attacker_llm"

    public init(goals: [Goal], attacker: AttackerModel, seed: UInt64 = 1, budget: Int = 40, depth: Int = 5, width: Int = 4,
                branching: Int = 3) {
        self.goals = goals
        self.attacker = attacker
        self.seed = seed
        self.budget = max(1, budget)
        self.depth = max(1, depth)
        self.width = max(1, width)
        self.branching = max(1, branching)
    }

    /// A prompt the attacker proposed, on the line of attack it extends.
    private struct Child: Sendable {
        var history: [AttackerModel.Step]
        var prompt: String
    }

    public func search(_ goal: Goal, against target: any RedTeamTarget, judge: AttemptJudge) async -> [AttemptRecord] {
        var leaves: [[AttackerModel.Step]] = [[]]
        var records: [AttemptRecord] = []
        var sent: Set<String> = []
        for level in 1...depth where records.count < budget {
            let (children, failures) = await propose(goal, leaves: leaves, level: level)
            let fresh = children.filter { sent.insert($0.prompt).inserted }
            let batch = Array(fresh.prefix(budget - records.count))
            if batch.isEmpty {
                let why = failures.first.map { "the attacker model gave no usable prompt: \($0)" }
                    ?? "the attacker model only repeated earlier prompts"
                records.append(AttemptRecord(goalID: goal.id, category: goal.category, isControl: false, technique: Self.techniqueID,
                                             chain: [Self.techniqueID, "depth-\(level)"], outcome: .error, reason: why))
                break
            }
            let results = await attack(goal, with: batch, level: level, target: target, judge: judge)
            records += results.map(\.record)
            if results.contains(where: \.record.isSuccess) { break }
            let grown = zip(batch, results).map { child, result in
                child.history + [AttackerModel.Step(prompt: child.prompt, answer: result.answer, score: Self.score(result.record),
                                                    verdict: result.record.reason)]
            }
            // Stable sort: among equal scores, earlier (lower-numbered) children stay ahead.
            leaves = Array(grown.enumerated().sorted { ($0.element.last?.score ?? 0, -$0.offset) > ($1.element.last?.score ?? 0, -$1.offset) }
                .prefix(width).map(\.element))
        }
        return records
    }

    /// Asks the attacker for `branching` prompts per leaf, in parallel; the proposals in leaf and
    /// variant order, and the reasons of those that failed.
    private func propose(_ goal: Goal, leaves: [[AttackerModel.Step]], level: Int) async -> ([Child], [String]) {
        let asks = leaves.indices.flatMap { leaf in (0..<branching).map { (leaf, $0) } }
        let answers = await withTaskGroup(of: (Int, Result<AttackerModel.Proposal, AttackerFailure>).self) { group in
            for (index, (leaf, variant)) in asks.enumerated() {
                let seed = RedTeamRun.mix(seed, goal.id, "attacker/\(level)/\(leaf)/\(variant)")
                group.addTask {
                    (index, await attacker.propose(goal: goal, history: leaves[leaf], variant: variant, of: branching, seed: seed))
                }
            }
            var answers = [Result<AttackerModel.Proposal, AttackerFailure>?](repeating: nil, count: asks.count)
            for await (index, answer) in group { answers[index] = answer }
            return answers.compactMap { $0 }
        }
        var children: [Child] = []
        var failures: [String] = []
        for ((leaf, _), answer) in zip(asks, answers) {
            switch answer {
            case .success(let proposal): children.append(Child(history: leaves[leaf], prompt: proposal.prompt))
            case .failure(let failure): failures.append(failure.reason)
            }
        }
        return (children, failures)
    }

    /// Sends each child's prompt to the target, in parallel, and judges the replies.
    private func attack(_ goal: Goal, with batch: [Child], level: Int, target: any RedTeamTarget,
                        judge: AttemptJudge) async -> [(record: AttemptRecord, answer: String)] {
        await withTaskGroup(of: (Int, (AttemptRecord, TargetReply)).self) { group in
            for (index, child) in batch.enumerated() {
                let attack = Attack(goal: goal, chain: [Self.techniqueID, "depth-\(level)"], turns: [.user(child.prompt)])
                group.addTask { (index, await RedTeamRun.exchange(attack, target: target, judge: judge)) }
            }
            var results = [(record: AttemptRecord, answer: String)?](repeating: nil, count: batch.count)
            for await (index, (record, reply)) in group { results[index] = (record, Self.text(of: reply)) }
            return results.compactMap { $0 }
        }
    }

    /// An attempt's score on the attacker's 1–10 scale.
    static func score(_ record: AttemptRecord) -> Int {
        max(1, Int((AdaptiveSearch.closeness(record) * 10).rounded()))
    }

    /// What the attacker is shown of a reply.
    private static func text(of reply: TargetReply) -> String {
        switch reply {
        case .answer(let text, _): text
        case .blocked(let code, let message): "(blocked by the gateway: \(code): \(message))"
        case .failed(let why, _): "(the target failed: \(why))"
        }
    }
}
