import Foundation

/// The guard's answer about one text, as `POST /v1/guard/check` and `rampart check --json` give it
/// (DESIGN.md §3): `allow`, `flag` or `block`, the categories that scored, the stage that decided,
/// how long it took, and why.
public struct GuardVerdict: Codable, Sendable {
    public enum Verdict: String, Codable, Sendable {
        case allow, flag, block
    }

    public struct CategoryScore: Codable, Sendable, Hashable {
        /// A constitution category id (`weapons`, `jailbreak`, `injection`, …).
        public var id: String
        public var score: Double
        public var severity: String
        /// The constitution's action for the category.
        public var action: String
        /// Whether the score is in the uncertain band that stage 2 would judge.
        public var uncertain: Bool

        public init(id: String, score: Double, severity: String, action: String, uncertain: Bool) {
            self.id = id
            self.score = score
            self.severity = severity
            self.action = action
            self.uncertain = uncertain
        }
    }

    public var verdict: Verdict
    public var categories: [CategoryScore]
    public var stage: Int
    public var latencyUs: Int
    /// Which heads tripped and, when a transformation revealed them, which.
    public var explanation: String
    /// Versions that judged: the model and the constitution.
    public var modelVersion: String
    public var constitutionVersion: String

    /// Stage 1's verdict on `text`.
    public init(stage1 classifier: Stage1Classifier, text: String, constitution: Constitution) {
        let start = ContinuousClock.now
        let result = classifier.classify(text)
        var categories: [CategoryScore] = []
        var notes: [String] = []
        for head in Stage1Model.decidingHeads {
            let tripped = result.tripped.contains(head)
            guard tripped || result.uncertain.contains(head), let score = result.scores[head] else { continue }
            let category: ConstitutionCategory?
            switch head {
            case "attack": category = constitution.categories.first { $0.kind == .attack }
            case "injection": category = constitution.categories.first { $0.kind == .injection }
            default:
                category = Self.contentCategory(of: result, constitution)
            }
            let id = category?.id ?? head
            categories.append(CategoryScore(id: id, score: (Double(score) * 1000).rounded() / 1000,
                                            severity: category?.severity.rawValue ?? "high", action: category?.action.rawValue ?? "block",
                                            uncertain: !tripped))
            let via = result.revealedBy[head].flatMap { $0.isEmpty ? nil : " after " + $0.joined(separator: " → ") } ?? ""
            notes.append("\(head) (\(id)) \(tripped ? "tripped" : "uncertain") at \(String(format: "%.3f", score))\(via)")
        }
        let decisive = categories.filter { !$0.uncertain }
        verdict = if decisive.contains(where: { ["block", "refuse"].contains($0.action) }) {
            .block
        } else if !decisive.isEmpty {
            .flag
        } else {
            .allow
        }
        self.categories = categories
        stage = 1
        explanation = notes.joined(separator: "; ")
        modelVersion = classifier.model.header.version
        constitutionVersion = constitution.version
        latencyUs = Self.microseconds(since: start)
    }

    /// Stage 1's verdict on an exchange: whether `response` complies with a harmful `prompt`.
    public init(stage1 classifier: Stage1Classifier, prompt: String, response: String, constitution: Constitution) {
        let start = ContinuousClock.now
        let exchange = classifier.classifyExchange(prompt: prompt, response: response)
        let (score, tripped, uncertain) = (exchange.score, exchange.tripped, exchange.uncertain)
        // The exchange is classified as text only to name the category of a response that scored.
        let best = tripped || uncertain ? Self.contentCategory(of: classifier.classify(prompt + "\n\n" + response), constitution) : nil
        categories = tripped || uncertain
            ? [CategoryScore(id: best?.id ?? "harmful", score: (Double(score) * 1000).rounded() / 1000,
                             severity: best?.severity.rawValue ?? "high", action: best?.action.rawValue ?? "block", uncertain: !tripped)]
            : []
        verdict = tripped ? .block : .allow
        stage = 1
        explanation = tripped || uncertain
            ? "the response \(tripped ? "complies" : "may comply") with a harmful request (output classifier \(String(format: "%.3f", score)))" : ""
        modelVersion = classifier.model.header.version
        constitutionVersion = constitution.version
        latencyUs = Self.microseconds(since: start)
    }

    /// The content category whose head scores highest: it names the harm.
    static func contentCategory(of result: Stage1Result, _ constitution: Constitution) -> ConstitutionCategory? {
        constitution.categories.filter { $0.kind == .content }
            .max { (result.scores[$0.id] ?? 0) < (result.scores[$1.id] ?? 0) }
    }

    /// Whole microseconds from `start` to now.
    static func microseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = start.duration(to: .now)
        return Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
    }
}
