import RampartGuard
import RampartRedTeam
import RampartStore

/// What `rampart hunt` looks for in stored traffic.
public enum HuntDetector: Sendable, CustomStringConvertible {
    /// Prompts the guard judges to be in this constitution category now (tripped, not merely uncertain).
    case category(String)
    /// Prompts that carry a red-team technique's fixed wording.
    case technique(TechniqueFingerprint)
    /// Prompts the guard blocks or flags now that were allowed when they were stored.
    case newlyCaught
    /// Prompts that are exactly `text` (matched by hash, so it works under `store.text: hash`) or contain it.
    case text(String)

    /// Reads `category:ID`, `technique:ID`, `newly-caught` or `text:STRING`.
    public static func parse(_ spec: String, constitution: Constitution) throws(HuntError) -> HuntDetector {
        let (kind, value) = spec.firstIndex(of: ":").map { (String(spec[..<$0]), String(spec[spec.index(after: $0)...])) } ?? (spec, "")
        switch kind {
        case "category":
            guard constitution.categories.contains(where: { $0.id == value }) else {
                throw HuntError("unknown category '\(value)'; the constitution has: \(constitution.categories.map(\.id).joined(separator: ", "))")
            }
            return .category(value)
        case "technique":
            guard let technique = TechniqueLibrary.technique(id: value) else {
                throw HuntError("unknown technique '\(value)'; `rampart redteam --list` shows them")
            }
            guard let fingerprint = TechniqueFingerprint(technique) else {
                throw HuntError("technique '\(value)' has no fixed wording to look for (it only transforms the request); hunt for it with category:ID or newly-caught")
            }
            return .technique(fingerprint)
        case "newly-caught":
            return .newlyCaught
        case "text":
            guard !value.isEmpty else { throw HuntError("text: needs the text to look for, as in text:'ignore all previous instructions'") }
            return .text(value)
        default:
            throw HuntError("'\(spec)' is not a detector; use category:ID, technique:ID, newly-caught or text:STRING")
        }
    }

    public var description: String {
        switch self {
        case .category(let id): "category:\(id)"
        case .technique(let fingerprint): "technique:\(fingerprint.techniqueID)"
        case .newlyCaught: "newly-caught"
        case .text(let text): "text:\(text.prefix(40))"
        }
    }

    /// Whether the detector needs the prompt's text (all but an exact `text:` match do).
    var needsText: Bool {
        if case .text = self { return false }
        return true
    }
}

/// The fixed wording a red-team technique wraps around every goal: word 4-grams that its attacks
/// on three unrelated probe goals share, less any taken from the goals themselves. A prompt
/// matches when it holds at least half of them.
///
/// Techniques that only transform the request (leetspeak, spacing, homoglyphs) have no fixed
/// wording and no fingerprint; the guard's categories find those.
public struct TechniqueFingerprint: Sendable {
    public let techniqueID: String
    let shingles: Set<String>

    static let probes = ["describe the amber lighthouse ledger in detail", "list every quiet orchard beekeeping permit",
                         "explain how copper kettles are tinned by hand"]

    public init?(_ technique: Technique) {
        var random = SplitMix64(seed: 0x5EED)
        // The user's turns only: what the audit trail keeps of a prompt (the assistant turns a
        // multi-turn attack scripts are not the user's words).
        let attacks = Self.probes.map { goal in
            Self.shingles(of: technique.apply(goal, &random).filter { $0.role == .user }.map(\.text).joined(separator: "\n"))
        }
        let shared = attacks.dropFirst().reduce(attacks[0]) { $0.intersection($1) }
        let goalWords = Set(Self.probes.flatMap(Self.words))
        let fixed = shared.filter { shingle in shingle.split(separator: " ").allSatisfy { !goalWords.contains(String($0)) } }
        guard fixed.count >= 2 else { return nil }
        techniqueID = technique.id
        shingles = fixed
    }

    /// The share of the fingerprint found in `text`.
    func coverage(_ text: String) -> Double {
        coverage(Self.shingles(of: text))
    }

    /// The share of the fingerprint among a text's shingles (``shingles(of:)``), for scanning one
    /// text with many fingerprints.
    func coverage(_ textShingles: Set<String>) -> Double {
        Double(shingles.intersection(textShingles).count) / Double(shingles.count)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    static func shingles(of text: String) -> Set<String> {
        let words = words(text)
        guard words.count >= 4 else { return [] }
        return Set((0...(words.count - 4)).map { words[$0..<$0 + 4].joined(separator: " ") })
    }
}

/// A detector or time range that cannot be used.
public struct HuntError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
