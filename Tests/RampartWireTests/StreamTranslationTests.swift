import Foundation
import Testing
@testable import RampartWire

/// Streams read from one vendor's wire and written in the other's.
@Suite struct StreamTranslationTests {
    func events(_ text: String) throws -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        return try parser.parse(Array(text.utf8)) + [parser.finish()].compactMap { $0 }
    }

    func json(_ event: ServerSentEvent) throws -> JSONObject {
        try JSONDecoder().decode(JSONObject.self, from: Data(event.data.utf8))
    }

    let openAIStream = """
        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"content":"Hel"}}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"content":"lo"}}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"w","arguments":""}}]}}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"a\\":"}}]}}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]}}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":4,"total_tokens":9}}

        data: [DONE]


        """

    @Test func openAIStreamDecodesToCanonicalEvents() throws {
        var decoder = OpenAIStreamDecoder()
        let canonical = try events(openAIStream).flatMap { try decoder.decode($0) }
        #expect(canonical == [
            .start(id: "c1", model: "gpt"), .textDelta("Hel"), .textDelta("lo"),
            .toolCallStart(index: 0, id: "call_1", name: "w"),
            .toolCallArgumentsDelta(index: 0, fragment: #"{"a":"#), .toolCallArgumentsDelta(index: 0, fragment: "1}"),
            .finish(.toolUse), .usage(Usage(inputTokens: 5, outputTokens: 4)),
        ])
        #expect(decoder.isComplete)
    }

    @Test func openAIStreamIsWrittenAsAnAnthropicStream() throws {
        var decoder = OpenAIStreamDecoder()
        var encoder = AnthropicStreamEncoder(model: "alias")
        var text = ""
        for event in try events(openAIStream) {
            for canonical in try decoder.decode(event) { text += try encoder.encode(canonical) }
        }
        text += try encoder.finish()
        let written = try events(text)
        #expect(written.map(\.event) == [
            "message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
            "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop",
        ])
        #expect(try json(written[5])["content_block"]?["type"] == .string("tool_use"))
        #expect(try json(written[6])["delta"]?["partial_json"] == .string(#"{"a":"#))
        let delta = try json(written[9])
        #expect(delta["delta"]?["stop_reason"] == .string("tool_use"))
        #expect(delta["usage"]?["output_tokens"] == .int(4))
    }

    let anthropicStream = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: ping
        data: {"type":"ping"}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"tu_1","name":"w","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"c\\":2}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":6}}

        event: message_stop
        data: {"type":"message_stop"}


        """

    @Test func anthropicStreamIsWrittenAsAnOpenAIStream() throws {
        var decoder = AnthropicStreamDecoder()
        var encoder = OpenAIStreamEncoder(model: "alias", includeUsage: true, created: 5)
        var text = ""
        for event in try events(anthropicStream) {
            for canonical in try decoder.decode(event) { text += try encoder.encode(canonical) }
        }
        #expect(decoder.isComplete)
        text += encoder.finish()
        let written = try events(text)
        #expect(written.last?.data == "[DONE]")
        let chunks = try written.dropLast().map(json)
        #expect(chunks.allSatisfy { $0["object"] == .string("chat.completion.chunk") && $0["id"] == .string("msg_1") })
        #expect(chunks[1]["choices"]?.arrayValue?.first?["delta"]?["content"] == .string("Hi"))
        let toolStart = chunks[2]["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue?.first
        #expect(toolStart?["id"] == .string("tu_1") && toolStart?["function"]?["name"] == .string("w"))
        #expect(chunks[4]["choices"]?.arrayValue?.first?["finish_reason"] == .string("tool_calls"))
        #expect(chunks[5]["usage"]?["prompt_tokens"] == .int(12) && chunks[5]["usage"]?["completion_tokens"] == .int(6))
    }

    @Test func usageChunkIsOmittedUnlessAskedFor() throws {
        var encoder = OpenAIStreamEncoder(model: "m", includeUsage: false)
        #expect(try encoder.encode(.usage(Usage(inputTokens: 1, outputTokens: 1))).isEmpty)
    }

    @Test func providerErrorsInsideAStreamAreReported() throws {
        var anthropic = AnthropicStreamDecoder()
        let error = ServerSentEvent(event: "error", data: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
        #expect(throws: UpstreamStreamError.providerError(type: "overloaded_error", message: "Overloaded")) { try anthropic.decode(error) }
        var openAI = OpenAIStreamDecoder()
        #expect(throws: UpstreamStreamError.self) { try openAI.decode(ServerSentEvent(data: #"{"error":{"message":"boom","type":"server_error"}}"#)) }
        #expect(throws: UpstreamStreamError.self) { try openAI.decode(ServerSentEvent(data: "<html>")) }
    }

    @Test func errorEventsEndStreamsInTheClientsFormat() throws {
        let error = RampartError(status: 502, code: "rampart_upstream_stream_cut", message: "cut")
        let anthropic = try events(AnthropicStreamEncoder(model: "m").error(error))
        #expect(anthropic.first?.event == "error")
        #expect(try json(anthropic[0])["error"]?["code"] == .string("rampart_upstream_stream_cut"))
        let openAI = try events(OpenAIStreamEncoder(model: "m", includeUsage: false).error(error))
        #expect(try json(openAI[0])["error"]?["code"] == .string("rampart_upstream_stream_cut"))
    }
}
