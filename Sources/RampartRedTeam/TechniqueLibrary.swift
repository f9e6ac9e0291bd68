/// Every technique Rampart ships, written for Rampart (see `Techniques/`).
public enum TechniqueLibrary {
    /// All techniques, grouped by family in a fixed order; ids are unique.
    public static let all: [Technique] = personas + framings + authorities + compliance + payloadSplits + manyShots
        + pastTenses + translations + encodings + obfuscations + fakeSystems + injections + crescendos

    private static let byID: [String: Technique] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The technique with this id, or nil.
    public static func technique(id: String) -> Technique? { byID[id] }
}
