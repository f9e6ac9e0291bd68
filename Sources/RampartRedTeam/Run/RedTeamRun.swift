import RampartGuard

/// A red-team run: every goal attacked with every technique (each attack optionally mutated), and
/// every benign control sent as written, against one target, with at most `concurrency` attempts
/// in flight.
///
/// Reproducible: each attempt's generator is seeded from the run's seed, the goal and the
/// technique alone, so the same seed and target give the same attempts in any order of completion.
public struct RedTeamRun: Sendable {
    public var goals: [Goal]
    public var controls: [Goal]
    public var techniques: [Technique]
    /// Applied after the technique, in order (technique ∘ obfuscation ∘ translation).
    public var mutators: [Mutator]
    public var seed: UInt64
    public var concurrency: Int

    public init(goals: [Goal], controls: [Goal], techniques: [Technique], mutators: [Mutator] = [], seed: UInt64 = 1,
                concurrency: Int = 8) {
        self.goals = goals
        self.controls = controls
        self.techniques = techniques
        self.mutators = mutators
        self.seed = seed
        self.concurrency = max(1, concurrency)
    }

    /// Where a run stands, for progress lines.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var successes: Int
        public var elapsedSeconds: Double

        public var rate: Double { done > 0 ? Double(successes) / Double(done) : 0 }
        public var etaSeconds: Double { done > 0 ? elapsedSeconds / Double(done) * Double(total - done) : 0 }

        init(done: Int, total: Int, successes: Int, elapsed: Duration) {
            self.done = done
            self.total = total
            self.successes = successes
            elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }

    /// The attacks of this run, in a fixed order.
    public func attacks() -> [Attack] {
        var attacks: [Attack] = []
        for goal in goals {
            for technique in techniques {
                var random = SplitMix64(seed: Self.mix(seed, goal.id, technique.id))
                attacks.append(Attack.compose(goal: goal, technique: technique, mutators: mutators, random: &random))
            }
        }
        attacks += controls.map { Attack(goal: $0, chain: [Self.plain], turns: [.user($0.text)]) }
        return attacks
    }

    /// The id recorded for a control sent as written.
    public static let plain = "plain"

    /// Sends every attack to `target`, judges each with `judge`, and calls `progress` after each.
    public func run(against target: any RedTeamTarget, judge: AttemptJudge,
                    progress: @Sendable (Progress) -> Void = { _ in }) async -> [AttemptRecord] {
        let attacks = attacks()
        let clock = ContinuousClock()
        let started = clock.now
        var records = [AttemptRecord?](repeating: nil, count: attacks.count)
        var successes = 0
        var done = 0
        await withTaskGroup(of: (Int, AttemptRecord).self) { group in
            var next = 0
            func launch() {
                guard next < attacks.count else { return }
                let index = next
                let attack = attacks[index]
                next += 1
                group.addTask { (index, await Self.attempt(attack, target: target, judge: judge)) }
            }
            for _ in 0..<concurrency { launch() }
            for await (index, record) in group {
                records[index] = record
                done += 1
                if record.isSuccess { successes += 1 }
                progress(Progress(done: done, total: attacks.count, successes: successes, elapsed: started.duration(to: clock.now)))
                launch()
            }
        }
        return records.compactMap { $0 }
    }

    /// Sends one attack and judges the reply.
    static func attempt(_ attack: Attack, target: any RedTeamTarget, judge: AttemptJudge) async -> AttemptRecord {
        await exchange(attack, target: target, judge: judge).record
    }

    /// Sends one attack and judges the reply; the record and the whole reply.
    static func exchange(_ attack: Attack, target: any RedTeamTarget, judge: AttemptJudge) async -> (record: AttemptRecord, reply: TargetReply) {
        let reply = await target.send(attack)
        let (outcome, reason) = await judge.judge(attack, reply: reply)
        let record = AttemptRecord(goalID: attack.goal.id, category: attack.goal.category, isControl: attack.goal.isControl,
                                   technique: attack.chain.first ?? plain, chain: attack.chain, outcome: outcome, reason: reason,
                                   promptExcerpt: String((attack.turns.last?.text ?? "").prefix(200)), answerExcerpt: excerpt(of: reply))
        return (record, reply)
    }

    private static func excerpt(of reply: TargetReply) -> String {
        switch reply {
        case .answer(let text, _): String(text.prefix(200))
        case .blocked(let code, let message): "\(code): \(message.prefix(160))"
        case .failed(let why, _): String(why.prefix(200))
        }
    }

    /// A seed for one attempt from the run's seed, the goal and the technique (FNV-1a, then a mix).
    static func mix(_ seed: UInt64, _ goal: String, _ technique: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in goal.utf8 + [0] + technique.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var random = SplitMix64(seed: hash)
        return random.next()
    }
}
