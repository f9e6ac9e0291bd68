import RampartGuard

/// The red-team library as training augmentation (`rampart guard train`): a plain harmful request
/// turned into one attack on it, so that the guard learns what the red team does.
public enum RedTeamVariants {
    /// Single-turn techniques, and the mutators applied to the plain request: what a variant is drawn from.
    static let techniques = TechniqueLibrary.all.filter { ![.crescendo, .manyShot].contains($0.family) }

    /// `request` attacked by a technique or a mutator drawn with `random`, as a guard reads it
    /// (``Attack/readText``).
    @Sendable public static func attack(_ request: String, _ random: inout SplitMix64) -> String {
        let goal = Goal(id: "augment", text: request, category: "unknown")
        let pick = Int(random.next() % UInt64(techniques.count + Mutators.all.count))
        let attack = pick < techniques.count
            ? Attack.compose(goal: goal, technique: techniques[pick], random: &random)
            : Mutators.all[pick - techniques.count].apply(Attack(goal: goal, chain: [], turns: [.user(request)]), &random)
        return attack.readText
    }
}
