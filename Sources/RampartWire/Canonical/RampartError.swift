import Foundation

/// An error Rampart returns to a client: an HTTP status, a stable machine-readable `code`
/// (`rampart_…`, part of the HTTP contract) and a message a person can act on.
///
/// It renders in either wire format (``openAIBody``, ``anthropicBody``); it never carries upstream
/// credentials, stack traces or raw upstream HTML.
public struct RampartError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    /// The request member at fault, when there is one (`messages[0].content`).
    public var param: String?
    /// Seconds after which a retry may succeed (sent as `Retry-After`).
    public var retryAfterSeconds: Int?

    public init(status: Int, code: String, message: String, param: String? = nil, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.param = param
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(status) \(code): \(message)" }

    /// OpenAI's `error.type` for this status.
    public var openAIType: String {
        switch status {
        case 400, 404, 405, 409, 413, 415, 422: "invalid_request_error"
        case 401: "authentication_error"
        case 403: "permission_error"
        case 429: "rate_limit_error"
        default: "api_error"
        }
    }

    /// Anthropic's `error.type` for this status.
    public var anthropicType: String {
        switch status {
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 503, 529: "overloaded_error"
        case 400..<500: "invalid_request_error"
        default: "api_error"
        }
    }

    /// `{"error": {"message", "type", "param", "code"}}`.
    public var openAIBody: Data {
        let param = param.map { JSONValue.string($0) } ?? .null
        return body(.object(["error": .object([
            "message": .string(message), "type": .string(openAIType), "param": param, "code": .string(code),
        ])]))
    }

    /// `{"type": "error", "error": {"type", "message", "code"}}` (plus `param` when known).
    public var anthropicBody: Data {
        body(.object(["type": .string("error"), "error": .object(anthropicErrorMembers)]))
    }

    /// The members of Anthropic's `error` object, shared by the JSON body and the stream `error` event.
    var anthropicErrorMembers: JSONObject {
        var members: JSONObject = ["type": .string(anthropicType), "message": .string(message), "code": .string(code)]
        if let param { members["param"] = .string(param) }
        return members
    }

    /// The body in the wire format of `api`.
    public func body(for api: WireAPI) -> Data {
        switch api {
        case .openAI: openAIBody
        case .anthropic: anthropicBody
        }
    }

    private func body(_ value: JSONValue) -> Data {
        (try? WireJSON.encode(value)) ?? Data(#"{"error":{"message":"internal error"}}"#.utf8)
    }
}

extension RampartError {
    /// 400 `rampart_invalid_request`.
    public static func invalidRequest(_ message: String, param: String? = nil) -> RampartError {
        RampartError(status: 400, code: "rampart_invalid_request", message: message, param: param)
    }

    /// The typed 4xx for a request that failed to decode or translate.
    public init(_ error: WireError) {
        switch error {
        case .malformedJSON, .invalidField:
            self = .invalidRequest(error.description, param: error.field)
        case .untranslatable(let detail):
            self.init(status: 400, code: "rampart_untranslatable_request", message: detail)
        }
    }
}
