import Foundation
import NIOConcurrencyHelpers
import RampartGuard
import RampartStore
import RampartWire

/// What one request went through, filled in as it goes — by the server (who asked, what came
/// back) and by the gateway (guard verdicts, the route) — and turned into its audit event by
/// ``AuditRecorder`` when it ends. Safe to touch from the request's tasks and its stream's.
public final class RequestTrail: Sendable {
    public let requestID: String
    public let api: WireAPI
    let arrived = Date()
    let started = ContinuousClock.now

    /// Longest answer kept for the audit event (text beyond it is cut, the hash covers what was kept).
    static let maxAnswerCharacters = 64 * 1024

    struct State {
        var principal: Principal?
        var alias: String?
        var stream: Bool?
        var prompt: String?
        var guardRecords: [AuditEvent.GuardRecord] = []
        var route: String?
        var attempts: Int?
        var fallbackReason: String?
        var answer = ""
        var usage: Usage?
        var halted = false
        var refusedByGuard = false
        /// The policy whose guard judged the request.
        var policy: AuditEvent.PolicyStamp?
    }

    let state = NIOLockedValueBox(State())

    public init(requestID: String, api: WireAPI) {
        self.requestID = requestID
        self.api = api
    }

    /// Who sent it.
    public func authenticated(_ principal: Principal) {
        state.withLockedValue { $0.principal = principal }
    }

    /// What was asked: the alias, whether streamed, and the user's words (as the input guard reads them).
    public func asked(_ request: ChatRequest) {
        let prompt = InputGuard.userText(of: request)
        state.withLockedValue { state in
            state.alias = request.model
            state.stream = request.stream
            state.prompt = prompt
        }
    }

    /// The input guard's screening, under the policy `policy`.
    func screened(_ screening: InputGuard.Screening, policy: AuditEvent.PolicyStamp?) {
        let record = screening.record(direction: "input")
        state.withLockedValue { state in
            state.guardRecords.append(record)
            state.policy = policy
            if screening.action == .refuse || screening.action == .block { state.refusedByGuard = true }
        }
    }

    /// The output guard tripped after `tokens` tokens (0 for a whole answer); `enforced` when it stopped the answer.
    func outputTripped(tokens: Int, enforced: Bool) {
        let record = AuditEvent.GuardRecord(
            direction: "output", verdict: enforced ? "block" : "flag", stage: 1, action: enforced ? "halt" : nil, categories: [:],
            explanation: tokens > 0 ? "the answer was judged harmful after \(tokens) tokens" : "the whole answer was judged harmful")
        state.withLockedValue { state in
            state.guardRecords.append(record)
            if enforced { state.halted = true }
        }
    }

    /// Where it was served.
    public func routed(target: Target, attempts: Int, fallbackReason: String?) {
        state.withLockedValue { state in
            state.route = target.description
            state.attempts = attempts
            state.fallbackReason = fallbackReason
        }
    }

    /// A whole answer.
    public func answered(_ response: ChatResponse) {
        let text = response.text
        state.withLockedValue { state in
            state.answer = String(text.prefix(Self.maxAnswerCharacters))
            state.usage = response.usage
        }
    }

    /// One streamed event, as the client receives it.
    public func streamed(_ event: StreamEvent) {
        switch event {
        case .textDelta(let text):
            state.withLockedValue { state in
                if state.answer.utf8.count < Self.maxAnswerCharacters { state.answer += text }
            }
        case .usage(let usage):
            state.withLockedValue { $0.usage = usage }
        default:
            break
        }
    }
}
