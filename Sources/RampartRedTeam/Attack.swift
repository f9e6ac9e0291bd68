import RampartGuard

/// One message of a conversation sent to the target.
public struct Turn: Sendable, Hashable, Codable {
    /// Who speaks. `tool` carries a tool result, the channel of indirect injection.
    public enum Role: String, Sendable, Hashable, Codable {
        case system, user, assistant, tool
    }

    public var role: Role
    public var text: String

    public init(role: Role, text: String) {
        self.role = role
        self.text = text
    }

    public static func system(_ text: String) -> Turn { Turn(role: .system, text: text) }
    public static func user(_ text: String) -> Turn { Turn(role: .user, text: text) }
    public static func assistant(_ text: String) -> Turn { Turn(role: .assistant, text: text) }
    public static func tool(_ text: String) -> Turn { Turn(role: .tool, text: text) }
}

/// A conversation built to make a model pursue a goal, with the record of how it was built.
public struct Attack: Sendable, Hashable, Codable {
    public var goal: Goal
    /// The ids applied, in order: the technique's first, then each mutator's.
    public var chain: [String]
    /// The conversation to send. The last turn is the user's, or a tool result for indirect
    /// injection; earlier assistant turns are written by the attack, not by the target.
    public var turns: [Turn]
    /// How the target should sample its answer; nil leaves it to the target's defaults (attacks do,
    /// the attacker model's own questions set a temperature and a seed).
    public var sampling: Sampling?

    /// A temperature and a seed to ask for.
    public struct Sampling: Sendable, Hashable, Codable {
        public var temperature: Double
        public var seed: UInt64

        public init(temperature: Double, seed: UInt64) {
            self.temperature = temperature
            self.seed = seed
        }
    }

    public init(goal: Goal, chain: [String], turns: [Turn], sampling: Sampling? = nil) {
        self.goal = goal
        self.chain = chain
        self.turns = turns
        self.sampling = sampling
    }

    /// Applies `technique` to the goal's text, then each mutator in order (technique ∘ obfuscation
    /// ∘ translation when the mutators are given in that order), drawing from `random` so that the
    /// same seed gives the same attack.
    public static func compose(goal: Goal, technique: Technique, mutators: [Mutator] = [],
                               random: inout SplitMix64) -> Attack {
        var attack = Attack(goal: goal, chain: [technique.id], turns: technique.apply(goal.text, &random))
        for mutator in mutators {
            attack = mutator.apply(attack, &random)
        }
        return attack
    }
}
