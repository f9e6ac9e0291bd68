import Foundation

/// Attacks as labelled data (`rampart redteam --export`): one JSON object per line in the
/// `../shared/data` format, label `attack`, so that `rampart eval` can score a guard on them offline.
public enum RedTeamExport {
    public static func jsonl(_ attacks: [Attack]) throws -> String {
        struct Row: Encodable { var text, label, category, source, id: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try attacks.map { attack in
            let row = Row(text: attack.readText, label: "attack", category: attack.goal.category, source: "rampart-redteam",
                          id: "\(attack.goal.id)+\(attack.chain.joined(separator: "+"))")
            return String(decoding: try encoder.encode(row), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }
}

extension Attack {
    /// What a guard reads of the attack: every turn but the attack's own scripted assistant turns,
    /// a fake system turn and a tool result included.
    public var readText: String {
        turns.filter { $0.role != .assistant }.map(\.text).joined(separator: "\n\n")
    }
}
