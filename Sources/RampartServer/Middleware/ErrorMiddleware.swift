import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RampartWire

/// Stamps every response with `x-rampart-request-id` and turns every error into a typed JSON error
/// in the caller's wire format: Anthropic's for `/v1/messages`, OpenAI's everywhere else.
///
/// Nothing escapes it as an HTML page, a stack trace or a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = RampartRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            if let clientError = Self.clientError(for: error, request: request, requestID: context.requestID) {
                if !(error is RampartError || error is HTTPError) {
                    context.logger.error("unhandled error", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
                }
                response = Self.response(for: clientError, api: Self.api(for: request))
            } else {
                context.logger.info("client disconnected; its upstream request was cancelled", metadata: ["request_id": "\(context.requestID)"])
                response = Response(status: .init(code: 499, reasonPhrase: "Client Closed Request"))
            }
        }
        response.headers[.rampartRequestID] = context.requestID
        return response
    }

    /// The typed error a failure is answered with; nil when the client went away (answered 499).
    static func clientError(for error: any Error, request: Request, requestID: String) -> RampartError? {
        switch error {
        case let error as RampartError: error
        case is ClientConnection.Disconnected: nil
        case let error as HTTPError: rampartError(error, request: request)
        default: RampartError(status: 500, code: "rampart_internal_error",
                              message: "Rampart failed while handling this request. Quote request id \(requestID) when reporting it.")
        }
    }

    /// The wire format a request's errors are written in.
    static func api(for request: Request) -> WireAPI {
        request.uri.path.hasPrefix("/v1/messages") ? .anthropic : .openAI
    }

    /// A JSON error response.
    static func response(for error: RampartError, api: WireAPI) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter = error.retryAfterSeconds { headers[.retryAfter] = String(retryAfter) }
        return Response(status: .init(code: error.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: error.body(for: api))))
    }

    /// Hummingbird's own errors (no route, wrong method, body too large) in Rampart's terms.
    private static func rampartError(_ error: HTTPError, request: Request) -> RampartError {
        switch error.status {
        case .notFound:
            return RampartError(status: 404, code: "rampart_not_found", message: "There is no endpoint \(request.method) \(request.uri.path).")
        case .methodNotAllowed:
            return RampartError(status: 405, code: "rampart_method_not_allowed", message: "\(request.method) is not allowed on \(request.uri.path).")
        case .contentTooLarge:
            return RampartError(status: 413, code: "rampart_request_too_large", message: "The request body is larger than this gateway accepts.")
        default:
            return RampartError(status: error.status.code, code: "rampart_invalid_request", message: error.body ?? error.status.reasonPhrase)
        }
    }
}

extension HTTPField.Name {
    static let rampartRequestID = Self("x-rampart-request-id")!
    static let rampartRoute = Self("x-rampart-route")!
    static let rampartAttempts = Self("x-rampart-attempts")!
    static let xAPIKey = Self("x-api-key")!
}
