import Foundation
import RampartGuard
import RampartStore
import RampartWire

/// Screens a request before it is routed (DESIGN.md §1, "Input guard"): the user's side of the
/// whole conversation for harm and jailbreaks (so that a request built up over several turns is
/// seen whole), and each tool result or pasted document on its own for injection.
struct InputGuard: Sendable {
    let classifier: Stage1Classifier
    let constitution: Constitution
    let config: GuardConfig
    let redactor: Redactor?
    /// Stage 2, when configured.
    let judge: Judge?

    /// What the guard decided for one request.
    struct Screening: Sendable {
        /// The verdict as the `x-rampart-guard` header reports it (monitor mode included).
        var verdict: GuardVerdict.Verdict
        var categories: [GuardVerdict.CategoryScore]
        var explanation: String
        /// What the gateway must do (nothing in monitor mode).
        var action: GuardAction?
        /// The request with secrets replaced, when redaction changed it.
        var redacted: ChatRequest?
        /// The enforced category that decided the action.
        var decidingCategory: GuardVerdict.CategoryScore?
        /// 1, or 2 when the judge decided.
        var stage = 1

        /// The screening as an audit event records it.
        func record(direction: String) -> AuditEvent.GuardRecord {
            AuditEvent.GuardRecord(
                direction: direction, verdict: verdict.rawValue, stage: stage, action: action?.rawValue,
                categories: Dictionary(categories.map { ($0.id, ($0.score * 1000).rounded() / 1000) }, uniquingKeysWith: max),
                explanation: explanation.isEmpty ? nil : explanation)
        }
    }

    /// How many of the latest user turns are judged together.
    static let conversationTurns = 6

    /// The user's own words in the latest turns, joined: what the input guard judges and what the
    /// output guard takes as the prompt.
    static func userText(of request: ChatRequest) -> String {
        request.messages.filter { $0.role == .user }.suffix(conversationTurns)
            .map { $0.content.compactMap(ownWords).joined(separator: "\n") }.joined(separator: "\n")
    }

    func screen(_ request: ChatRequest) async -> Screening {
        let userText = Self.userText(of: request)
        let documents = Self.documents(in: request)
        var verdicts = [GuardVerdict(stage1: classifier, text: userText, constitution: constitution)]
        for document in documents {
            verdicts.append(GuardVerdict(stage1: classifier, text: document, constitution: constitution))
        }
        var categories: [String: GuardVerdict.CategoryScore] = [:]
        for category in verdicts.flatMap(\.categories) where (categories[category.id]?.score ?? -1) < category.score {
            categories[category.id] = category
        }
        let all = categories.values.sorted { $0.score > $1.score }
        var decisive = all.filter { !$0.uncertain }
        var explanation = verdicts.map(\.explanation).filter { !$0.isEmpty }.joined(separator: "; ")
        var stage = 1
        let uncertain = all.filter(\.uncertain).map(\.id)
        if let judge, judge.config.escalateAll || (decisive.isEmpty && !uncertain.isEmpty) {
            stage = 2
            let text = ([userText] + documents).joined(separator: "\n\n")
            switch await judge.judge(text, categories: judge.config.escalateAll ? [] : uncertain) {
            case .allow(let reason):
                explanation += "; stage 2 allowed it: \(reason)"
            case .block(let id, let reason):
                decisive.append(judged(id, score: 1))
                explanation += "; stage 2 blocked it (\(id)): \(reason)"
            case .failed(let why):
                if judge.failureBlocks(uncertain) {
                    decisive.append(judged(uncertain.first { judge.config.failClosedCategories.contains($0) } ?? uncertain.first ?? "policy", score: 0))
                }
                explanation += "; stage 2 failed (\(judge.failureBlocks(uncertain) ? "closed" : "open")): \(why)"
            }
        }
        let enforced = decisive.filter { config.inputMode(for: $0.id) == .enforce }
        let deciding = enforced.max { Self.rank($0.action) < Self.rank($1.action) }
        var screening = Screening(
            verdict: decisive.contains { ["block", "refuse"].contains($0.action) } ? .block : (decisive.isEmpty ? .allow : .flag),
            categories: stage == 2 ? decisive : all, explanation: explanation,
            action: deciding.flatMap { GuardAction(rawValue: $0.action) }, redacted: nil, decidingCategory: deciding, stage: stage)
        if let redactor {
            screening.redacted = Self.redact(request, with: redactor)
        }
        return screening
    }

    /// A category as stage 2 decided it, with the constitution's severity and action.
    private func judged(_ id: String, score: Double) -> GuardVerdict.CategoryScore {
        let category = constitution.category(id)
        return GuardVerdict.CategoryScore(id: id, score: score, severity: category?.severity.rawValue ?? "high",
                                          action: category?.action.rawValue ?? "block", uncertain: false)
    }

    /// Text the user wrote in a message part (tool results are judged as documents).
    private static func ownWords(_ part: ContentPart) -> String? {
        if case .text(let text) = part { return text.text }
        return nil
    }

    /// Tool results, which come from third parties and are where injections hide.
    private static func documents(in request: ChatRequest) -> [String] {
        request.messages.flatMap { message in
            message.content.compactMap { part -> String? in
                if case .toolResult = part { return part.plainText }
                return nil
            } + (message.role == .tool ? [message.text] : [])
        }.filter { !$0.isEmpty }
    }

    /// Which action wins when several categories trip: the most protective.
    private static func rank(_ action: String) -> Int {
        ["flag": 0, "redact": 1, "route_safer": 2, "refuse": 3, "block": 4][action] ?? 4
    }

    /// The request with every text part passed through the redactor; `nil` when nothing changed.
    private static func redact(_ request: ChatRequest, with redactor: Redactor) -> ChatRequest? {
        var changed = false
        var copy = request
        for (messageIndex, message) in request.messages.enumerated() {
            for (partIndex, part) in message.content.enumerated() {
                guard case .text(var text) = part else { continue }
                let redaction = redactor.redact(text.text)
                guard !redaction.findings.isEmpty else { continue }
                text.text = redaction.text
                copy.messages[messageIndex].content[partIndex] = .text(text)
                changed = true
            }
        }
        guard changed else { return nil }
        copy.clientBody = nil
        return copy
    }
}
