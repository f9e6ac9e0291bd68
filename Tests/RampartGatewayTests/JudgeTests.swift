import Foundation
import Logging
import Testing
import RampartWire
@testable import RampartGateway

/// Stage 2 of the cascade, with a simulator standing in for the judge's model.
@Suite struct JudgeTests {
    /// A gateway whose judge is a simulator answering `judgeText`; `side` is the guard that is on
    /// (`input` or `output`), in enforce mode.
    func gateway(judgeText: String? = nil, fault: String? = nil, onFailure: String = "open", side: String = "input") throws -> Gateway {
        var judge = "{id: judge, kind: simulator, naive: true"
        if let judgeText { judge += ", text: '\(judgeText)'" }
        if let fault { judge += ", fault: \(fault)" }
        judge += "}"
        let config = try ConfigLoader.parse(yaml: """
            server: {state_dir: "\(FileManager.default.temporaryDirectory.path)/rampart-judge-\(UUID().uuidString)"}
            guard:
              input: {mode: \(side == "input" ? "enforce" : "off")}
              output: {mode: \(side == "output" ? "enforce" : "off")}
              judge: {provider: judge, model: judge-1, timeout_ms: 200, escalate: all, on_failure: \(onFailure)}
            providers: [{id: sim, kind: simulator}, \(judge)]
            models: [{alias: a, targets: [{provider: sim, model: m}]}]
            """, environment: [:])
        return try Gateway(config: config, logger: Logger(label: "test"))
    }

    let request = ChatRequest(model: "a", messages: [Message(role: .user, content: [.text(TextPart(text: "What is 12 times 7?"))])],
                              sourceAPI: .openAI)

    @Test func aBlockFromTheJudgeIsEnforced() async throws {
        let gateway = try gateway(judgeText: #"{"verdict": "block", "category": "weapons", "reason": "asks for a weapon"}"#)
        do {
            _ = try await gateway.complete(request, principal: .anonymous)
            Issue.record("expected a block")
        } catch {
            #expect(error.code == "rampart_policy_violation" && error.message.contains("weapons"))
        }
    }

    @Test func anAllowFromTheJudgeLetsTheRequestThrough() async throws {
        let gateway = try gateway(judgeText: #"{"verdict": "allow", "category": "none", "reason": "arithmetic"}"#)
        let routed = try await gateway.complete(request, principal: .anonymous)
        #expect(routed.guardVerdict == .allow)
    }

    @Test(arguments: ["open", "closed"])
    func aJudgeThatAnswersOutOfFormatFailsAsConfigured(onFailure: String) async throws {
        let gateway = try gateway(judgeText: "I think this is fine.", onFailure: onFailure)
        do {
            _ = try await gateway.complete(request, principal: .anonymous)
            #expect(onFailure == "open")
        } catch {
            #expect(onFailure == "closed" && error.code == "rampart_policy_violation")
        }
    }

    @Test func aJudgeThatHangsFailsWithinItsTimeout() async throws {
        let gateway = try gateway(fault: "{hang: true}", onFailure: "closed")
        let started = ContinuousClock.now
        await #expect(throws: RampartError.self) { _ = try await gateway.complete(request, principal: .anonymous) }
        // The judge hangs forever; a generous bound for a loaded machine still proves the timeout ended it.
        #expect(started.duration(to: .now) < .seconds(15))
    }

    @Test func theJudgeReadsWholeAnswersAndItsBlockReplacesThem() async throws {
        let gateway = try gateway(judgeText: #"{"verdict": "block", "category": "weapons", "reason": "weapon instructions"}"#, side: "output")
        let routed = try await gateway.complete(request, principal: .anonymous)
        #expect(routed.value.stopReason == .refusal)
        var streamed = request
        streamed.stream = true
        var stop: StopReason?
        for try await event in try await gateway.stream(streamed, principal: .anonymous).value {
            if case .finish(let reason) = event { stop = reason }
        }
        #expect(stop == .refusal)
    }

    @Test(arguments: ["open", "closed"])
    func anAnswerTheJudgeAllowsOrCannotJudgePassesAsConfigured(onFailure: String) async throws {
        let allowing = try gateway(judgeText: #"{"verdict": "allow", "category": "none", "reason": "arithmetic"}"#, onFailure: onFailure, side: "output")
        #expect(try await allowing.complete(request, principal: .anonymous).value.stopReason != .refusal)
        let failing = try gateway(judgeText: "Looks fine to me.", onFailure: onFailure, side: "output")
        let stop = try await failing.complete(request, principal: .anonymous).value.stopReason
        #expect((stop == .refusal) == (onFailure == "closed"))
    }

    @Test func answersAreParsedStrictly() {
        let known: Set = ["weapons", "cyber"]
        #expect(Judge.parse("```json\n{\"verdict\":\"block\",\"category\":\"cyber\"}\n```", known: known) == .block(category: "cyber", reason: ""))
        #expect(Judge.parse(#"{"verdict":"allow","reason":"ok"}"#, known: known) == .allow(reason: "ok"))
        for bad in [#"{"verdict":"block","category":"nope"}"#, #"{"verdict":"maybe"}"#, "Allow.", "", #"["allow"]"#] {
            guard case .failed = Judge.parse(bad, known: known) else { Issue.record("accepted \(bad)"); continue }
        }
    }
}
