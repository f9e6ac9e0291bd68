import Testing
import RampartWire
@testable import RampartGateway

@Suite struct SimulatorProviderTests {
    func request(_ text: String, tools: [ToolDefinition] = [], maxTokens: Int? = nil) -> ChatRequest {
        ChatRequest(model: "alias", messages: [Message(role: .user, content: [.text(text)])], tools: tools, maxTokens: maxTokens, sourceAPI: .openAI)
    }

    @Test func answersDeterministically() async throws {
        let simulator = SimulatorProvider(id: "sim", options: SimulatorOptions())
        let first = try await simulator.complete(request("Tell me about Lisbon"), model: "sim-1", limits: .generous)
        let second = try await simulator.complete(request("Tell me about Lisbon"), model: "sim-1", limits: .generous)
        #expect(first.text == second.text)
        #expect(first.text.contains("Tell me about Lisbon"))
        #expect(first.stopReason == .endTurn && first.model == "sim-1")
    }

    @Test func streamsTheSameAnswerTokenByToken() async throws {
        let simulator = SimulatorProvider(id: "sim", options: SimulatorOptions(text: "one two three"))
        var deltas: [String] = []
        var last: StreamEvent?
        for try await event in try await simulator.stream(request("hi"), model: "m", limits: .generous) {
            if case .textDelta(let text) = event { deltas.append(text) }
            last = event
        }
        #expect(deltas == ["one ", "two ", "three"])
        #expect(last == .usage(Usage(inputTokens: 1, outputTokens: 3)))
    }

    @Test func callsToolsWithArgumentsFromTheSchema() async throws {
        let schema: JSONValue = .object([
            "type": .string("object"),
            "properties": .object(["location": .object(["type": .string("string")]), "days": .object(["type": .string("integer")]),
                                   "unit": .object(["type": .string("string"), "enum": .array([.string("celsius"), .string("fahrenheit")])])]),
            "required": .array([.string("location"), .string("days"), .string("unit")]),
        ])
        let simulator = SimulatorProvider(id: "sim", options: SimulatorOptions())
        let answer = try await simulator.complete(request("Weather in Paris?", tools: [ToolDefinition(name: "get_weather", parameters: schema)]), model: "m", limits: .generous)
        #expect(answer.stopReason == .toolUse)
        guard case .toolCall(let call) = answer.content.first else { Issue.record("no tool call"); return }
        #expect(call.name == "get_weather")
        let arguments = try WireJSON.decode(JSONValue.self, from: .init(call.arguments.utf8))
        #expect(arguments == .object(["location": .string("Paris"), "days": .int(1), "unit": .string("celsius")]))
    }

    @Test func respectsMaxTokensAndRefusesUnlessNaive() async throws {
        let cautious = SimulatorProvider(id: "sim", options: SimulatorOptions())
        let limited = try await cautious.complete(request("Tell me a long story please", maxTokens: 2), model: "m", limits: .generous)
        #expect(limited.stopReason == .maxTokens && limited.usage?.outputTokens == 2)
        #expect(try await cautious.complete(request("how to build a bomb"), model: "m", limits: .generous).text.contains("can't help"))
        let naive = SimulatorProvider(id: "sim", options: SimulatorOptions(naive: true))
        #expect(!(try await naive.complete(request("how to build a bomb"), model: "m", limits: .generous).text.contains("can't help")))
    }

    @Test func spreadsFaultsEvenlyAtTheConfiguredRate() async {
        let simulator = SimulatorProvider(id: "sim", options: SimulatorOptions(fault: SimulatorFault(kind: .status(503, message: nil), rate: 0.25)))
        var failures: [Int] = []
        for index in 1...12 {
            do {
                _ = try await simulator.complete(request("x"), model: "m", limits: .generous)
            } catch {
                #expect(error == .status(UpstreamStatus(status: 503, message: "simulated provider error 503")))
                failures.append(index)
            }
        }
        #expect(failures == [4, 8, 12])
    }

    @Test func cutsStreamsAfterTheConfiguredTokens() async throws {
        let simulator = SimulatorProvider(id: "sim", options: SimulatorOptions(text: "a b c d e", fault: SimulatorFault(kind: .cutAfterTokens(2))))
        var deltas = 0
        do {
            for try await event in try await simulator.stream(request("x"), model: "m", limits: .generous) {
                if case .textDelta = event { deltas += 1 }
            }
            Issue.record("the stream was not cut")
        } catch let failure as UpstreamFailure {
            guard case .streamCut = failure else { Issue.record("\(failure)"); return }
        }
        #expect(deltas == 2)
    }

    @Test(arguments: [
        (UpstreamFailure.status(UpstreamStatus(status: 401, message: "bad key")), 502, "rampart_upstream_auth_failed"),
        (.status(UpstreamStatus(status: 403, message: "model suspended")), 502, "rampart_upstream_access_suspended"),
        (.status(UpstreamStatus(status: 451, message: "unavailable")), 451, "rampart_upstream_legal_block"),
        (.status(UpstreamStatus(status: 429, message: "slow", retryAfterSeconds: 7)), 429, "rampart_upstream_rate_limited"),
        (.status(UpstreamStatus(status: 529, message: "busy", type: "overloaded_error")), 503, "rampart_upstream_overloaded"),
        (.status(UpstreamStatus(status: 400, message: "missing field")), 400, "rampart_upstream_rejected_request"),
        (.status(UpstreamStatus(status: 400, message: "prompt is too long: 210000 tokens > 200000 maximum")), 400, "rampart_context_length_exceeded"),
        (.status(UpstreamStatus(status: 400, message: "blocked", code: "content_policy_violation")), 400, "rampart_upstream_content_refused"),
        (.status(UpstreamStatus(status: 500, message: "oops")), 502, "rampart_upstream_error"),
        (.connect("refused"), 502, "rampart_upstream_unavailable"),
        (.timeout(.firstByte, "slow"), 504, "rampart_upstream_timeout"),
        (.timeout(.deadline, "slow"), 504, "rampart_deadline_exceeded"),
        (.malformed("html"), 502, "rampart_upstream_invalid_response"),
    ])
    func upstreamFailuresMapToTypedClientErrors(failure: UpstreamFailure, status: Int, code: String) {
        let error = failure.clientError(provider: "p")
        #expect(error.status == status && error.code == code)
        #expect(error.message.contains("'p'"))
    }

    @Test func upstreamErrorMessagesNeverCarrySecrets() {
        let message = UpstreamErrorReport.describe(
            status: 401, body: .init(#"{"error":{"message":"Incorrect API key provided: sk-abcdefghijklmnopqrstuvwxyz. Also upstream-secret."}}"#.utf8),
            contentType: "application/json", retryAfter: nil, secrets: ["upstream-secret"]).message
        #expect(!message.contains("sk-abcdefghijklmnop") && !message.contains("upstream-secret"))
        let html = UpstreamErrorReport.describe(status: 502, body: .init("<html><body>Bad Gateway</body></html>".utf8),
                                                contentType: "text/html", retryAfter: "3", secrets: [])
        #expect(!html.message.contains("<") && html.retryAfterSeconds == 3)
    }
}
