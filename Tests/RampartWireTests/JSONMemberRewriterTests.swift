import Foundation
import Testing
@testable import RampartWire

@Suite struct JSONMemberRewriterTests {
    func rewrite(_ json: String) -> String? {
        JSONMemberRewriter.replacing("model", with: .string("gpt-real"), in: Data(json.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func replacesOnlyTheTopLevelModel() {
        let body = #"{ "messages": [{"role":"user","content":"say \"model\": {x}","model":"inner"}], "model" : "alias", "n": 1.5e3 ,"x":[true,null] }"#
        #expect(rewrite(body) == #"{ "messages": [{"role":"user","content":"say \"model\": {x}","model":"inner"}], "model" : "gpt-real", "n": 1.5e3 ,"x":[true,null] }"#)
    }

    @Test(arguments: [
        #"{"model":"a","model":"b"}"#,             // duplicate member
        #"{"mod\u0065l":"a","model":"b"}"#,        // a key spelled with escapes
        #"{"messages":[]}"#,                        // no model
        #"["model"]"#,                              // not an object
        #"{"model":"a""#,                           // truncated
        #"{"model" "a"}"#,                          // malformed
    ])
    func declinesWhatItCannotRewriteSafely(body: String) {
        #expect(rewrite(body) == nil)
    }

    @Test func sameAPIRequestsForwardTheClientsBytes() throws {
        let body = #"{"model":"alias","messages":[{"role":"user","content":"hi","x-vendor":{"deep":[1,2]}}],"logprobs":true}"#
        let request = try OpenAIRequestCodec.decode(Data(body.utf8))
        let forwarded = String(decoding: try OpenAIRequestCodec.encode(request, model: "gpt-real"), as: UTF8.self)
        #expect(forwarded == body.replacingOccurrences(of: "\"alias\"", with: "\"gpt-real\""))
        var changed = request
        changed.clientBody = nil
        changed.temperature = 0.5
        let encoded = try JSONDecoder().decode(JSONObject.self, from: OpenAIRequestCodec.encode(changed, model: "gpt-real"))
        #expect(encoded["temperature"] == .double(0.5) && encoded["model"] == .string("gpt-real"))
    }

    @Test func streamingBodiesAreReusedOnlyWhenTheyAlreadyAskForUsage() throws {
        let plain = try OpenAIRequestCodec.decode(Data(#"{"model":"a","stream":true,"messages":[{"role":"user","content":"hi"}]}"#.utf8))
        let encoded = try JSONDecoder().decode(JSONObject.self, from: OpenAIRequestCodec.encode(plain, model: "m"))
        #expect(encoded["stream_options"] == .object(["include_usage": .bool(true)]))
    }
}
