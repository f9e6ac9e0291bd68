import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import RampartGateway
import RampartWire
@testable import RampartServer

/// The HTTP layer in process: routes, headers and typed errors in each caller's format.
@Suite struct ServerTests {
    static let key = "test-key-123"

    func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let config = try ConfigLoader.parse(yaml: """
            server: {max_body_bytes: 2048}
            providers: [{id: sim, kind: simulator, text: "fixed answer here"}]
            models: [{alias: sim, targets: [{provider: sim, model: sim-1}]}]
            keys: [{id: k, secret: env:TEST_KEY, tenant: t}]
            """, environment: ["TEST_KEY": Self.key])
        let gateway = try Gateway(config: config, logger: Logger(label: "test"))
        let app = Application(router: RampartServer.router(gateway: gateway))
        try await app.test(.router, test)
        await gateway.shutdown()
    }

    func json(_ buffer: ByteBuffer) throws -> JSONObject {
        try JSONDecoder().decode(JSONObject.self, from: Data(buffer.readableBytesView))
    }

    var auth: HTTPFields { [.authorization: "Bearer \(Self.key)", .contentType: "application/json"] }

    @Test func servesBothAPIsWithRouteHeaders() async throws {
        try await withApp { client in
            let chat = #"{"model":"sim","messages":[{"role":"user","content":"hi"}]}"#
            try await client.execute(uri: "/v1/chat/completions", method: .post, headers: auth, body: ByteBuffer(string: chat)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.rampartRoute] == "sim/sim-1")
                #expect(response.headers[.rampartAttempts] == "1")
                #expect(response.headers[.rampartRequestID].map { !$0.isEmpty && $0.allSatisfy(\.isHexDigit) } == true)
                let body = try json(response.body)
                #expect(body["choices"]?.arrayValue?.first?["message"]?["content"] == .string("fixed answer here"))
            }
            let messages = #"{"model":"sim","max_tokens":50,"messages":[{"role":"user","content":"hi"}]}"#
            var headers: HTTPFields = [.xAPIKey: Self.key]
            headers[.init("anthropic-version")!] = "2023-06-01"
            try await client.execute(uri: "/v1/messages", method: .post, headers: headers, body: ByteBuffer(string: messages)) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["type"] == .string("message") && body["stop_reason"] == .string("end_turn"))
            }
        }
    }

    @Test func streamsServerSentEvents() async throws {
        try await withApp { client in
            let chat = #"{"model":"sim","stream":true,"messages":[{"role":"user","content":"hi"}]}"#
            try await client.execute(uri: "/v1/chat/completions", method: .post, headers: auth, body: ByteBuffer(string: chat)) { response in
                #expect(response.headers[.contentType] == "text/event-stream")
                let text = String(buffer: response.body)
                #expect(text.hasSuffix("data: [DONE]\n\n"))
                #expect(text.contains(#""content":"fixed ""#))
            }
        }
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var name: String
        var path: String
        var body: [UInt8]
        var key: String?
        var status: HTTPResponse.Status
        var code: String
        var description: String { "\(name) on \(path)" }
    }

    static let cases: [ErrorCase] = ["/v1/chat/completions", "/v1/messages"].flatMap { path -> [ErrorCase] in
        let valid = path == "/v1/messages"
            ? #"{"model":"sim","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}"#
            : #"{"model":"sim","messages":[{"role":"user","content":"hi"}]}"#
        return [
            ErrorCase(name: "malformed JSON", path: path, body: Array("{\"model\": ".utf8), key: key, status: .badRequest, code: "rampart_invalid_request"),
            ErrorCase(name: "wrong type", path: path, body: Array(#"{"model":"sim","max_tokens":5,"messages":"hi"}"#.utf8), key: key, status: .badRequest, code: "rampart_invalid_request"),
            ErrorCase(name: "empty messages", path: path, body: Array(#"{"model":"sim","max_tokens":5,"messages":[]}"#.utf8), key: key, status: .badRequest, code: "rampart_invalid_request"),
            ErrorCase(name: "oversize", path: path, body: Array(valid.replacingOccurrences(of: "hi", with: String(repeating: "x", count: 4096)).utf8), key: key, status: .contentTooLarge, code: "rampart_request_too_large"),
            ErrorCase(name: "invalid UTF-8", path: path, body: Array(valid.utf8.prefix(40)) + [0xFF, 0xFE] + Array(valid.utf8.dropFirst(40)), key: key, status: .badRequest, code: "rampart_invalid_request"),
            ErrorCase(name: "unknown model", path: path, body: Array(valid.replacingOccurrences(of: "\"sim\"", with: "\"nope\"").utf8), key: key, status: .notFound, code: "rampart_model_not_found"),
            ErrorCase(name: "missing key", path: path, body: Array(valid.utf8), key: nil, status: .unauthorized, code: "rampart_missing_api_key"),
            ErrorCase(name: "wrong key", path: path, body: Array(valid.utf8), key: "wrong", status: .unauthorized, code: "rampart_invalid_api_key"),
        ]
    }

    @Test(arguments: cases)
    func badInputGetsATypedErrorInTheCallersFormat(_ errorCase: ErrorCase) async throws {
        try await withApp { client in
            var headers: HTTPFields = [.contentType: "application/json"]
            if let key = errorCase.key { headers[.authorization] = "Bearer \(key)" }
            try await client.execute(uri: errorCase.path, method: .post, headers: headers, body: ByteBuffer(bytes: errorCase.body)) { response in
                #expect(response.status == errorCase.status)
                #expect(response.headers[.rampartRequestID] != nil)
                let body = try json(response.body)
                if errorCase.path == "/v1/messages" {
                    #expect(body["type"] == .string("error"))
                    #expect(body["error"]?["code"] == .string(errorCase.code))
                    #expect(body["error"]?["type"]?.stringValue?.hasSuffix("error") == true || errorCase.status == .contentTooLarge)
                } else {
                    #expect(body["error"]?["code"] == .string(errorCase.code))
                    #expect(body["error"]?["type"] != nil)
                }
                #expect((body["error"]?["message"]?.stringValue ?? "").count > 10)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func listsModelsForAValidKeyOnly() async throws {
        try await withApp { client in
            try await client.execute(uri: "/v1/models", method: .get, headers: auth) { response in
                let body = try json(response.body)
                #expect(body["data"]?.arrayValue?.map { $0["id"] } == [.string("sim")])
            }
            try await client.execute(uri: "/v1/models", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try json(response.body)
                #expect(body["error"]?["code"] == .string("rampart_not_found"))
            }
        }
    }
}
