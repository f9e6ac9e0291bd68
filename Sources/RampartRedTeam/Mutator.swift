import RampartGuard

/// A transformation of an attack that keeps its technique: an encoding, a disguise, a translation
/// or noise applied to the text of the last user turn. Mutators compose (see
/// ``Attack/compose(goal:technique:mutators:random:)``) and are reusable as augmentation.
public struct Mutator: Sendable {
    /// Stable lower_snake_case id, recorded in ``Attack/chain``. A mutator that applies the same
    /// transform as a technique has that technique's id ("encode_base64", "leetspeak").
    public let id: String
    /// Returns the attack transformed, with ``id`` appended to its chain. Deterministic given the
    /// generator.
    public let apply: @Sendable (Attack, inout SplitMix64) -> Attack

    /// A mutator that rewrites the text of the attack's last user turn with `rewrite` (other turns,
    /// such as a tool result after it, stay as they are) and records `id` in the chain.
    public init(id: String, rewrite: @escaping @Sendable (String, inout SplitMix64) -> String) {
        self.id = id
        self.apply = { attack, random in
            var attack = attack
            if let index = attack.turns.lastIndex(where: { $0.role == .user }) {
                attack.turns[index].text = rewrite(attack.turns[index].text, &random)
            }
            attack.chain.append(id)
            return attack
        }
    }
}

/// The mutators Rampart ships.
public enum Mutators {
    /// Encodings (each with its decoding instruction), disguises, translations and suffix noise;
    /// ids are unique.
    public static let all: [Mutator] = encodings + disguises + translations + [suffix]

    private static let byID: [String: Mutator] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The mutator with this id, or nil.
    public static func mutator(id: String) -> Mutator? { byID[id] }

    private static let encodings = EncodedRequest.allCases.map { encoding in
        Mutator(id: "encode_\(encoding.rawValue)") { text, _ in encoding.wrap(text) }
    }

    private static let disguises = Disguise.allCases.map { disguise in
        Mutator(id: disguise.rawValue) { text, random in disguise.wrap(text, random: &random) }
    }

    private static let translations = Translation.Language.allCases.map { language in
        Mutator(id: "translate_\(language.name.lowercased())") { text, _ in Translation.request(text, in: language) }
    }

    private static let suffix = Mutator(id: "adversarial_suffix") { text, random in
        SuffixNoise.append(to: text, random: &random)
    }
}
