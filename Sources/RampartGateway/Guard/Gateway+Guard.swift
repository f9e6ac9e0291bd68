import Foundation
import RampartGuard
import RampartStore
import RampartWire

/// The gateway could not start: its state, constitution or model is unusable.
public struct GatewayStartError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Gateway {
    /// The classifier and constitution the guard judges with, or `nil` when every part of the
    /// guard is off. The constitution is the active policy version's when one was promoted
    /// (`rampart policy promote`), otherwise the configuration's.
    static func guardEngine(_ config: GuardConfig, policy: PolicyVersion?) throws(GatewayStartError) -> GuardEngine? {
        let inputOn = config.inputMode != .off || config.inputCategoryModes.values.contains { $0 != .off }
        guard inputOn || config.outputMode != .off else { return nil }
        let constitution: Constitution
        do {
            if let policy {
                constitution = try policy.parsed()
            } else if let path = config.constitutionPath {
                constitution = try ConstitutionLoader.load(path: path)
            } else {
                constitution = ConstitutionLoader.builtin()
            }
        } catch {
            throw GatewayStartError(message: "the constitution \(policy.map { "of policy \($0.version)" } ?? config.constitutionPath ?? "builtin") cannot be used: \(error)")
        }
        do {
            return GuardEngine(classifier: try policy?.classifier() ?? Stage1Classifier.bundled(), constitution: constitution, inputOn: inputOn)
        } catch {
            throw GatewayStartError(message: "\(error)")
        }
    }

    /// 400 `rampart_policy_violation`, naming the category and how it was found.
    static func policyViolation(_ screening: InputGuard.Screening) -> RampartError {
        let category = screening.decidingCategory
        return RampartError(status: 400, code: "rampart_policy_violation",
                            message: "This request was blocked by the gateway's content policy (category \(category?.id ?? "unknown"), severity \(category?.severity ?? "high")). If you think this is a mistake, contact the gateway's operator and quote the request id.")
    }

    /// The answer the guard gives in the model's place when a `refuse` category trips.
    static func refusal(for request: ChatRequest, category: String) -> ChatResponse {
        let text = "I can't help with that. This request falls under the gateway's content policy (\(category))."
        return ChatResponse(id: "rampart-refusal-\(UUID().uuidString.prefix(8).lowercased())", model: request.model,
                            content: [.text(TextPart(text: text))], stopReason: .refusal,
                            usage: Usage(inputTokens: 0, outputTokens: 0), created: Int(Date().timeIntervalSince1970),
                            sourceAPI: request.sourceAPI)
    }
}

extension EventStream {
    /// A stream that replays a whole answer: start, its text, the stop reason and usage.
    static func replaying(_ response: ChatResponse) -> EventStream {
        var events: [StreamEvent] = [.start(id: response.id, model: response.model)]
        events += response.content.compactMap { part in
            if case .text(let text) = part { return .textDelta(text.text) }
            return nil
        }
        events.append(.finish(response.stopReason))
        if let usage = response.usage { events.append(.usage(usage)) }
        return EventStream { [events] in
            var position = 0
            return {
                defer { position += 1 }
                return position < events.count ? events[position] : nil
            }
        }
    }
}

extension Gateway {
    /// `POST /v1/guard/check`: the guard's verdict on a text, a conversation or an exchange,
    /// without proxying anything.
    public func check(_ subject: GuardSubject) throws(RampartError) -> GuardVerdict {
        guard let engine = guardEngine else {
            throw RampartError(status: 503, code: "rampart_guard_disabled",
                               message: "The guard is off in this gateway's configuration (guard.input.mode: off).")
        }
        switch subject {
        case .text(let text):
            return GuardVerdict(stage1: engine.classifier, text: text, constitution: engine.constitution)
        case .exchange(let prompt, let response):
            return GuardVerdict(stage1: engine.classifier, prompt: prompt, response: response, constitution: engine.constitution)
        }
    }
}

/// What the guard judges with.
struct GuardEngine: Sendable {
    let classifier: Stage1Classifier
    let constitution: Constitution
    /// Whether the input guard runs (in any mode).
    let inputOn: Bool

    /// How audit events name the policy: the constitution's version and the start of its hash,
    /// and the stage-1 model's version.
    var stamp: AuditEvent.PolicyStamp {
        AuditEvent.PolicyStamp(version: constitution.version, hash: String(constitution.contentHash.prefix(16)),
                               model: classifier.model.header.version)
    }
}

/// A candidate policy's verdict on one request, judged in shadow beside the active policy's.
public struct ShadowJudgement: Sendable {
    public var requestID: String?
    public var principal: Principal
    public var alias: String
    /// The user's words as both guards read them.
    public var prompt: String
    public var active: AuditEvent.GuardRecord
    public var candidate: AuditEvent.GuardRecord
    /// The candidate's version.
    public var policy: AuditEvent.PolicyStamp
}

/// What `POST /v1/guard/check` judges.
public enum GuardSubject: Sendable {
    /// An input: a prompt, or a conversation's user turns joined.
    case text(String)
    /// A response to a prompt (the output classifier).
    case exchange(prompt: String, response: String)
}
