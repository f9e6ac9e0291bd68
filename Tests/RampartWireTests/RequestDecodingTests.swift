import Foundation
import Testing
@testable import RampartWire

@Suite struct RequestDecodingTests {
    func openAI(_ json: String) throws(WireError) -> ChatRequest { try OpenAIRequestCodec.decode(Data(json.utf8)) }
    func anthropic(_ json: String) throws(WireError) -> ChatRequest { try AnthropicRequestCodec.decode(Data(json.utf8)) }

    @Test func decodesAFullOpenAIRequest() throws {
        let request = try openAI("""
            {"model":"m","messages":[
              {"role":"system","content":"Be brief."},
              {"role":"user","content":[{"type":"text","text":"Look"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA","detail":"low"}}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{\\"x\\":1}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"42"}],
             "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
             "tool_choice":{"type":"function","function":{"name":"f"}},
             "stop":"END","max_completion_tokens":50,"stream":true,"stream_options":{"include_usage":true},
             "seed":12345678901234,"logprobs":true}
            """)
        #expect(request.messages.map(\.role) == [.system, .user, .assistant, .tool])
        #expect(request.messages[1].content[1] == .image(ImagePart(source: .base64(mediaType: "image/png", data: "AAAA"), detail: "low")))
        #expect(request.messages[2].content == [.toolCall(ToolCall(id: "call_1", name: "f", arguments: "{\"x\":1}"))])
        #expect(request.messages[3].content == [.toolResult(ToolResult(toolCallID: "call_1", content: [.text("42")]))])
        #expect(request.toolChoice == .tool("f"))
        #expect(request.stopSequences == ["END"])
        #expect(request.maxTokens == 50)
        #expect(request.stream && request.includeUsageInStream)
        #expect(request.seed == 12345678901234)
        #expect(request.vendorExtensions == ["logprobs": .bool(true)])
    }

    @Test func decodesAnAnthropicRequestWithToolResults() throws {
        let request = try anthropic("""
            {"model":"m","max_tokens":10,"system":[{"type":"text","text":"Sys","cache_control":{"type":"ephemeral"}}],
             "messages":[{"role":"user","content":"Weather?"},
               {"role":"assistant","content":[{"type":"tool_use","id":"tu_1","name":"w","input":{"city":"Paris"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"tu_1","content":"sunny"},{"type":"text","text":"thanks"}]}],
             "tool_choice":{"type":"any","disable_parallel_tool_use":true},"top_k":5,
             "metadata":{"user_id":"u1"},"thinking":{"type":"disabled"}}
            """)
        #expect(request.messages.map(\.role) == [.system, .user, .assistant, .tool, .user])
        #expect(request.messages[0].content == [.text(TextPart(text: "Sys", extra: ["cache_control": .object(["type": .string("ephemeral")])]))])
        #expect(request.messages[2].content == [.toolCall(ToolCall(id: "tu_1", name: "w", arguments: #"{"city":"Paris"}"#))])
        #expect(request.messages[3].content == [.toolResult(ToolResult(toolCallID: "tu_1", content: [.text("sunny")]))])
        #expect(request.toolChoice == .required && request.parallelToolCalls == false)
        #expect(request.topK == 5 && request.endUser == "u1")
        #expect(request.vendorExtensions["thinking"] != nil)
    }

    @Test(arguments: [
        (#"{"model":"m","messages":"hi"}"#, "messages"),
        (#"{"model":"m","messages":[{"role":"user","content":5}]}"#, "messages[0].content"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":"ten"}"#, "max_tokens"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":"hot"}"#, "temperature"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":3}"#, "temperature"),
        (#"{"model":"m","messages":[]}"#, "messages"),
        (#"{"messages":[{"role":"user","content":"x"}]}"#, "model"),
        (#"{"model":"m","messages":[{"role":"wizard","content":"x"}]}"#, "messages[0].role"),
        (#"{"model":"m","messages":[{"role":"tool","content":"x"}]}"#, "messages[0].tool_call_id"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"n":3}"#, "n"),
    ])
    func openAIFieldErrorsNameTheField(json: String, field: String) {
        #expect(throws: WireError.self) { try openAI(json) }
        do { _ = try openAI(json) } catch { #expect(error.field == field, "\(error)") }
    }

    @Test(arguments: [
        (#"{"model":"m","messages":[{"role":"user","content":"x"}]}"#, "max_tokens"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"system","content":"x"}]}"#, "messages[0].role"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"file"}}]}]}"#, "messages[0].content[0].source.type"),
    ])
    func anthropicFieldErrorsNameTheField(json: String, field: String) {
        do {
            _ = try anthropic(json)
            Issue.record("expected an error for \(json)")
        } catch {
            #expect(error.field == field, "\(error)")
        }
    }

    @Test func malformedJSONAndInvalidUTF8AreReportedAsSuch() {
        #expect(throws: WireError.self) { try openAI("{\"model\": ") }
        var bytes = Array(#"{"model":"m","messages":[{"role":"user","content":"x"#.utf8)
        bytes += [0xC3, 0x28] + Array(#""}]}"#.utf8)
        do {
            _ = try OpenAIRequestCodec.decode(Data(bytes))
            Issue.record("invalid UTF-8 accepted")
        } catch {
            guard case .malformedJSON(let detail) = error else { Issue.record("\(error)"); return }
            #expect(detail.contains("UTF-8"))
        }
    }
}
