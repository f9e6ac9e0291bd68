import Foundation
import Testing
@testable import RampartWire

/// Requests and answers crossing from one wire API to the other.
@Suite struct TranslationTests {
    func object(_ data: Data) throws -> JSONObject {
        try JSONDecoder().decode(JSONObject.self, from: data)
    }

    let openAIConversation = """
        {"model":"alias","messages":[
          {"role":"system","content":"Be brief."},
          {"role":"user","content":[{"type":"text","text":"Weather in Paris?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]},
          {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                                                           {"id":"call_2","type":"function","function":{"name":"time","arguments":"{}"}}]},
          {"role":"tool","tool_call_id":"call_1","content":"sunny"},
          {"role":"tool","tool_call_id":"call_2","content":"noon"},
          {"role":"user","content":"Thanks"}],
         "tools":[{"type":"function","function":{"name":"weather","description":"d","parameters":{"type":"object"}}}],
         "tool_choice":"required","parallel_tool_calls":false,"stop":["X"],"user":"u1","seed":3,"store":false}
        """

    @Test func openAIRequestBecomesAValidAnthropicRequest() throws {
        let request = try OpenAIRequestCodec.decode(Data(openAIConversation.utf8))
        let wire = try object(AnthropicRequestCodec.encode(request, model: "claude-x", defaultMaxTokens: 77))
        #expect(wire["model"] == .string("claude-x"))
        #expect(wire["max_tokens"] == .int(77))
        #expect(wire["system"] == .string("Be brief."))
        #expect(wire["stop_sequences"] == .array([.string("X")]))
        #expect(wire["metadata"] == .object(["user_id": .string("u1")]))
        #expect(wire["tool_choice"] == .object(["type": .string("any"), "disable_parallel_tool_use": .bool(true)]))
        #expect(wire["seed"] == nil && wire["store"] == nil, "advisory members are dropped across APIs")
        let messages = try #require(wire["messages"]?.arrayValue)
        #expect(messages.compactMap { $0["role"]?.stringValue } == ["user", "assistant", "user"])
        let image = messages[0]["content"]?.arrayValue?[1]
        #expect(image?["source"] == .object(["type": .string("base64"), "media_type": .string("image/png"), "data": .string("AAAA")]))
        let toolUse = messages[1]["content"]?.arrayValue?[0]
        #expect(toolUse?["input"] == .object(["city": .string("Paris")]))
        let results = try #require(messages[2]["content"]?.arrayValue)
        #expect(results.map { $0["type"]?.stringValue } == ["tool_result", "tool_result", "text"])
        #expect(results[1]["tool_use_id"] == .string("call_2"))
    }

    @Test func anthropicRequestBecomesAValidOpenAIRequest() throws {
        let request = try AnthropicRequestCodec.decode(Data("""
            {"model":"alias","max_tokens":10,"system":"Sys","stop_sequences":["Z"],
             "messages":[{"role":"user","content":[{"type":"text","text":"Hi","cache_control":{"type":"ephemeral"}}]},
               {"role":"assistant","content":[{"type":"text","text":"Calling"},{"type":"tool_use","id":"tu_1","name":"w","input":{"a":1}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"tu_1","content":[{"type":"text","text":"done"}],"is_error":true}]}],
             "tools":[{"name":"w","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"w"}}
            """.utf8))
        let wire = try object(OpenAIRequestCodec.encode(request, model: "gpt-x", maxTokensField: "max_completion_tokens"))
        #expect(wire["max_completion_tokens"] == .int(10) && wire["max_tokens"] == nil)
        #expect(wire["stop"] == .array([.string("Z")]))
        #expect(wire["tool_choice"] == .object(["type": .string("function"), "function": .object(["name": .string("w")])]))
        let messages = try #require(wire["messages"]?.arrayValue)
        #expect(messages.compactMap { $0["role"]?.stringValue } == ["system", "user", "assistant", "tool"])
        #expect(messages[1]["content"] == .string("Hi"), "cache_control is an advisory hint, dropped across APIs")
        #expect(messages[2]["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == .string(#"{"a":1}"#))
        #expect(messages[3]["tool_call_id"] == .string("tu_1"))
        #expect(messages[3]["content"] == .string("Error: done"))
    }

    @Test func sameAPIForwardingKeepsUnknownMembers() throws {
        let openAI = try OpenAIRequestCodec.decode(Data(#"{"model":"a","messages":[{"role":"user","content":"x","name":"bob"}],"logprobs":true,"top_logprobs":2}"#.utf8))
        let forwarded = try object(OpenAIRequestCodec.encode(openAI, model: "b"))
        #expect(forwarded["logprobs"] == .bool(true) && forwarded["top_logprobs"] == .int(2))
        #expect(forwarded["messages"]?.arrayValue?.first?["name"] == .string("bob"))

        let anthropic = try AnthropicRequestCodec.decode(Data(#"{"model":"a","max_tokens":5,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","data":"doc"}}]}],"thinking":{"type":"enabled","budget_tokens":1024}}"#.utf8))
        let anthropicForwarded = try object(AnthropicRequestCodec.encode(anthropic, model: "b"))
        #expect(anthropicForwarded["thinking"]?["budget_tokens"] == .int(1024))
        #expect(anthropicForwarded["messages"]?.arrayValue?.first?["content"]?.arrayValue?.first?["type"] == .string("document"))
    }

    @Test(arguments: [
        #"{"model":"a","messages":[{"role":"user","content":"x"}],"logprobs":true}"#,
        #"{"model":"a","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_object"}}"#,
        #"{"model":"a","messages":[{"role":"user","content":"x"}],"temperature":1.5}"#,
        #"{"model":"a","messages":[{"role":"user","content":"x"},{"role":"system","content":"late"}]}"#,
        #"{"model":"a","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"x","format":"wav"}}]}]}"#,
    ])
    func openAIFeaturesAnthropicCannotExpressFailLoudly(json: String) throws {
        let request = try OpenAIRequestCodec.decode(Data(json.utf8))
        #expect(throws: WireError.self) { try AnthropicRequestCodec.encode(request, model: "c") }
        do {
            _ = try AnthropicRequestCodec.encode(request, model: "c")
        } catch {
            guard case .untranslatable(let message) = error else { Issue.record("\(error)"); return }
            #expect(!message.isEmpty)
            #expect(RampartError(error).status == 400 && RampartError(error).code == "rampart_untranslatable_request")
        }
    }

    @Test(arguments: [
        #"{"model":"a","max_tokens":5,"messages":[{"role":"user","content":"x"}],"top_k":3}"#,
        #"{"model":"a","max_tokens":5,"messages":[{"role":"user","content":"x"}],"thinking":{"type":"enabled","budget_tokens":1024}}"#,
        #"{"model":"a","max_tokens":5,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","data":"d"}}]}]}"#,
    ])
    func anthropicFeaturesOpenAICannotExpressFailLoudly(json: String) throws {
        let request = try AnthropicRequestCodec.decode(Data(json.utf8))
        #expect(throws: WireError.self) { try OpenAIRequestCodec.encode(request, model: "c") }
    }

    @Test(arguments: [
        (StopReason.endTurn, "stop", "end_turn"), (.maxTokens, "length", "max_tokens"),
        (.toolUse, "tool_calls", "tool_use"), (.refusal, "content_filter", "refusal"),
    ])
    func stopReasonsMapBothWays(reason: StopReason, openAI: String, anthropic: String) {
        #expect(OpenAIResponseCodec.finishReason(reason) == openAI)
        #expect(OpenAIResponseCodec.stopReason(openAI) == reason)
        #expect(AnthropicResponseCodec.stopReason(reason).0 == anthropic)
        #expect(AnthropicResponseCodec.stopReason(anthropic, sequence: nil) == reason)
    }

    @Test func openAIAnswerBecomesAnAnthropicAnswer() throws {
        let response = try OpenAIResponseCodec.decode(Data("""
            {"id":"c1","object":"chat.completion","created":1,"model":"gpt","system_fingerprint":"fp",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Let me check.","tool_calls":[{"id":"call_9","type":"function","function":{"name":"w","arguments":"{\\"q\\":true}"}}]},"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}
            """.utf8))
        let wire = try object(AnthropicResponseCodec.encode(response))
        #expect(wire["stop_reason"] == .string("tool_use"))
        #expect(wire["usage"] == .object(["input_tokens": .int(7), "output_tokens": .int(3)]))
        let content = try #require(wire["content"]?.arrayValue)
        #expect(content[0] == .object(["type": .string("text"), "text": .string("Let me check.")]))
        #expect(content[1]["input"] == .object(["q": .bool(true)]))
        #expect(wire["system_fingerprint"] == nil, "OpenAI-only members stay behind")
        let sameAPI = try object(OpenAIResponseCodec.encode(response))
        #expect(sameAPI["system_fingerprint"] == .string("fp"))
    }

    @Test func anthropicAnswerBecomesAnOpenAIAnswer() throws {
        let response = try AnthropicResponseCodec.decode(Data("""
            {"id":"msg_1","type":"message","role":"assistant","model":"claude","stop_reason":"max_tokens","stop_sequence":null,
             "content":[{"type":"text","text":"Hello"}],"usage":{"input_tokens":4,"output_tokens":1,"cache_read_input_tokens":2}}
            """.utf8))
        let wire = try object(OpenAIResponseCodec.encode(response))
        let choice = try #require(wire["choices"]?.arrayValue?.first)
        #expect(choice["finish_reason"] == .string("length"))
        #expect(choice["message"]?["content"] == .string("Hello"))
        #expect(wire["usage"]?["prompt_tokens"] == .int(6))
        #expect(wire["usage"]?["prompt_tokens_details"]?["cached_tokens"] == .int(2))
    }

    @Test func errorsRenderInBothFormats() throws {
        let error = RampartError.invalidRequest("bad", param: "messages")
        let openAI = try object(error.openAIBody)
        #expect(openAI["error"] == .object(["message": .string("bad"), "type": .string("invalid_request_error"),
                                            "param": .string("messages"), "code": .string("rampart_invalid_request")]))
        let anthropic = try object(error.anthropicBody)
        #expect(anthropic["type"] == .string("error"))
        #expect(anthropic["error"]?["type"] == .string("invalid_request_error"))
        #expect(anthropic["error"]?["code"] == .string("rampart_invalid_request"))
    }
}
