import Hummingbird

/// Per-request state carried through middleware and handlers.
public struct RampartRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id sent back as `x-rampart-request-id` and written to logs.
    public let requestID: String
    /// The client's connection, watched so that work for a client that left can be cancelled.
    let client: ClientConnection

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = Self.makeRequestID()
        client = ClientConnection(channel: source.channel)
    }

    /// `req_` and 16 random hex digits.
    static func makeRequestID() -> String {
        let hex = String(UInt64.random(in: .min ... .max), radix: 16)
        return "req_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
