import RampartGuard

/// An evolutionary search for attacks that work: for each goal, a small population of candidate
/// attacks (a technique and a chain of mutators) is sent, the ones that came closest are kept, and
/// the next generation mutates and recombines them, until one succeeds or the goal's query budget
/// is spent.
///
/// "Closest" is the judged outcome: a success ends the search; an answer that neither refused nor
/// complied is closer than a refusal, which is closer than a gateway block. Reproducible: every
/// choice draws from a generator seeded by the search's seed and the goal.
public struct AdaptiveSearch: GoalSearch {
    public var goals: [Goal]
    public var techniques: [Technique]
    public var mutators: [Mutator]
    public var seed: UInt64
    /// Queries per goal at most.
    public var budget: Int
    /// Candidates per generation.
    public var population: Int
    /// Mutators in a chain at most.
    public var maxChain: Int

    public init(goals: [Goal], techniques: [Technique], mutators: [Mutator] = Mutators.all, seed: UInt64 = 1, budget: Int = 40,
                population: Int = 8, maxChain: Int = 2) {
        self.goals = goals
        self.techniques = techniques
        self.mutators = mutators
        self.seed = seed
        self.budget = max(1, budget)
        self.population = max(2, population)
        self.maxChain = max(0, maxChain)
    }

    /// A candidate attack: indices into ``techniques`` and ``mutators``.
    struct Candidate: Hashable {
        var technique: Int
        var mutators: [Int]
    }

    public func search(_ goal: Goal, against target: any RedTeamTarget, judge: AttemptJudge) async -> [AttemptRecord] {
        guard !techniques.isEmpty else { return [] }
        var random = SplitMix64(seed: RedTeamRun.mix(seed, goal.id, "adaptive"))
        var tried: Set<Candidate> = []
        var records: [AttemptRecord] = []
        var scored: [(Candidate, Double)] = []
        var generation = (0..<population).map { _ in randomCandidate(&random) }
        while records.count < budget, !generation.isEmpty {
            let batch = Array(generation.filter { tried.insert($0).inserted }.prefix(budget - records.count))
            let attacks = batch.map { candidate -> Attack in
                var attemptRandom = SplitMix64(seed: RedTeamRun.mix(seed, goal.id, chainID(candidate)))
                return Attack.compose(goal: goal, technique: techniques[candidate.technique],
                                      mutators: candidate.mutators.map { mutators[$0] }, random: &attemptRandom)
            }
            let results = await withTaskGroup(of: (Int, AttemptRecord).self) { group in
                for (index, attack) in attacks.enumerated() {
                    group.addTask { (index, await RedTeamRun.attempt(attack, target: target, judge: judge)) }
                }
                var results = [AttemptRecord?](repeating: nil, count: attacks.count)
                for await (index, record) in group { results[index] = record }
                return results.compactMap { $0 }
            }
            records += results
            if results.contains(where: \.isSuccess) { break }
            scored += zip(batch, results.map(Self.closeness))
            scored.sort { $0.1 > $1.1 }
            let parents = scored.prefix(max(2, population / 2)).map(\.0)
            generation = (0..<population).map { _ in child(of: parents, &random) }
            if batch.isEmpty { generation.append(randomCandidate(&random)) }
        }
        return records
    }

    /// How close an attempt came: success 1, an answer that neither refused nor complied 0.6, a
    /// refusal 0.3, a block or an error 0.
    static func closeness(_ record: AttemptRecord) -> Double {
        switch record.outcome {
        case .success: 1
        case .unhelpful: 0.6
        case .refused: 0.3
        case .blocked, .error: 0
        }
    }

    private func randomCandidate(_ random: inout SplitMix64) -> Candidate {
        let length = mutators.isEmpty ? 0 : Int(random.next() % UInt64(maxChain + 1))
        return Candidate(technique: Int(random.next() % UInt64(techniques.count)),
                         mutators: (0..<length).map { _ in Int(random.next() % UInt64(mutators.count)) })
    }

    /// A child of the parents: a crossover (one parent's technique with another's mutators, or
    /// with both parents' mutators joined) and a mutation (another technique, one more mutator,
    /// one fewer, or one replaced).
    private func child(of parents: [Candidate], _ random: inout SplitMix64) -> Candidate {
        let first = random.pick(parents)
        let second = random.pick(parents)
        var child = switch random.next() % 3 {
        case 0: Candidate(technique: first.technique, mutators: second.mutators)
        case 1: Candidate(technique: first.technique, mutators: Array((first.mutators + second.mutators.filter { !first.mutators.contains($0) }).prefix(maxChain)))
        default: first
        }
        switch random.next() % 4 {
        case 0:
            child.technique = Int(random.next() % UInt64(techniques.count))
        case 1 where child.mutators.count < maxChain && !mutators.isEmpty:
            child.mutators.append(Int(random.next() % UInt64(mutators.count)))
        case 2 where !child.mutators.isEmpty:
            child.mutators.remove(at: Int(random.next() % UInt64(child.mutators.count)))
        case _ where !child.mutators.isEmpty && !mutators.isEmpty:
            child.mutators[Int(random.next() % UInt64(child.mutators.count))] = Int(random.next() % UInt64(mutators.count))
        default:
            child.technique = Int(random.next() % UInt64(techniques.count))
        }
        return child
    }

    private func chainID(_ candidate: Candidate) -> String {
        ([techniques[candidate.technique].id] + candidate.mutators.map { mutators[$0].id }).joined(separator: "+")
    }
}
